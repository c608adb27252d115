import { AsyncLocalStorage } from 'node:async_hooks';
import { FlowContext } from './flow-context.js';
import { funnelPath } from './funnel-path.js';
import { boxStats } from './metrics/box-stats.js';
import { conversions } from './metrics/conversions.js';
import { chatPage } from './metrics/drill-down.js';
import { dropOuts } from './metrics/drop-outs.js';
import { dwellBeforeDropOut } from './metrics/dwell.js';
import { convertingEdges, edges } from './metrics/edges.js';
import { frequentPaths, type FrequentPath } from './metrics/frequent-paths.js';
import { funnelSteps } from './metrics/funnel.js';
import { scopeOf } from './metrics/scope.js';
import type { SqlRunner } from './metrics/sql.js';
import { transcript } from './metrics/transcript.js';
import { unmatchedSteps } from './metrics/unmatched-steps.js';
import { chatsTakingPairs } from './metrics/untested-traffic.js';
import { compareVersions, versions } from './metrics/versions.js';
import { visits } from './metrics/visits.js';
import { armDays } from './metrics/experiments.js';
import { completePaths } from './metrics/complete-paths.js';
import { fixFirst } from './metrics/fix-first.js';
import { outcomes } from './metrics/outcomes.js';
import { parseSegmentBy } from './metrics/segment-sql.js';
import { segmentValues } from './metrics/segments.js';
import { timeToConvert } from './metrics/time-to-convert.js';
import { analyseExperiment } from './experiments/experiment-analysis.js';
import type {
    AnalyticsFilter, CompletePath, Outcomes, ProblemBox, SegmentBy, SegmentValue, TimeToConvert, BoxDropOuts, BoxStats, BoxVisits, ChatPage, ConcludedExperiment, DrillDown, DropOutDwell, EdgeTraffic, ExperimentResult, Funnel, GoalConversions,
    PrivacyStatus, TranscriptEntry, UnmatchedStep, VersionComparison
} from './model.js';
import { privacyStatus } from './privacy-log.js';
import { QueryMemo } from './query-memo.js';
import { remapUnmatched, UNMATCHED_GROUPS, unmatchedFixes, type WriteRunner } from './unmatched-remap.js';
import type { AnalyticsStore, BatchResult, ImportRecord, PageRequest, StoredEvent, StoreOverview, StoreStatus } from './store.js';

/**
 * What both store engines share: every metric, drill-down and transcript runs the same SQL
 * (../metrics, one file per metric) through the engine's runner, and answers are remembered until
 * the data changes (query-memo.ts). An engine adds how it stores batches, names its errors and
 * tells the data's generation.
 *
 * Every read runs in a snapshot of the engine (inSnapshot): one read transaction whose queries all
 * see one committed state. `snapshot(work)` runs several store calls in one, so a report or the
 * editor's overview request never mixes numbers from before and after an import that commits
 * meanwhile. The memo's generation is read in the same snapshot as the answer it keys.
 */
export abstract class MetricStore implements AnalyticsStore {
    abstract readonly file: string;
    abstract readonly engine: 'sqlite' | 'postgres';
    readonly memo: QueryMemo;
    /** The runner of the snapshot the current call runs in. */
    private readonly current = new AsyncLocalStorage<SqlRunner>();

    protected constructor(private readonly base: SqlRunner, generation: (db: SqlRunner) => Promise<string>) {
        this.memo = new QueryMemo(() => generation(this.db));
    }

    /** Where queries go: the snapshot under way, else the store's runner. */
    protected get db(): SqlRunner {
        return this.current.getStore() ?? this.base;
    }

    snapshot<T>(work: () => Promise<T>): Promise<T> {
        return this.reading(work);
    }

    /** The engine's SQL runner, for library code that reads or appends its own tables (the export audit log). */
    get sql(): SqlRunner {
        return this.db;
    }

    abstract importBatch(events: readonly StoredEvent[]): Promise<BatchResult>;

    /** Re-maps stored unmatched events to the boxes the flows now name (an alias added after the import). */
    resolveUnmatched(context: FlowContext): Promise<number> {
        return this.writing(async () => {
            const fixes = unmatchedFixes(await this.db.all(UNMATCHED_GROUPS), context);
            return fixes.length === 0 ? 0 : this.remapping(db => remapUnmatched(db, fixes));
        });
    }

    /** Runs `remap` in a write transaction with an empty `touched` table, then refreshes the touched chats' facts. */
    protected abstract remapping(remap: (db: WriteRunner) => Promise<number>): Promise<number>;
    abstract close(): Promise<void>;
    /** The engine's errors about its database, as AnalyticsErrors that name it and say what to do (or undefined). */
    protected abstract explain(error: unknown): Error | undefined;

    async recordImport(file: string, summary: ImportRecord): Promise<void> {
        await this.writing(() => this.inTransaction(async db => {
            const now = Date.now();
            await db.all('INSERT INTO imports (file, finished_at, imported, duplicates, malformed) VALUES (?, ?, ?, ?, ?)',
                [file, now, summary.imported, summary.duplicates, summary.malformed]);
            await db.all("INSERT INTO privacy_log (at, action, policy, salt_id, file, texts) VALUES (?, 'import', ?, ?, ?, ?)",
                [now, summary.policy, summary.saltId ?? '', file, summary.imported]);
        }));
        if (summary.imported > 0) await this.writing(() => this.refreshStatistics());
    }

    /** After an import added events: the engine's planner statistics brought up to date (none needed by default). */
    protected async refreshStatistics(): Promise<void> {}

    privacyStatus(): Promise<PrivacyStatus> {
        return this.reading(() => privacyStatus(this.db));
    }

    visits(context: FlowContext, filter?: AnalyticsFilter): Promise<BoxVisits[]> {
        return this.remembered(['visits', context, filter], () => visits(this.db, scopeOf(filter, context)));
    }

    dropOuts(context: FlowContext, filter?: AnalyticsFilter): Promise<BoxDropOuts[]> {
        return this.remembered(['dropOuts', context, filter], () => dropOuts(this.db, context, scopeOf(filter, context)));
    }

    edges(context: FlowContext, filter?: AnalyticsFilter): Promise<EdgeTraffic[]> {
        return this.remembered(['edges', context, filter], () => edges(this.db, scopeOf(filter, context)));
    }

    conversions(context: FlowContext, filter?: AnalyticsFilter): Promise<GoalConversions[]> {
        return this.remembered(['conversions', context, filter], () => conversions(this.db, context, scopeOf(filter, context)));
    }

    funnel(context: FlowContext, request: { steps: string[] } | { goal: string }, filter?: AnalyticsFilter): Promise<Funnel> {
        return this.remembered(['funnel', context, request, filter], async () => {
            const scope = scopeOf(filter, context);
            if ('steps' in request) return { path: 'given', steps: await funnelSteps(this.db, request.steps, scope) };
            const chosen = funnelPath(context, request.goal, await convertingEdges(this.db, context, scope, request.goal));
            return { goal: request.goal, path: chosen.path, steps: await funnelSteps(this.db, chosen.steps, scope) };
        });
    }

    dwellBeforeDropOut(context: FlowContext, filter?: AnalyticsFilter): Promise<DropOutDwell[]> {
        return this.remembered(['dwell', context, filter], () => dwellBeforeDropOut(this.db, context, scopeOf(filter, context)));
    }

    compareVersions(context: FlowContext, a: string, b: string, filter?: AnalyticsFilter): Promise<VersionComparison[]> {
        return this.remembered(['compareVersions', context, a, b, filter], () => compareVersions(this.db, context, scopeOf(filter, context), a, b));
    }

    versions(context: FlowContext, filter?: AnalyticsFilter): Promise<Array<{ version: string; chats: number }>> {
        return this.remembered(['versions', context, filter], () => versions(this.db, context, scopeOf(filter, context)));
    }

    boxStats(context: FlowContext, filter?: AnalyticsFilter): Promise<Record<string, BoxStats>> {
        return this.remembered(['boxStats', context, filter], () => boxStats(this.db, context, scopeOf(filter, context)));
    }

    chatsTaking(boxes: readonly string[], pairs: ReadonlyArray<{ from: string; to: string }>, filter?: AnalyticsFilter): Promise<{ chats: number; taking: number }> {
        return this.remembered(['chatsTaking', boxes, pairs, filter], () => chatsTakingPairs(this.db, scopeOf(filter), boxes, pairs));
    }

    frequentPaths(flow: string, top: number, filter?: AnalyticsFilter): Promise<FrequentPath[]> {
        return this.remembered(['frequentPaths', flow, top, filter], () => frequentPaths(this.db, scopeOf(filter), flow, top));
    }

    /** Every split of the context's flows: its arms' chats and conversions, the statistics and the decision. */
    experiments(context: FlowContext, filter?: AnalyticsFilter): Promise<ExperimentResult[]> {
        return this.remembered(['experiments', context, filter], async () => {
            const scope = scopeOf(filter, context);
            const results: ExperimentResult[] = [];
            for (const box of context.boxes.values()) {
                if (box.kind !== 'split' || box.external || !box.split) continue;
                results.push(analyseExperiment(box.flow, box, await armDays(this.db, context, box.id, box.split, scope)));
            }
            return results;
        });
    }

    /** Records a split promoted to `winner`, with the numbers it was decided on. */
    async recordConcludedExperiment(result: ExperimentResult, winner: string): Promise<void> {
        await this.writing(() => this.inTransaction(db => db.all(
            'INSERT INTO concluded_experiments (at, flow, split, measure, winner, result) VALUES (?, ?, ?, ?, ?, ?)',
            [Date.now(), result.flow, result.split, result.measure ?? '', winner, JSON.stringify(result)])));
    }

    /** Every concluded experiment, newest first. */
    concludedExperiments(): Promise<ConcludedExperiment[]> {
        return this.explained(async () => (await this.db.all<{ at: number; flow: string; split: string; measure: string; winner: string; result: string }>(
            'SELECT at, flow, split, measure, winner, result FROM concluded_experiments ORDER BY at DESC, id DESC'))
            .map(row => ({ at: new Date(row.at).toISOString(), flow: row.flow, split: row.split, measure: row.measure || undefined, winner: row.winner, result: JSON.parse(row.result) as ExperimentResult })));
    }

    /** Each chat of the context's flows: contained, escalated, abandoned or in progress; per day too. */
    outcomes(context: FlowContext, filter?: AnalyticsFilter): Promise<Outcomes> {
        return this.remembered(['outcomes', context, filter], () => outcomes(this.db, context, scopeOf(filter, context)));
    }

    /** The own boxes with drop-outs, retries or repeats, ranked by lost conversions ("fix these first"). */
    fixFirst(context: FlowContext, filter?: AnalyticsFilter): Promise<ProblemBox[]> {
        return this.remembered(['fixFirst', context, filter], () => fixFirst(this.db, context, scopeOf(filter, context)));
    }

    /** The `top` complete paths of the chats that started in the context's flows, with their conversions. */
    completePaths(context: FlowContext, top: number, filter?: AnalyticsFilter): Promise<CompletePath[]> {
        return this.remembered(['completePaths', context, top, filter], () => completePaths(this.db, context, scopeOf(filter, context), top));
    }

    /** Per goal: time from a chat's first event to its conversion. */
    timeToConvert(context: FlowContext, filter?: AnalyticsFilter): Promise<TimeToConvert[]> {
        return this.remembered(['timeToConvert', context, filter], () => timeToConvert(this.db, context, scopeOf(filter, context)));
    }

    /** The values of a segment and their chats (a sensitive or unknown variable throws a SegmentError). */
    segmentValues(context: FlowContext, by: SegmentBy, filter?: AnalyticsFilter): Promise<SegmentValue[]> {
        return this.remembered(['segmentValues', context, by, filter], () => segmentValues(this.db, context, scopeOf(filter, context), parseSegmentBy(by)));
    }

    chats(context: FlowContext, drill: DrillDown, filter?: AnalyticsFilter, page?: PageRequest): Promise<ChatPage> {
        return this.remembered(['chats', context, drill, filter, page], () => chatPage(this.db, context, scopeOf(filter, context), drill, page));
    }

    unmatchedSteps(): Promise<UnmatchedStep[]> {
        return this.remembered(['unmatchedSteps'], () => unmatchedSteps(this.db));
    }

    transcript(chat: string): Promise<TranscriptEntry[]> {
        return this.reading(() => transcript(this.db, chat));
    }

    overview(): Promise<StoreOverview> {
        return this.reading(async () => {
            const [events] = await this.db.all<{ n: number }>('SELECT COUNT(*) AS n FROM events');
            const [chats] = await this.db.all<{ n: number; first: number | null; last: number | null }>(
                'SELECT COUNT(*) AS n, MIN(first_ts) AS first, MAX(last_ts) AS last FROM chat_facts');
            const [imports] = await this.db.all<{ n: number }>('SELECT COUNT(*) AS n FROM imports');
            const iso = (ts: number | null) => (ts === null ? undefined : new Date(ts).toISOString());
            return { events: events.n, chats: chats.n, first: iso(chats.first), last: iso(chats.last), imports: imports.n };
        });
    }

    /** The schema version the database is at (migrations applied). */
    abstract schemaVersion(): Promise<number>;

    /** What `chatflow db status` prints: the engine, the schema, what is stored and when it was last imported. */
    async status(): Promise<StoreStatus> {
        // One snapshot: the counts and the last import agree.
        return this.reading(async () => {
            const overview = await this.overview();
            const [last] = await this.db.all<{ at: number | null }>('SELECT MAX(finished_at) AS at FROM imports');
            return {
                engine: this.engine, database: this.file, schema: await this.schemaVersion(),
                events: overview.events, chats: overview.chats, imports: overview.imports,
                ...(last?.at ? { lastImport: new Date(last.at).toISOString() } : {})
            };
        });
    }

    /** Runs `work` in one write transaction of the engine, on the runner it is given. */
    protected abstract inTransaction<T>(work: (db: SqlRunner) => Promise<T>): Promise<T>;

    /** Runs `work` in one read transaction of the engine (one snapshot of the data), on the runner it is given. */
    protected abstract inSnapshot<T>(work: (db: SqlRunner) => Promise<T>): Promise<T>;

    /** A read: in the snapshot under way, or a new one. */
    protected reading<T>(work: () => Promise<T>): Promise<T> {
        if (this.current.getStore()) return this.explained(work);
        return this.explained(() => this.inSnapshot(db => this.current.run(db, work)));
    }

    /** A metric, from the memo when the data has not changed since it was last computed with these arguments. */
    protected remembered<T>(key: unknown[], compute: () => Promise<T>): Promise<T> {
        const text = JSON.stringify(key.map(part => (part instanceof FlowContext ? this.memo.contextKey(part) : part)));
        // Generation read, answer computed (or taken) and remembered in the same snapshot.
        return this.reading(() => this.memo.get(text, compute));
    }

    /** A write: the memo forgets everything, before (queries that start meanwhile) and after it. */
    protected async writing<T>(work: () => Promise<T>): Promise<T> {
        this.memo.noteWrite();
        try {
            return await this.explained(work);
        } finally {
            this.memo.noteWrite();
        }
    }

    /** Runs a store operation; the engine's errors become AnalyticsErrors that name the database. */
    protected async explained<T>(work: () => Promise<T>): Promise<T> {
        try {
            return await work();
        } catch (error) {
            throw this.explain(error) ?? error;
        }
    }
}
