import type { FlowContext } from './flow-context.js';

/** Enough for every panel, lens and report query of a few flows and filters. */
const MAX_ENTRIES = 64;

/**
 * Remembers metric results per generation of the database: the overlay, the Analytics panel and
 * the report ask the same questions again and again, and over a million events some answers take
 * a second to compute. The engine tells the generation of the data: SQLite's `PRAGMA data_version`,
 * which changes whenever another connection commits (the CLI importing while the language server
 * has the file open), PostgreSQL's counter of committed batches; plus a count of this store's own
 * writes. Any import ends the generation, so a remembered answer is never older than the data.
 *
 * Results are handed out as copies: a caller that edits one cannot change what the next is told.
 */
export class QueryMemo {
    private readonly results = new Map<string, unknown>();
    private resultsGeneration = '';
    private ownWrites = 0;
    private readonly contexts = new WeakMap<FlowContext, string>();
    /** Answers served from memory since the store opened (for tests and the benchmark). */
    hits = 0;

    constructor(private readonly dataGeneration: () => Promise<string>) {}

    /** Called before and after each write of this connection: data_version does not change for its own commits. */
    noteWrite(): void {
        this.ownWrites++;
    }

    /** A stable text for what the numbers of these flows depend on (FlowContext.metricsKey), computed once per context. */
    contextKey(context: FlowContext): string {
        let key = this.contexts.get(context);
        if (key === undefined) this.contexts.set(context, key = context.metricsKey());
        return key;
    }

    async get<T>(key: string, compute: () => Promise<T>): Promise<T> {
        // Read before computing: a write that lands meanwhile starts a new generation, so this result is not reused after it.
        const generation = await this.currentGeneration();
        if (generation !== this.resultsGeneration) {
            this.results.clear();
            this.resultsGeneration = generation;
        }
        if (this.results.has(key)) {
            this.hits++;
            return structuredClone(this.results.get(key)) as T;
        }
        const value = await compute();
        if (this.resultsGeneration === generation) {
            if (this.results.size >= MAX_ENTRIES) this.results.delete(this.results.keys().next().value!);
            this.results.set(key, structuredClone(value));
        }
        return value;
    }

    /** The data's generation as the engine tells it (another process's commits included, this store's own writes not). */
    generation(): Promise<string> {
        return this.dataGeneration();
    }

    /** Drops every remembered answer (the benchmark measures cold queries this way). */
    forget(): void {
        this.results.clear();
    }

    private async currentGeneration(): Promise<string> {
        const writes = this.ownWrites;
        return `${await this.dataGeneration()}:${writes}`;
    }
}
