import * as path from 'node:path';
import * as vscode from 'vscode';
import { closesChat, type FlowGraph, type SourceRange } from '../../language/flow-model.js';
import { boxNumbers, SHOW_CHATS_COMMAND, type BoxStats, type ShowChatsArgs } from '../../server/protocol.js';
import { overlayEnabled } from '../analytics/analytics-overlay.js';
import { DocumentPanel } from '../panels/document-panel.js';
import type { FlowClient } from '../flow-client.js';
import { unknownMessage, type FromPreview, type ToPreview } from '../webview-protocol.js';
import { boxAt, findBox } from '../panels/box-at.js';
import { testCoverage } from './coverage.js';
import { webviewOptions, webviewPage } from '../panels/webview-page.js';
import { revealInEditor } from '../panels/reveal-box.js';
import { litPath, type LightPathArgs } from './light-path.js';
import { graphOverlay } from './stats-overlay.js';
import { SvgRequests } from './svg-requests.js';

/** What every panel shares: the extension's folder, the server, the log, and a message tap for tests. */
export interface PreviewContext {
    extensionUri: vscode.Uri;
    flows: FlowClient;
    output: vscode.LogOutputChannel;
    posted: vscode.EventEmitter<{ uri: string; message: ToPreview }>;
}

const REFRESH_DEBOUNCE_MS = 150;

/** The preview of one .chatflow document: pulls its FlowGraph, posts it, links cursor and boxes. */
export class PreviewPanel extends DocumentPanel<ToPreview> {
    static readonly viewType = 'chatflow.preview';
    private readonly svg = new SvgRequests(message => this.post(message));
    private flows: FlowGraph[] = [];
    private pulls = 0;
    private highlighted: string | undefined;
    /** The numbers last drawn on the graph, by box id (for the chats behind a click). */
    private stats: Record<string, BoxStats> = {};
    private statsPulls = 0;
    /** The path the Analytics panel asked to light, until the user clears it: lit again on every new graph. */
    private path: Omit<LightPathArgs, 'uri'> | undefined;

    constructor(panel: vscode.WebviewPanel, uri: vscode.Uri, private readonly ctx: PreviewContext,
        private readonly sourceColumn?: vscode.ViewColumn) {
        super(panel, uri, ctx.posted, REFRESH_DEBOUNCE_MS);
        panel.title = previewTitle(uri);
        panel.webview.options = webviewOptions(ctx.extensionUri);
        panel.webview.html = webviewPage('preview', panel.webview, ctx.extensionUri, panel.title);
        panel.webview.onDidReceiveMessage((message: FromPreview) => void this.receive(message), null, this.disposables);
        vscode.window.onDidChangeTextEditorSelection(e => {
            if (e.textEditor.document.uri.toString() === uri.toString()) this.highlight(e.selections[0].active);
        }, null, this.disposables);
        ctx.flows.onDidChange(uris => {
            if (uris.some(u => u.toString() === uri.toString())) this.scheduleRefresh();
        }, null, this.disposables);
        ctx.flows.onDidChangeAnalytics(() => void this.refreshStats(), null, this.disposables);
        vscode.workspace.onDidChangeConfiguration(e => {
            if (e.affectsConfiguration('chatflow.analytics')) void this.refreshStats();
        }, null, this.disposables);
    }

    /** The webview's drawing as a standalone SVG document (shown first if it is hidden). */
    requestSvg(): Promise<string> {
        if (!this.panel.visible) this.panel.reveal(undefined, true);
        return this.svg.drawing(path.basename(this.uri.fsPath), () => this.disposed);
    }

    /** Handles a message of the webview; resolves once it is handled (tests await reveals). */
    receive(message: FromPreview): Promise<void> {
        switch (message.type) {
            case 'ready': return this.refresh();
            case 'reveal': return this.reveal(message.boxId, message.range).then(undefined, (e: unknown) => {
                const text = `Could not show ${message.boxId} of ${path.basename(this.uri.fsPath)} in the editor: ${e instanceof Error ? e.message : String(e)}`;
                this.ctx.output.error(text);
                void vscode.window.showErrorMessage(text);
            });
            case 'showChats': return this.showChats(message.boxId);
            case 'svg': return Promise.resolve(this.svg.answer(message.requestId, message.svg));
            // Every view follows (the Analytics panel's filter too), through the change this announces.
            case 'clearScope': return this.ctx.flows.setScope({}).then(undefined, (e: unknown) =>
                this.ctx.output.error(`Could not clear the analytics filter: ${e instanceof Error ? e.message : String(e)}`));
            case 'clearPath': return Promise.resolve(void (this.path = undefined));
            case 'log': return Promise.resolve(this.ctx.output[message.level](`${this.panel.title}: ${message.message}`));
            default: return unknownMessage(message, 'from the preview webview');
        }
    }

    protected pullAgain(): void {
        void this.refresh();
    }

    /** Lights a complete path on the graph (its edges found in the graph drawn); before the first graph, once it comes. */
    lightPath(path: Omit<LightPathArgs, 'uri'>): void {
        this.path = path;
        if (this.flows.length > 0) this.post({ type: 'path', path: litPath(this.flows, path) });
    }

    private async refresh(): Promise<void> {
        const pull = ++this.pulls;
        const uri = this.uri.toString();
        try {
            const result = await this.ctx.flows.pull(this.uri);
            if (pull !== this.pulls) return; // a newer pull is under way
            if (!result.flows) return this.post({ type: 'problems', uri, errors: result.errors });
            this.flows = result.flows;
            this.post({ type: 'graph', uri, version: result.version, flows: result.flows });
            const editor = vscode.window.visibleTextEditors.find(e => e.document.uri.toString() === uri);
            this.highlighted = undefined;
            if (editor) this.highlight(editor.selection.active);
            this.post(testCoverage(result.flows));
            if (this.path) this.post({ type: 'path', path: litPath(result.flows, this.path) });
            await this.refreshStats();
        } catch (e) {
            const message = `Could not get the flow graph of ${this.uri.fsPath}: ${e instanceof Error ? e.message : String(e)}`;
            this.ctx.output.error(message);
            if (pull === this.pulls) this.post({ type: 'problems', uri, errors: [{ message, line: 0, character: 0 }] });
        }
    }

    /** Pulls the numbers of the document's boxes and edges; with the overlay off or no store, clears them. */
    private async refreshStats(): Promise<void> {
        if (this.flows.length === 0) return; // Nothing drawn yet: the first graph pulls them.
        const pull = ++this.statsPulls;
        try {
            const result = overlayEnabled() ? await this.ctx.flows.boxStats({ uri: this.uri.toString() }) : undefined;
            if (pull !== this.statsPulls) return;
            this.stats = result?.available ? result.stats : {};
            this.post(result?.available ? { type: 'stats', overlay: graphOverlay(this.flows, result.stats, result.edges), scope: result.scope } : { type: 'stats' });
        } catch (e) {
            this.ctx.output.warn(`Analytics numbers for the preview of ${path.basename(this.uri.fsPath)}: ${e instanceof Error ? e.message : String(e)}`);
        }
    }

    /** The chats behind a box's numbers, through the command its code lens runs. */
    private async showChats(boxId: string): Promise<void> {
        const box = findBox(this.flows, boxId);
        const stats = this.stats[boxId];
        if (!box || !stats) return;
        const args: ShowChatsArgs = { uri: this.uri.toString(), box: boxId, numbers: boxNumbers(stats, !closesChat(box.kind)) };
        await vscode.commands.executeCommand(SHOW_CHATS_COMMAND, args);
    }

    private highlight(position: vscode.Position): void {
        const boxId = boxAt(this.flows, this.uri.toString(), position)?.id;
        if (boxId === this.highlighted) return;
        this.highlighted = boxId;
        this.post({ type: 'highlight', boxId });
    }

    private reveal(boxId: string, fallback: SourceRange): Promise<void> {
        return revealInEditor(findBox(this.flows, boxId)?.nameRange ?? fallback, this.panel.viewColumn, this.sourceColumn);
    }

    override dispose(): void {
        if (!this.disposed) this.svg.dispose();
        super.dispose();
    }
}

export function previewTitle(uri: vscode.Uri): string {
    return `Preview ${path.basename(uri.fsPath)}`;
}

