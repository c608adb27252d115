import { URI, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { ChatflowServices } from '../../language/chatflow-module.js';
import type { FlowGraph } from '../../language/flow-model.js';
import { FlowContext } from '../../analytics/flow-context.js';
import type { AnalyticsFilter, AnalyticsScope, ExperimentResult, Outcomes, ProblemBox } from '../../analytics/model.js';
import type { MetricStore } from '../../analytics/metric-store.js';
import type { AnalyticsUnavailable, BoxStatsResult } from '../protocol.js';
import { analyticsScope } from '../../analytics/scope-words.js';
import { readAnalyticsSettings, type AnalyticsSettings } from './analytics-settings.js';
import { StoreHolder } from './store-holder.js';

export interface Opened {
    store: MetricStore;
    settings: AnalyticsSettings;
}

/** What every analytics handler needs: the settings, the store, and the flows of a document. */
export class AnalyticsService {
    readonly holder: StoreHolder;
    private chatflow: ChatflowServices | undefined;
    /** Rises by one with every change of the numbers (AnalyticsChangedNotification). */
    generation = 0;
    /** The shared scope (the Analytics panel's filter): what a question without a filter reads. Changes with `generation`. */
    scope: AnalyticsScope = {};

    constructor(readonly shared: LangiumSharedServices, onOutsideChange: (db: string) => void) {
        this.holder = new StoreHolder(onOutsideChange);
    }

    /** Set once the language services exist (the code lens provider is created with them). */
    attach(chatflow: ChatflowServices): void {
        this.chatflow = chatflow;
    }

    settings(): Promise<AnalyticsSettings> {
        return readAnalyticsSettings(this.shared);
    }

    /** The store for reading, or why there is none. */
    async open(): Promise<Opened | AnalyticsUnavailable> {
        const settings = await this.settings();
        const store = await this.holder.read(settings.location);
        return 'available' in store ? store : { store, settings };
    }

    /**
     * The FlowGraphs of a loaded document (its own flows and the boxes they lead into). Handlers
     * get here after an await (settings, the store), when an edit may have reset the document:
     * its references are unlinked until the build links them again, and reading them then resolves
     * them too early (Langium warns "Attempted reference resolution before document reached
     * ComputedScopes state"). The FlowGraph cache answers a document not linked yet with its last graphs.
     */
    graphsOf(document: LangiumDocument): FlowGraph[] {
        return this.chatflow?.flow.FlowGraphs.of(document) ?? [];
    }

    /** Every flow of the workspace: chats can start in one file and continue in another. */
    workspaceContext(): FlowContext {
        const documents = this.shared.workspace.LangiumDocuments.all.toArray();
        return new FlowContext(documents.flatMap(d => this.graphsOf(d)));
    }

    documentContext(uri: string): FlowContext | undefined {
        const document = this.shared.workspace.LangiumDocuments.getDocument(URI.parse(uri));
        return document ? new FlowContext(this.graphsOf(document)) : undefined;
    }

    /** The filter a question reads: the settings' (time zone, timeout) and its own, or else the shared scope. */
    filterOf(settings: AnalyticsSettings, filter?: AnalyticsFilter): AnalyticsFilter {
        return { ...settings.filter, ...(filter ?? this.scope) };
    }

    /** The split experiments of a document's flows; none without a store. */
    async experiments(document: LangiumDocument, filter?: AnalyticsFilter): Promise<ExperimentResult[]> {
        const opened = await this.open();
        if ('available' in opened) return [];
        return opened.store.experiments(new FlowContext(this.graphsOf(document)), this.filterOf(opened.settings, filter));
    }

    /** One flow's fix-first list in the shared scope (a box's hover), with that scope; undefined without a store. */
    async fixFirst(graph: FlowGraph): Promise<{ rows: ProblemBox[]; scope: AnalyticsScope } | undefined> {
        const scope = this.scope;
        const opened = await this.open();
        if ('available' in opened) return undefined;
        return { rows: await opened.store.fixFirst(new FlowContext([graph]), this.filterOf(opened.settings, scope)), scope };
    }

    /** One flow's outcomes and the box to fix first (the flow's code lens); undefined without a store. */
    async flowOutcomes(graph: FlowGraph, filter?: AnalyticsFilter): Promise<{ outcomes: Outcomes; fixFirst?: ProblemBox } | undefined> {
        const opened = await this.open();
        if ('available' in opened) return undefined;
        const context = new FlowContext([graph]);
        const merged = this.filterOf(opened.settings, filter);
        return opened.store.snapshot(async () => ({
            outcomes: await opened.store.outcomes(context, merged),
            fixFirst: (await opened.store.fixFirst(context, merged)).find(row => row.lostTotal > 0)
        }));
    }

    async boxStats(document: LangiumDocument | string, filter?: AnalyticsFilter): Promise<BoxStatsResult> {
        await this.holder.whenIdle();
        // The generation and the scope of one moment: a scope set later comes with a newer generation.
        const generation = this.generation;
        const scope = filter ? analyticsScope(filter) : this.scope;
        const opened = await this.open();
        if ('available' in opened) return opened;
        const context = typeof document === 'string' ? this.documentContext(document) : new FlowContext(this.graphsOf(document));
        if (!context) return { available: true, db: opened.settings.db, stats: {}, edges: [], generation, scope };
        const merged = this.filterOf(opened.settings, filter ?? scope);
        // One snapshot: the box numbers and the edges from the same state of the data.
        const [stats, edges] = await opened.store.snapshot(() => Promise.all([opened.store.boxStats(context, merged), opened.store.edges(context, merged)]));
        return { available: true, db: opened.settings.db, stats, edges, generation, scope };
    }
}
