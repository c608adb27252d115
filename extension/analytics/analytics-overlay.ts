import * as vscode from 'vscode';
import type { FlowClient } from '../flow-client.js';
import { createShadingTypes } from './drop-out-shading.js';
import { shadingStep } from '../webview-protocol.js';

export const OVERLAY_SETTING = 'chatflow.analytics.overlay';

export function overlayEnabled(): boolean {
    return vscode.workspace.getConfiguration('chatflow.analytics').get<boolean>('overlay', true);
}

/**
 * Shades the boxes of visible .chatflow editors by drop-out rate (the numbers are in the hover of
 * stats-hover.ts, on every box, shaded or not). Redrawn
 * when an editor shows, the server revalidates a document, an import changes the store, or the
 * overlay setting changes; cleared when the overlay is off. The code lenses come from the server.
 */
export class AnalyticsOverlay implements vscode.Disposable {
    private readonly types = createShadingTypes();
    private readonly subscriptions: vscode.Disposable[];

    constructor(private readonly flows: FlowClient, private readonly output: vscode.LogOutputChannel) {
        this.subscriptions = [
            vscode.window.onDidChangeVisibleTextEditors(() => this.refreshAll()),
            flows.onDidChange(uris => this.refreshAll(new Set(uris.map(u => u.toString())))),
            flows.onDidChangeAnalytics(() => this.refreshAll()),
            vscode.workspace.onDidChangeConfiguration(e => { if (e.affectsConfiguration('chatflow.analytics')) this.refreshAll(); })
        ];
    }

    refreshAll(only?: Set<string>): void {
        for (const editor of vscode.window.visibleTextEditors) {
            if (editor.document.languageId !== 'chatflow') continue;
            if (only && !only.has(editor.document.uri.toString())) continue;
            this.refresh(editor).catch(error => this.output.warn(`Analytics shading of ${editor.document.uri.fsPath}: ${error instanceof Error ? error.message : String(error)}`));
        }
    }

    private async refresh(editor: vscode.TextEditor): Promise<void> {
        const clear = () => this.types.forEach(t => editor.setDecorations(t, []));
        if (!overlayEnabled()) return clear();
        const uri = editor.document.uri;
        const document = await this.flows.pull(uri); // Waits for the server to run.
        const result = await this.flows.boxStats({ uri: uri.toString() });
        if (!result.available || !document.flows) return clear();
        const byStep = this.types.map(() => [] as vscode.DecorationOptions[]);
        for (const box of document.flows.flatMap(g => g.boxes)) {
            const stats = result.stats[box.id];
            if (box.external || box.range.uri !== uri.toString() || !stats) continue;
            const step = shadingStep(stats);
            if (step < 0) continue;
            const range = new vscode.Range(box.range.start.line, 0, box.range.start.line, 0);
            byStep[step].push({ range });
        }
        this.types.forEach((type, i) => editor.setDecorations(type, byStep[i]));
    }

    dispose(): void {
        this.subscriptions.forEach(s => s.dispose());
        this.types.forEach(t => t.dispose());
    }
}
