import * as vscode from 'vscode';
import { boxNumbers, CLEAR_SCOPE_COMMAND, scopeLabel, SHOW_CHATS_COMMAND, type AnalyticsScope, type BoxStats, type ShowChatsArgs } from '../../server/protocol.js';

/** The theme colours of the steps of DROP_OUT_STEPS (webview-protocol.ts), in the same order. */
const STEPS = [
    { color: 'diffEditor.removedLineBackground', ruler: undefined },
    { color: 'diffEditor.removedTextBackground', ruler: 'editorOverviewRuler.warningForeground' },
    { color: 'inputValidation.errorBackground', ruler: 'editorOverviewRuler.errorForeground' }
] as const;

export function createShadingTypes(): vscode.TextEditorDecorationType[] {
    return STEPS.map(step => vscode.window.createTextEditorDecorationType({
        isWholeLine: true,
        backgroundColor: new vscode.ThemeColor(step.color),
        overviewRulerColor: step.ruler ? new vscode.ThemeColor(step.ruler) : undefined,
        overviewRulerLane: vscode.OverviewRulerLane.Right
    }));
}

/** The numbers, a link that lists the chats behind them (the code lens's command), and the filter they are for with a link that clears it. */
export function shadingHover(stats: BoxStats, uri: string, canDropOut: boolean, scope: AnalyticsScope): vscode.MarkdownString {
    const pct = (stats.dropOutRate * 100).toFixed(1);
    const goals = Object.entries(stats.conversions).filter(([, c]) => c > 0).map(([g, c]) => `${c} → ${g}`).join(', ');
    const args: ShowChatsArgs = { uri, box: stats.box, numbers: boxNumbers(stats, canDropOut) };
    const link = `command:${SHOW_CHATS_COMMAND}?${encodeURIComponent(JSON.stringify([args]))}`;
    const filtered = scopeLabel(scope);
    const clear = filtered ? ` · _${filtered}_ · [Clear filter](command:${CLEAR_SCOPE_COMMAND})` : '';
    const hover = new vscode.MarkdownString(`**${stats.box}**: ${stats.visits} chats, ${stats.dropOuts} dropped out here (${pct}%)${goals ? `; converted: ${goals}` : ''}\n\n[List the chats](${link})${clear}`);
    hover.isTrusted = { enabledCommands: [SHOW_CHATS_COMMAND, CLEAR_SCOPE_COMMAND] };
    return hover;
}
