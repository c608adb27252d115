import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node.js';
import type { DocumentFlows } from '../language/flow-model.js';
import type { ChatPage, TranscriptEntry } from '../analytics/model.js';
import {
    AnalyticsChangedNotification, AnalyticsOverviewRequest, BoxStatsRequest, ChatsRequest, DocumentsChangedNotification, FlowGraphRequest, TranscriptRequest,
    type AnalyticsOverviewResult, type AnalyticsParams, type BoxStatsResult, type ChatsParams
} from '../server/protocol.js';

/** How long a pull waits for the server to start, or to load a document it did not know. */
const WAIT_MS = 30_000;

/**
 * The one place the extension pulls FlowGraphs and hears which documents changed. The client
 * keeps one handler per notification method, so features subscribe to `onDidChange` here
 * instead of calling `client.onNotification` themselves (a second call would replace the first).
 */
export class FlowClient implements vscode.Disposable {
    private readonly changed = new vscode.EventEmitter<vscode.Uri[]>();
    /** Documents the server (re)validated: pull again if you show one of them. */
    readonly onDidChange = this.changed.event;
    private readonly analyticsChanged = new vscode.EventEmitter<string>();
    /** An import changed the analytics store (its file): pull the numbers again. */
    readonly onDidChangeAnalytics = this.analyticsChanged.event;
    private readonly subscriptions: vscode.Disposable[];

    constructor(readonly client: LanguageClient) {
        this.subscriptions = [
            client.onNotification(DocumentsChangedNotification, params =>
                this.changed.fire(params.uris.map(uri => vscode.Uri.parse(uri)))),
            client.onNotification(AnalyticsChangedNotification, params => this.analyticsChanged.fire(params.db))
        ];
    }

    /** Everything the Analytics panel shows for a document's flows (or why there are no numbers). */
    async analyticsOverview(params: AnalyticsParams): Promise<AnalyticsOverviewResult> {
        await this.whenRunning();
        return this.client.sendRequest(AnalyticsOverviewRequest, params);
    }

    /** Per-box and per-edge numbers of a document's flows (or why there are none). */
    async boxStats(params: AnalyticsParams): Promise<BoxStatsResult> {
        await this.whenRunning();
        return this.client.sendRequest(BoxStatsRequest, params);
    }

    /** The chats behind one number; `total` equals the number. */
    async chats(params: ChatsParams): Promise<ChatPage> {
        await this.whenRunning();
        return this.client.sendRequest(ChatsRequest, params);
    }

    async transcript(chat: string): Promise<TranscriptEntry[]> {
        await this.whenRunning();
        return this.client.sendRequest(TranscriptRequest, { chat });
    }

    /**
     * The flows of a document, once the server has validated it (`flows` absent while it has
     * errors). A document the server has not loaded (outside the workspace) is opened first.
     */
    async pull(uri: vscode.Uri): Promise<DocumentFlows> {
        await this.whenRunning();
        const first = await this.client.sendRequest(FlowGraphRequest, { uri: uri.toString() });
        if (first) return first;
        const loaded = this.nextChangeOf(uri);
        await vscode.workspace.openTextDocument(uri);
        await loaded;
        const second = await this.client.sendRequest(FlowGraphRequest, { uri: uri.toString() });
        if (second) return second;
        throw new Error(`The Chatflow language server does not know ${uri.fsPath}. Is it a .chatflow file?`);
    }

    private whenRunning(): Promise<void> {
        if (this.client.state === State.Running) return Promise.resolve();
        return waitFor(this.client.onDidChangeState, e => e.newState === State.Running,
            `The Chatflow language server did not start within ${WAIT_MS / 1000} s (state: ${State[this.client.state]}). ` +
            'See the "Chatflow" output channel, then run "Chatflow: Restart Language Server".');
    }

    private nextChangeOf(uri: vscode.Uri): Promise<void> {
        const key = uri.toString();
        return waitFor(this.onDidChange, uris => uris.some(u => u.toString() === key),
            `The Chatflow language server did not load ${uri.fsPath} within ${WAIT_MS / 1000} s.`);
    }

    dispose(): void {
        this.subscriptions.forEach(s => s.dispose());
        this.changed.dispose();
        this.analyticsChanged.dispose();
    }
}

function waitFor<T>(event: vscode.Event<T>, accept: (value: T) => boolean, timeoutMessage: string): Promise<void> {
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
            listener.dispose();
            reject(new Error(timeoutMessage));
        }, WAIT_MS);
        const listener = event(value => {
            if (!accept(value)) return;
            clearTimeout(timer);
            listener.dispose();
            resolve();
        });
    });
}
