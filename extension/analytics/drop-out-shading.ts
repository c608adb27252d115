import * as vscode from 'vscode';
import type { BoxStats } from '../../server/analytics/model.js';
import { boxNumbers, SHOW_CHATS_COMMAND, type ShowChatsArgs } from '../../server/analytics-handlers/show-chats-command.js';

/** Drop-out rate thresholds of the shading steps (the rate must reach the step's value). */
const STEPS = [
    { from: 0.05, color: 'diffEditor.removedLineBackground', ruler: undefined },
    { from: 0.15, color: 'diffEditor.removedTextBackground', ruler: 'editorOverviewRuler.warningForeground' },
    { from: 0.30, color: 'inputValidation.errorBackground', ruler: 'editorOverviewRuler.errorForeground' }
] as const;

export function createShadingTypes(): vscode.TextEditorDecorationType[] {
    return STEPS.map(step => vscode.window.createTextEditorDecorationType({
        isWholeLine: true,
        backgroundColor: new vscode.ThemeColor(step.color),
        overviewRulerColor: step.ruler ? new vscode.ThemeColor(step.ruler) : undefined,
        overviewRulerLane: vscode.OverviewRulerLane.Right
    }));
}

/** The step (index into the decoration types) of a box, or -1 for no shading. */
export function shadingStep(stats: BoxStats): number {
    let step = -1;
    STEPS.forEach((s, i) => { if (stats.visits > 0 && stats.dropOutRate >= s.from) step = i; });
    return step;
}

/** The numbers, and a link that lists the chats behind them (the code lens's command). */
export function shadingHover(stats: BoxStats, uri: string, canDropOut: boolean): vscode.MarkdownString {
    const pct = (stats.dropOutRate * 100).toFixed(1);
    const goals = Object.entries(stats.conversions).filter(([, c]) => c > 0).map(([g, c]) => `${c} → ${g}`).join(', ');
    const args: ShowChatsArgs = { uri, box: stats.box, numbers: boxNumbers(stats, canDropOut) };
    const link = `command:${SHOW_CHATS_COMMAND}?${encodeURIComponent(JSON.stringify([args]))}`;
    const hover = new vscode.MarkdownString(`**${stats.box}**: ${stats.visits} chats, ${stats.dropOuts} dropped out here (${pct}%)${goals ? `; converted: ${goals}` : ''}\n\n[List the chats](${link})`);
    hover.isTrusted = { enabledCommands: [SHOW_CHATS_COMMAND] };
    return hover;
}
