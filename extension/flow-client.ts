import * as vscode from 'vscode';
import { State, WorkDoneProgress, type LanguageClient } from 'vscode-languageclient/node.js';
import type { DocumentFlows } from '../language/flow-model.js';
import {
    analyticsScope, AnalyticsChangedNotification, AnalyticsOverviewRequest, BoxStatsRequest, ChatsRequest, ConcludeExperimentRequest, ChatToTestRequest, DocumentsChangedNotification, FlowGraphRequest,
    ImportLogsRequest, isCancelledError, ReapplyPrivacyRequest, SetAnalyticsScopeRequest, TranscriptRequest, WorkspaceFlowsRequest,
    type AnalyticsChanged, type AnalyticsScope, type AnalyticsOverviewResult, type AnalyticsParams, type ChatToTestParams, type ChatToTestResult, type BoxStatsResult, type ChatPage, type ChatsParams, type ConcludeExperimentParams, type ImportLogsParams,
    type ImportSummary, type PrivacyPolicy, type ReapplyPrivacyResult, type TranscriptEntry, type WorkspaceFlow
} from '../server/protocol.js';

/** How long a pull waits for the server to start, or to load a document it did not know. */
const WAIT_MS = 30_000;

/** A long request's progress, as the server reports it. */
export interface RequestProgress { message: string; percentage?: number }

/** What an import gave: its summary, or that the user cancelled it (stored batches stay). */
export type ImportOutcome = { cancelled: false; summary: ImportSummary } | { cancelled: true };

let nextProgressToken = 0;

/**
 * The one way from the extension to the language server: every custom request and notification
 * of server/protocol.ts goes through here. The client keeps one handler per notification method,
 * so features subscribe to `onDidChange` here instead of calling `client.onNotification`
 * themselves (a second call would replace the first).
 */
export class FlowClient implements vscode.Disposable {
    private readonly changed = new vscode.EventEmitter<vscode.Uri[]>();
    /** Documents the server (re)validated: pull again if you show one of them. */
    readonly onDidChange = this.changed.event;
    private readonly analyticsChanged = new vscode.EventEmitter<AnalyticsChanged>();
    /**
     * The numbers changed (an import, a re-redaction, the settings, another machine's import):
     * code lenses, hovers, shading, the preview overlay and the panel pull again, all for this one
     * notification.
     */
    readonly onDidChangeAnalytics = this.analyticsChanged.event;
    /** The generation of the last AnalyticsChanged: an answer read at an older one is stale. */
    private generation = 0;
    private sharedScope: AnalyticsScope = {};
    private readonly subscriptions: vscode.Disposable[];
    /** The server started or stopped (a restart): numbers shown may be stale. */
    readonly onDidChangeState: vscode.Event<unknown>;

    constructor(private readonly client: LanguageClient) {
        this.onDidChangeState = client.onDidChangeState;
        this.subscriptions = [
            client.onNotification(DocumentsChangedNotification, params =>
                this.changed.fire(params.uris.map(uri => vscode.Uri.parse(uri)))),
            client.onNotification(AnalyticsChangedNotification, params => {
                this.generation = Math.max(this.generation, params.generation);
                this.analyticsChanged.fire(params);
            }),
            // A new server counts its generations from zero, and learns the scope again.
            client.onDidChangeState(e => {
                if (e.newState === State.Starting) this.generation = 0;
                if (e.newState === State.Running && Object.keys(this.sharedScope).length > 0) {
                    // A server that stops again before answering: its successor gets the scope when it runs.
                    this.client.sendRequest(SetAnalyticsScopeRequest, this.sharedScope).catch(() => undefined);
                }
            })
        ];
    }

    /**
     * The shared analytics scope: the Analytics panel's days and version, which the code lenses,
     * hovers, shading and preview overlay follow (every numbers request without a filter). The one
     * place the extension keeps it.
     */
    get scope(): AnalyticsScope {
        return this.sharedScope;
    }

    /**
     * Sets the shared scope. The server keeps a copy for its code lenses and hovers and announces
     * the change as AnalyticsChanged (cause 'scope'): every view pulls again, once.
     */
    async setScope(filter: AnalyticsScope): Promise<void> {
        const scope = analyticsScope(filter);
        if (JSON.stringify(scope) === JSON.stringify(this.sharedScope)) return;
        this.sharedScope = scope;
        // A server not running yet (or stopping) gets it when it runs (onDidChangeState above).
        if (this.client.state !== State.Running) return;
        await this.client.sendRequest(SetAnalyticsScopeRequest, scope);
    }

    /** Everything the Analytics panel shows for a document's flows (or why there are no numbers). */
    async analyticsOverview(params: AnalyticsParams): Promise<AnalyticsOverviewResult> {
        await this.whenRunning();
        return this.fresh(() => this.client.sendRequest(AnalyticsOverviewRequest, params));
    }

    /** Per-box and per-edge numbers of a document's flows (or why there are none). */
    async boxStats(params: AnalyticsParams): Promise<BoxStatsResult> {
        await this.whenRunning();
        return this.fresh(() => this.client.sendRequest(BoxStatsRequest, params));
    }

    /**
     * Asks again while the answer was read at a generation older than the last change notified:
     * a number computed before an import never shows after it.
     */
    private async fresh<T extends { available: boolean; generation?: number }>(ask: () => Thenable<T>): Promise<T> {
        for (let attempt = 0; ; attempt++) {
            const answer = await ask();
            if (!answer.available || answer.generation === undefined || answer.generation >= this.generation || attempt === 3) return answer;
        }
    }

    /** The chats behind one number; `total` equals the number. */
    async chats(params: ChatsParams): Promise<ChatPage> {
        await this.whenRunning();
        return this.client.sendRequest(ChatsRequest, params);
    }

    /** The edit that writes a chat as a test of its flow (the caller applies it), or why there is none. */
    async chatToTest(params: ChatToTestParams): Promise<ChatToTestResult> {
        await this.whenRunning();
        return this.client.sendRequest(ChatToTestRequest, params);
    }

    async transcript(chat: string): Promise<TranscriptEntry[]> {
        await this.whenRunning();
        return this.client.sendRequest(TranscriptRequest, { chat });
    }

    /** Imports logs into the workspace store, reporting progress; a cancelled import resolves to `{ cancelled: true }`. */
    async importLogs(params: ImportLogsParams, onProgress: (progress: RequestProgress) => void, token: vscode.CancellationToken): Promise<ImportOutcome> {
        await this.whenRunning();
        const workDoneToken = `chatflow-import-${process.pid}-${++nextProgressToken}`;
        const listening = this.client.onProgress(WorkDoneProgress.type, workDoneToken, value => {
            if (value.kind === 'report') onProgress({ message: value.message ?? '', percentage: value.percentage });
        });
        try {
            const summary = await this.client.sendRequest(ImportLogsRequest, { ...params, workDoneToken } as ImportLogsParams, token);
            // The client answers a request cancelled on our side with no value at all.
            return summary ? { cancelled: false, summary } : { cancelled: true };
        } catch (error) {
            if (isCancelledError(error) || error instanceof vscode.CancellationError) return { cancelled: true };
            throw error;
        } finally {
            listening.dispose();
        }
    }

    /** Records a split promoted to one arm in the store (after "Promote arm …" rewrote it). */
    async concludeExperiment(params: ConcludeExperimentParams): Promise<{ recorded: boolean; message: string }> {
        await this.whenRunning();
        return this.client.sendRequest(ConcludeExperimentRequest, params);
    }

    /** Every flow declared in the workspace, as the server's model has them. */
    async workspaceFlows(): Promise<WorkspaceFlow[]> {
        await this.whenRunning();
        return this.client.sendRequest(WorkspaceFlowsRequest);
    }

    /** Re-applies a privacy policy to every stored text of the workspace store. */
    async reapplyPrivacy(policy: PrivacyPolicy): Promise<ReapplyPrivacyResult> {
        await this.whenRunning();
        return this.client.sendRequest(ReapplyPrivacyRequest, { policy });
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
