import * as path from 'node:path';
import * as vscode from 'vscode';
import { CHAT_TO_TEST_COMMAND } from '../../server/protocol.js';
import { analyticsScope, isFiltered, unknownMessage, type AnalyticsFilter, type FromAnalytics, type PanelFilter, type ToAnalytics } from '../webview-protocol.js';
import { DocumentPanel } from '../panels/document-panel.js';
import type { FlowClient } from '../flow-client.js';
import { findBox } from '../panels/box-at.js';
import { revealInEditor } from '../panels/reveal-box.js';
import { LIGHT_PATH_COMMAND, type LightPathArgs } from '../preview/light-path.js';
import { webviewOptions, webviewPage } from '../panels/webview-page.js';

/** What every Analytics panel shares: the extension's folder, the server, the log, a message tap for tests. */
export interface AnalyticsContext {
    extensionUri: vscode.Uri;
    flows: FlowClient;
    output: vscode.LogOutputChannel;
    posted: vscode.EventEmitter<{ uri: string; message: ToAnalytics }>;
}

const REFRESH_DEBOUNCE_MS = 200;

/** The Analytics panel of one .chatflow document: pulls its overview, answers drill-downs, reveals boxes. */
export class AnalyticsPanel extends DocumentPanel<ToAnalytics> {
    static readonly viewType = 'chatflow.analytics';
    private pulls = 0;
    /** Applies to every number the panel shows and every list of chats behind one; its days and version are the shared scope. */
    private filter: PanelFilter = {};
    /** A box whose fix-first row to open once the numbers are shown (a hover's link). */
    private focus: string | undefined;
    private shown = false;

    constructor(panel: vscode.WebviewPanel, uri: vscode.Uri, private readonly ctx: AnalyticsContext,
        private readonly sourceColumn?: vscode.ViewColumn) {
        super(panel, uri, ctx.posted, REFRESH_DEBOUNCE_MS);
        panel.title = analyticsTitle(uri);
        panel.webview.options = webviewOptions(ctx.extensionUri);
        panel.webview.html = webviewPage('analytics', panel.webview, ctx.extensionUri, panel.title);
        panel.webview.onDidReceiveMessage((message: FromAnalytics) => void this.receive(message), null, this.disposables);
        ctx.flows.onDidChangeAnalytics(() => this.scheduleRefresh(), null, this.disposables);
        ctx.flows.onDidChange(uris => {
            if (uris.some(u => u.toString() === uri.toString())) this.scheduleRefresh();
        }, null, this.disposables);
    }

    /** Handles a message of the webview; resolves once it is handled (tests await it). */
    async receive(message: FromAnalytics): Promise<void> {
        const name = path.basename(this.uri.fsPath);
        try {
            switch (message.type) {
                case 'ready':
                    // A panel restored with a filter brings it back; a new one shows the shared scope.
                    if (message.filter) this.filter = message.filter;
                    if (message.filter && isFiltered(message.filter)) await this.ctx.flows.setScope(analyticsScope(message.filter));
                    this.cancelScheduledRefresh();
                    return await this.refresh();
                case 'filter':
                    this.filter = message.filter;
                    // The lenses, hovers and preview follow; they pull again on the change this announces.
                    await this.ctx.flows.setScope(analyticsScope(message.filter));
                    this.cancelScheduledRefresh();
                    return await this.refresh();
                case 'reveal': {
                    const box = findBox((await this.ctx.flows.pull(this.uri)).flows ?? [], message.boxId);
                    if (!box) throw new Error(`${name} has no box ${message.boxId} any more (or has errors): fix the file, then try again`);
                    return await revealInEditor(box.nameRange, this.panel.viewColumn, this.sourceColumn);
                }
                case 'lightPath': {
                    const args: LightPathArgs = { uri: this.uri.toString(), boxes: message.boxes, chats: message.chats, converted: message.converted };
                    return void await vscode.commands.executeCommand(LIGHT_PATH_COMMAND, args);
                }
                case 'chats': {
                    const filter = { ...numbersFilter(this.filter), ...(message.segment ? { segment: message.segment } : {}) };
                    const page = await this.ctx.flows.chats({ uri: this.uri.toString(), drill: message.drill, filter, offset: message.offset, limit: message.limit });
                    return this.post({ type: 'chats', requestId: message.requestId, page });
                }
                case 'transcript': {
                    const entries = await this.ctx.flows.transcript(message.chat);
                    return this.post({ type: 'transcript', requestId: message.requestId, chat: message.chat, entries });
                }
                case 'chatToTest': return void await vscode.commands.executeCommand(CHAT_TO_TEST_COMMAND, { chat: message.chat, flow: message.flow });
                case 'import': return void await vscode.commands.executeCommand('chatflow.importLogs');
                case 'retry': return await this.refresh();
                case 'log': return this.ctx.output[message.level](`${this.panel.title}: ${message.message}`);
                default: return unknownMessage(message, 'from the Analytics webview');
            }
        } catch (e) {
            const text = `Analytics of ${name}: could not handle '${message.type}': ${e instanceof Error ? e.message : String(e)}`;
            this.ctx.output.error(text);
            const requestId = 'requestId' in message ? message.requestId : undefined;
            this.post({ type: 'failed', requestId, message: text });
        }
    }

    /** Through receive(), so a failed pull is logged and shown in the page. */
    protected pullAgain(): void {
        void this.receive({ type: 'ready' });
    }

    /** Opens the fix-first row of `box` (now, or once the numbers are shown). */
    focusRow(box: string): void {
        if (this.shown) this.post({ type: 'focusBox', box });
        else this.focus = box;
    }

    private async refresh(): Promise<void> {
        const pull = ++this.pulls;
        // The shared scope may have changed elsewhere (cleared in the preview or a lens): the panel follows.
        const { segmentBy } = this.filter;
        const filter: PanelFilter = { ...this.ctx.flows.scope, ...(segmentBy ? { segmentBy } : {}) };
        this.filter = filter;
        const result = await this.ctx.flows.analyticsOverview({ uri: this.uri.toString(), filter: numbersFilter(filter), segmentBy: filter.segmentBy });
        if (pull !== this.pulls) return;
        this.post({ type: 'overview', uri: this.uri.toString(), title: this.panel.title, result, filter });
        this.shown = true;
        if (this.focus) this.post({ type: 'focusBox', box: this.focus });
        this.focus = undefined;
    }

}

/** The panel's filter as the numbers take it: the segment picked is shown side by side, it selects no chats. */
function numbersFilter(filter: PanelFilter): AnalyticsFilter {
    const { segmentBy: _shown, ...numbers } = filter;
    return numbers;
}

export function analyticsTitle(uri: vscode.Uri): string {
    return `Analytics ${path.basename(uri.fsPath)}`;
}

