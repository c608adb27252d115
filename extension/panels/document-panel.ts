import * as vscode from 'vscode';

/**
 * What the preview and Analytics panels share: one webview panel per document, a debounced
 * re-pull, typed posting (also to a tap that tests listen on), and disposal that drains every
 * listener and tells the panel's registry.
 */
export abstract class DocumentPanel<ToMessage> implements vscode.Disposable {
    protected readonly disposables: vscode.Disposable[] = [];
    private readonly closed = new vscode.EventEmitter<void>();
    readonly onDidDispose = this.closed.event;
    private refreshTimer: NodeJS.Timeout | undefined;
    protected disposed = false;

    protected constructor(
        readonly panel: vscode.WebviewPanel,
        readonly uri: vscode.Uri,
        private readonly tap: vscode.EventEmitter<{ uri: string; message: ToMessage }>,
        private readonly refreshDebounceMs: number
    ) {
        panel.onDidDispose(() => this.dispose(), null, this.disposables);
    }

    /** Pulls the panel's data again and posts it. */
    protected abstract pullAgain(): void;

    scheduleRefresh(): void {
        clearTimeout(this.refreshTimer);
        this.refreshTimer = setTimeout(() => this.pullAgain(), this.refreshDebounceMs);
    }

    /** Drops a re-pull scheduled meanwhile: the caller pulls now (the change it made announced itself). */
    protected cancelScheduledRefresh(): void {
        clearTimeout(this.refreshTimer);
    }

    protected post(message: ToMessage): void {
        if (this.disposed) return;
        this.tap.fire({ uri: this.uri.toString(), message });
        void this.panel.webview.postMessage(message);
    }

    dispose(): void {
        if (this.disposed) return;
        this.disposed = true;
        clearTimeout(this.refreshTimer);
        this.panel.dispose();
        while (this.disposables.length) this.disposables.pop()?.dispose();
        this.closed.fire();
        this.closed.dispose();
    }
}
