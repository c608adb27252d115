import * as vscode from 'vscode';
import type { PreviewState } from '../webview-protocol.js';
import { PreviewPanel, previewTitle, type PreviewContext } from './preview-panel.js';
import { webviewOptions } from '../panels/webview-page.js';

/** One preview panel per document: opening again reveals it; panels come back after a reload. */
export class PreviewManager implements vscode.Disposable {
    private readonly panels = new Map<string, PreviewPanel>();

    constructor(private readonly ctx: PreviewContext) {}

    createOrShow(uri: vscode.Uri, toSide: boolean): PreviewPanel {
        const existing = this.panels.get(uri.toString());
        if (existing) {
            existing.panel.reveal(existing.panel.viewColumn, toSide);
            return existing;
        }
        const sourceColumn = vscode.window.activeTextEditor?.viewColumn;
        const viewColumn = toSide ? vscode.ViewColumn.Beside : sourceColumn ?? vscode.ViewColumn.Active;
        // Retained while hidden: the simulator's chat and the viewport survive switching tabs.
        const panel = vscode.window.createWebviewPanel(PreviewPanel.viewType, previewTitle(uri),
            { viewColumn, preserveFocus: toSide }, { ...webviewOptions(this.ctx.extensionUri), retainContextWhenHidden: true });
        return this.track(new PreviewPanel(panel, uri, this.ctx, sourceColumn));
    }

    /** Restores a panel VS Code kept across a reload, from the state the webview saved. */
    revive(panel: vscode.WebviewPanel, state: unknown): void {
        const uri = stateUri(state);
        if (!uri) {
            this.ctx.output.warn(`Closed a Chatflow preview that could not be restored: it saved no document (${JSON.stringify(state)}).`);
            panel.dispose();
            return;
        }
        this.panels.get(uri.toString())?.dispose();
        this.track(new PreviewPanel(panel, uri, this.ctx));
    }

    /** The preview the user is looking at, else the preview of the active editor's document. */
    current(): PreviewPanel | undefined {
        const all = [...this.panels.values()];
        const document = vscode.window.activeTextEditor?.document.uri.toString();
        return all.find(p => p.panel.active) ?? (document ? this.panels.get(document) : undefined);
    }

    get(uri: vscode.Uri): PreviewPanel | undefined {
        return this.panels.get(uri.toString());
    }

    openDocuments(): vscode.Uri[] {
        return [...this.panels.values()].map(p => p.uri);
    }

    private track(preview: PreviewPanel): PreviewPanel {
        const key = preview.uri.toString();
        this.panels.set(key, preview);
        preview.onDidDispose(() => {
            if (this.panels.get(key) === preview) this.panels.delete(key);
        });
        return preview;
    }

    dispose(): void {
        for (const preview of [...this.panels.values()]) preview.dispose();
        this.panels.clear();
    }
}

function stateUri(state: unknown): vscode.Uri | undefined {
    const uri = (state as Partial<PreviewState> | undefined)?.uri;
    return typeof uri === 'string' && uri.length > 0 ? vscode.Uri.parse(uri) : undefined;
}
