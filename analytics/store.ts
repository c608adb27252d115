import type { FlowContext } from './flow-context.js';
import type { FrequentPath } from './metrics/frequent-paths.js';
import type {
    EventType,
    AnalyticsFilter, CompletePath, Outcomes, ProblemBox, SegmentBy, SegmentValue, TimeToConvert, BoxDropOuts, BoxStats, BoxVisits, ChatPage, DrillDown, DropOutDwell, EdgeTraffic, ExperimentResult, Funnel, GoalConversions,
    PrivacyPolicy, PrivacyStatus, TranscriptEntry, UnmatchedStep, VersionComparison
} from './model.js';

/** One event ready for storage: box resolved, privacy applied, identity ordinal set. */
export interface StoredEvent {
    chat: string;
    /** Epoch milliseconds, UTC. */
    ts: number;
    type: EventType;
    /** FlowGraph box id when `matched`, else the name as logged; '' when the event names no box. */
    box: string;
    matched: boolean;
    goal: string;
    text: string | null;
    flow: string;
    version: string;
    /**
     * 0 for the first event with this (chat, ts, type, box, goal) in its file, 1 for the next
     * different one... (import/event-identity.ts: an exact repeat of a line gets the same number).
     * Together they are the event's identity: importing a line twice, or a longer re-export of the
     * same log, adds nothing.
     */
    ordinal: number;
    /** The platform's step key ('Insurance Check', 'BookHotel.CheckInDate'): kept so a new alias re-maps the event. */
    step: string | null;
    /** web, sms, whatsapp, msteams, directline... */
    channel: string | null;
    /** The entry source (UTM), carried on the chat's first event. */
    source: string | null;
}

export interface ImportRecord {
    imported: number;
    duplicates: number;
    malformed: number;
    policy: PrivacyPolicy;
    /** 'hash': the salt's fingerprint (privacy/salt-file.ts `saltId`). */
    saltId?: string;
}

export interface BatchResult {
    inserted: number;
    duplicates: number;
}

export interface PageRequest {
    offset?: number;
    /** Default 100, at most 1000. */
    limit?: number;
}

/**
 * The analytics database of one workspace. Metric methods take the FlowContext built from the
 * FlowGraphs being shown (box kinds and goal marks come from the flow as it is now, not as it was
 * at import), and a filter. Every number a metric returns has a DrillDown key whose `chats(...)`
 * total equals it.
 */
export interface StoreOverview {
    events: number;
    chats: number;
    first?: string;
    last?: string;
    imports: number;
}

export interface StoreStatus {
    engine: 'sqlite' | 'postgres';
    /** The file, or the URL without its password. */
    database: string;
    schema: number;
    events: number;
    chats: number;
    imports: number;
    /** When the last import finished (ISO). */
    lastImport?: string;
}

export interface AnalyticsStore {
    /** The database file, or the PostgreSQL URL without its password. */
    readonly file: string;
    readonly engine: 'sqlite' | 'postgres';

    /** Stores a batch atomically: all of it or (if the process dies) none of it. Duplicates are skipped. */
    importBatch(events: readonly StoredEvent[]): Promise<BatchResult>;
    /** Re-resolves events stored under names the flows did not know then but know now (a new alias). */
    resolveUnmatched(context: FlowContext): Promise<number>;
    /** Records a finished import of one file, for the report's "data from" line, and the privacy policy it used. */
    recordImport(file: string, summary: ImportRecord): Promise<void>;
    /** Whether free text kept as typed is stored (the Analytics panel warns). */
    privacyStatus(): Promise<PrivacyStatus>;

    visits(context: FlowContext, filter?: AnalyticsFilter): Promise<BoxVisits[]>;
    dropOuts(context: FlowContext, filter?: AnalyticsFilter): Promise<BoxDropOuts[]>;
    edges(context: FlowContext, filter?: AnalyticsFilter): Promise<EdgeTraffic[]>;
    conversions(context: FlowContext, filter?: AnalyticsFilter): Promise<GoalConversions[]>;
    /** Along `steps` (box ids), or along the most-trafficked path from the start to a box marking `goal`. */
    funnel(context: FlowContext, path: { steps: string[] } | { goal: string }, filter?: AnalyticsFilter): Promise<Funnel>;
    dwellBeforeDropOut(context: FlowContext, filter?: AnalyticsFilter): Promise<DropOutDwell[]>;
    /**
     * Per goal, version `a` against `b` over the chats that started in the context's flows (the
     * filter's own version is ignored). The z-test is reported only when both samples suffice.
     */
    compareVersions(context: FlowContext, a: string, b: string, filter?: AnalyticsFilter): Promise<VersionComparison[]>;
    /** Versions of the chats that started in the context's flows, oldest first (by their first chat). */
    versions(context: FlowContext, filter?: AnalyticsFilter): Promise<Array<{ version: string; chats: number }>>;
    /** The overlay's numbers for every box of the context, keyed by FlowGraph box id (zeros included). */
    boxStats(context: FlowContext, filter?: AnalyticsFilter): Promise<Record<string, BoxStats>>;

    /**
     * Of the chats that entered any of `boxes`, how many took at least one of `pairs` (consecutive
     * entries): how much real traffic goes through transitions no test takes.
     */
    chatsTaking(boxes: readonly string[], pairs: ReadonlyArray<{ from: string; to: string }>, filter?: AnalyticsFilter): Promise<{ chats: number; taking: number }>;
    /** The `top` most frequent paths (sequences of boxes entered) of the chats that started in `flow`. */
    frequentPaths(flow: string, top: number, filter?: AnalyticsFilter): Promise<FrequentPath[]>;
    /** Every split of the context's flows, analysed (arms, statistics, decision). */
    experiments(context: FlowContext, filter?: AnalyticsFilter): Promise<ExperimentResult[]>;
    /** Each chat of the context's flows: contained, escalated, abandoned or in progress (adding up to the chats); per day too. */
    outcomes(context: FlowContext, filter?: AnalyticsFilter): Promise<Outcomes>;
    /** The own boxes with drop-outs, retries or repeats, ranked by lost conversions ("fix these first"). */
    fixFirst(context: FlowContext, filter?: AnalyticsFilter): Promise<ProblemBox[]>;
    /** The `top` complete paths of the chats that started in the context's flows, with counts and conversions. */
    completePaths(context: FlowContext, top: number, filter?: AnalyticsFilter): Promise<CompletePath[]>;
    /** Per goal: time from a chat's first event to its conversion (median, p90). */
    timeToConvert(context: FlowContext, filter?: AnalyticsFilter): Promise<TimeToConvert[]>;
    /** The values of a segment among the chats, with the chats of the context's flows; a sensitive variable is refused. */
    segmentValues(context: FlowContext, by: SegmentBy, filter?: AnalyticsFilter): Promise<SegmentValue[]>;
    /** The chats behind a number, ordered by chat id. */
    chats(context: FlowContext, drill: DrillDown, filter?: AnalyticsFilter, page?: PageRequest): Promise<ChatPage>;
    /**
     * Runs `work`, whose store calls then all read one state of the database (one read
     * transaction): a report of several queries never mixes numbers from before and after an
     * import that commits meanwhile.
     */
    snapshot<T>(work: () => Promise<T>): Promise<T>;

    /** Stored events no box matched, by flow and step key, biggest first (at most UNMATCHED_STEPS_LIMIT). */
    unmatchedSteps(): Promise<UnmatchedStep[]>;
    /** The events of one chat in order (ts, then file order). */
    transcript(chat: string): Promise<TranscriptEntry[]>;
    /** Event count, chat count and the time span stored. */
    overview(): Promise<StoreOverview>;

    close(): Promise<void>;
}
