/**
 * The analytics DTOs: what the store returns and what its callers (CLI, language server, webview)
 * send. Plain JSON, no Node types, so a webview bundle can import these types too.
 * Metric definitions are exact (the README, "Metrics").
 */

/** Which chats a metric looks at. A chat belongs to the range of the day it started. */
export interface AnalyticsFilter {
    /** First day, `YYYY-MM-DD` in `timeZone`, inclusive. */
    from?: string;
    /** Last day, `YYYY-MM-DD` in `timeZone`, inclusive. */
    to?: string;
    /** Only chats whose first event carries this flow version. */
    version?: string;
    /** `UTC` (default), a fixed offset such as `+02:00`, or an IANA zone such as `America/Chicago`. */
    timeZone?: string;
    /** A chat whose last event is at most this old (relative to the newest event stored) is in progress. Default 30. */
    inactivityMinutes?: number;
    /** Only the chats of one segment value (README: "Segments"); value null: the chats with none. */
    segment?: { by: SegmentBy; value: string | null };
}

/**
 * The part of a filter the Analytics panel sets and the editor's numbers follow (code lenses,
 * hovers, the preview overlay): days, one flow version and one segment value the panel focuses
 * (a channel, a source, a weekday or an hour: `FOCUS_SEGMENTS`).
 */
export type AnalyticsScope = Pick<AnalyticsFilter, 'from' | 'to' | 'version' | 'segment'>;

/** The segments whose values the panel can focus the editor's numbers on (version has its own filter; a variable is per flow). */
export const FOCUS_SEGMENTS: readonly SegmentBy[] = ['channel', 'source', 'weekday', 'hour'];

/** What chats are segmented by: version, channel, source (of the chat), a non-sensitive variable's value, weekday or hour of the chat's start. */
export type SegmentBy = 'version' | 'channel' | 'source' | 'weekday' | 'hour' | `var:${string}`;

/** One value of a segment and how many chats (of the context's flows, in the filter) have it. */
export interface SegmentValue {
    segment: SegmentBy;
    /** null: the chats that have no value (no channel logged, the variable never answered). */
    value: string | null;
    chats: number;
}

export type Outcome = 'contained' | 'escalated' | 'abandoned' | 'inProgress';
export const OUTCOMES: readonly Outcome[] = ['contained', 'escalated', 'abandoned', 'inProgress'];

/**
 * Each chat that started in the flows has exactly one outcome: escalated (entered a handoff box),
 * else contained (its last entered box is an end box), else in progress (its last event is within
 * the inactivity timeout of the newest event stored), else abandoned.
 */
export interface OutcomeCounts {
    contained: number;
    escalated: number;
    abandoned: number;
    inProgress: number;
}

export interface Outcomes extends OutcomeCounts {
    /** The chats: the four counts add up to it. */
    chats: number;
    /** Per day the chats started (filter's zone). */
    days: Array<OutcomeCounts & { day: string; chats: number }>;
}

/** Nearest-rank percentiles of durations, ms, over `n` measurements (0 when there are none). */
export interface Durations {
    n: number;
    medianMs: number;
    p90Ms: number;
}

/** What chats that went on from a box converted on one goal, and what its drop-outs cost. */
export interface LostConversions {
    goal: string;
    /** Chats that visited the box and did not drop out there. */
    wentOn: number;
    /** Of those, the chats that converted on the goal. */
    wentOnConverted: number;
    /** wentOnConverted / wentOn (0 when nobody went on). */
    rate: number;
    /** dropOuts × rate: conversions the box's drop-outs would have brought at that rate. */
    lost: number;
}

/** One box of the "fix these first" list. */
export interface ProblemBox {
    box: string;
    kind: string;
    label: string;
    visits: number;
    dropOuts: number;
    /**
     * Retries at the box and the chats with any: retry events (answers the bot rejected, a
     * platform's no-match or no-input) plus, at an input box, stored answers that fail its rules.
     */
    retries: number;
    retryChats: number;
    /** At an input box: how its stored answers were checked with the simulator's rules. */
    answers?: AnswerCheck;
    /** Entries at the box beyond each chat's first, and the chats that entered it more than once. */
    repeats: number;
    repeatChats: number;
    /** Time from an entry at the box to the chat's next entry (at any box). */
    leaving: Durations;
    lost: LostConversions[];
    /** The sum of `lost` over the goals: what the list is ranked by. */
    lostTotal: number;
}

/** The stored answers of one input box, checked with the simulator's rules (the box's type, range or pattern). */
export interface AnswerCheck {
    /** The box's answers are sensitive: always stored redacted, so none is checked (only logged retries count). */
    sensitive: boolean;
    /** Answer events stored at the box (chats in scope). */
    answers: number;
    /** Of those, the ones whose text was stored redacted, hashed or not at all: not checked. */
    unchecked: number;
    /** Of the checked ones, those that fail the box's rules: counted as retries. */
    invalid: number;
}

/** What a box's retries are made of, in words for the panel and the report (undefined: nothing to say). */
export function retriesNote(check: AnswerCheck | undefined): string | undefined {
    if (!check) return undefined;
    if (check.sensitive) return 'answers of this box are sensitive: only logged retries counted';
    const parts: string[] = [];
    if (check.invalid > 0) parts.push(`${check.invalid} of them stored answers that fail the box's rules`);
    if (check.unchecked > 0) parts.push(`${check.unchecked} of ${check.answers} answers stored redacted: not checked`);
    return parts.length > 0 ? parts.join('; ') : undefined;
}

/** A complete path: the boxes a chat no longer in progress entered, in order (a box entered twice in a row once). */
export interface CompletePath {
    boxes: string[];
    chats: number;
    /** Chats on the path that converted on any goal of the flows, and per goal. */
    converted: number;
    rate: number;
    conversions: Record<string, number>;
}

/** Per goal: time from a converted chat's first event to its first conversion. */
export interface TimeToConvert extends Durations {
    goal: string;
}

export interface BoxVisits {
    box: string;
    /** Chats with at least one `enter` at the box. */
    chats: number;
    /** All `enter` events at the box (a chat looping back counts twice). */
    entries: number;
}

export interface BoxDropOuts {
    box: string;
    /** Chats whose last entered box is this one, not in progress; end and handoff boxes never count. */
    dropOuts: number;
}

export interface EdgeTraffic {
    from: string;
    to: string;
    /** Chats with consecutive entries `from` then `to` at least once. */
    chats: number;
    /** All such consecutive pairs. */
    traversals: number;
}

export interface DailyConversions {
    goal: string;
    /** `YYYY-MM-DD` in the filter's time zone: the day of the chat's first conversion event. */
    day: string;
    chats: number;
}

export interface GoalConversions {
    goal: string;
    /** Chats that converted (each counted once, on the day of its first conversion). */
    chats: number;
    days: DailyConversions[];
}

export interface FunnelStep {
    box: string;
    /** Chats that entered every box up to this one, each first entry no earlier than the previous step's. */
    chats: number;
}

export interface Funnel {
    goal?: string;
    /** How the path was chosen: given by the caller, the most-trafficked observed path, or the flow's shortest path. */
    path: 'given' | 'observed' | 'shortest';
    steps: FunnelStep[];
}

export interface DropOutDwell {
    box: string;
    dropOuts: number;
    /** Time from the chat's last entry at the box to its last event (nearest-rank percentiles), ms. */
    medianMs: number;
    p90Ms: number;
}

export interface VersionSample {
    version: string;
    chats: number;
    converted: number;
    rate: number;
}

export type SignificanceTest =
    | { kind: 'z-test'; z: number; pValue: number; difference: number; significant: boolean }
    | { kind: 'insufficient-sample'; reason: string };

export interface VersionComparison {
    goal: string;
    a: VersionSample;
    b: VersionSample;
    test: SignificanceTest;
}

/** Everything the overlay shows on one box of a FlowGraph. */
export interface BoxStats {
    box: string;
    visits: number;
    entries: number;
    dropOuts: number;
    /** dropOuts / visits, 0 when the box has no visits. */
    dropOutRate: number;
    /** Per goal: of the chats that entered this box, those that converted on the goal. */
    conversions: Record<string, number>;
}

/** The keys of every number above: ask for the chats behind it. */
export type DrillDown =
    | { metric: 'visits'; box: string }
    | { metric: 'dropOuts'; box: string }
    | { metric: 'edge'; from: string; to: string }
    | { metric: 'conversions'; goal: string; day?: string }
    | { metric: 'boxConversions'; box: string; goal: string }
    | { metric: 'funnel'; steps: string[]; step: number }
    | { metric: 'versionChats'; version: string }
    | { metric: 'versionConversions'; version: string; goal: string }
    /** The chats that took an arm of a split (the box they entered after it). */
    | { metric: 'experimentArm'; split: string; box: string }
    /** Of those, the chats that converted on the split's measured goal. */
    | { metric: 'experimentConversions'; split: string; box: string; goal: string }
    /** The chats with this outcome (that started on this day). */
    | { metric: 'outcome'; outcome: Outcome; day?: string }
    /** Chats with a retry event at the box (count: their retries). */
    | { metric: 'retries'; box: string }
    /** Chats that entered the box more than once (count: entries beyond the first). */
    | { metric: 'repeats'; box: string }
    /** Chats that left the box at least once (count: times they left it). */
    | { metric: 'leaving'; box: string }
    /** Chats that visited the box and did not drop out there; with a goal, those of them that converted on it. */
    | { metric: 'wentOn'; box: string; goal?: string }
    /** The chats of a complete path; with converted, those of them that converted on any goal. */
    | { metric: 'path'; boxes: string[]; converted?: boolean }
    /** The chats that started in the flows (the outcomes' total). */
    | { metric: 'flowChats' };

/** Stored events no box matched, by flow and step key (README: "Logs from bot platforms"). */
export interface UnmatchedStep {
    flow: string;
    /** The platform's step key ('Insurance Check'), or the box name a canonical log used; '' for platform messages with neither. */
    step: string;
    events: number;
    chats: number;
}

export interface ChatSummary {
    chat: string;
    flow: string;
    version: string;
    /** ISO timestamps of the chat's first and last events. */
    start: string;
    last: string;
    /** How many times the chat counts toward the number's secondary total (entries, traversals), else 1. */
    count: number;
}

export interface ChatPage {
    /** Always equal to the number the drill-down was opened from. */
    total: number;
    offset: number;
    chats: ChatSummary[];
}

/**
 * `retry`: an answer the box rejected (the platform's no-match or no-input, or the bot asking the
 * same box again), stored at the box that asked. Metrics do not count it yet.
 */
export type EventType = 'enter' | 'answer' | 'goal' | 'end' | 'retry';

export const EVENT_TYPES: readonly EventType[] = ['enter', 'answer', 'goal', 'end', 'retry'];

export interface TranscriptEntry {
    ts: string;
    type: EventType;
    /** The FlowGraph box id when the box is known, else the name in the log ('' for none). */
    box: string;
    matched: boolean;
    /** Answer or bot text; sensitive answers read `[redacted]`. */
    text?: string;
    goal?: string;
    /** The platform's step key (Dialogflow page, Lex intent or slot, Voiceflow block...), for events imported from a platform. */
    step?: string;
    /** The channel the chat ran on (web, sms, whatsapp, msteams...), when the log says. */
    channel?: string;
    /** Where the chat came from (a UTM source), on the chat's first event, when the log says. */
    source?: string;
}

export interface ImportProblem {
    file: string;
    line: number;
    reason: string;
}

/** One log file of an import, in the order given. */
export interface ImportedFile {
    /** As named in problems (relative for the CLI). */
    file: string;
    /** The format it was read as; 'empty' for a file with nothing but blank lines (0 events, not an error). */
    format: string;
    imported: number;
    duplicates: number;
    malformed: number;
    /** The import stopped in this file (see `stopped`): what it stored before stays stored. */
    failed?: boolean;
}

export interface ImportSummary {
    /** Log files imported to their end. */
    files: number;
    /** Per file, in the order given: those imported, and the one the import stopped in (if any). Always set by the import. */
    logs?: ImportedFile[];
    /** Events read from the logs and passed on to the store. */
    read: number;
    imported: number;
    duplicates: number;
    malformed: number;
    /** The first malformed lines (at most `IMPORT_PROBLEMS_KEPT`). */
    problems: ImportProblem[];
    /** Log lines Rasa writes that carry no step of the flow (slots, action_listen, ...). */
    ignored: number;
    /**
     * Box names the flows do not have, with how many events named them. Kept in the store. For a
     * platform's events: the kind of step ("Dialogflow page") and its key (`box` is then the key,
     * or '' for bot messages that have none and whose text matches no box).
     */
    unmatched: Array<{ flow: string; box: string; events: number; kind?: string; step?: string }>;
    /** Bot texts that matched two or more boxes equally well: kept unmatched, listed by the boxes. */
    ties?: Array<{ boxes: string[]; events: number }>;
    /** `goal` events naming goals the flows neither declare nor mark. Kept, but no metric counts them. */
    unknownGoals: Array<{ goal: string; events: number }>;
    /** Texts changed before storage by the privacy policy (redacted or hashed) or the Safe Harbor scan. */
    redacted: number;
    /** The privacy policy the texts were stored under. */
    policy?: PrivacyPolicy;
}

/** How free text and sensitive values are stored (analytics/privacy.ts). */
export type PrivacyPolicy = 'redact' | 'hash' | 'keep';

/** What the database says about the privacy of the texts it holds (the Analytics panel warns about kept text). */
export interface PrivacyStatus {
    /**
     * True when some stored free text was kept as typed (minus Safe Harbor spans): imported under the
     * 'keep' policy, or before policies existed, and not re-redacted since.
     */
    keptText: boolean;
    /** Imports since the last re-redaction that kept free text. */
    keptImports: number;
    /** The policy of the newest import or re-redaction, if any was recorded. */
    lastPolicy?: PrivacyPolicy;
}

export const REDACTED = '[redacted]';

/** What `chatflow export` did (also its `--format json` output, which the VS Code command reads). */
export interface ExportResult {
    mode: 'dry-run' | 'send';
    platform: 'ga4' | 'meta';
    goals: string[];
    events: number;
    requests: number;
    destination: string;
    /** Events older than the platform accepts (export/time-window.ts): sent or not, it drops them. */
    warnings: string[];
    /** The one line a person reads: what was written or sent, and where. */
    summary: string;
}

/** `chatflow export --format json` when the export was refused or failed: the message, as the audit log records it. */
export interface ExportFailure {
    error: string;
}

/** One arm of an experiment: its chats, their conversions on the measured goal, and how it compares. */
export interface ExperimentArmResult {
    arm: string;
    /** The box the arm leads to: a chat's arm is the first of these boxes it entered after the split. */
    box: string;
    /** Percent of chats the arm should get. */
    weight: number;
    chats: number;
    converted: number;
    rate: number;
    /** The chance this arm converts best (Beta(1,1) priors, Monte Carlo with a fixed seed). */
    probabilityBest: number;
    /** Against the first arm (the control): the difference of rates, its always-valid interval and p-value. */
    difference?: number;
    interval?: [number, number];
    pValue?: number;
}

/** What an experiment's numbers say: keep going, decide for an arm, stop without a difference, or fix the assignment first. */
export type ExperimentDecision =
    | { kind: 'keep-running'; reason: string }
    | { kind: 'decide'; winner: string; reason: string }
    | { kind: 'no-difference'; reason: string }
    | { kind: 'check-assignment'; reason: string };

export interface ExperimentResult {
    flow: string;
    /** The split box id. */
    split: string;
    measure?: string;
    stopAt?: number;
    chats: number;
    arms: ExperimentArmResult[];
    /** Sample ratio mismatch: the chats per arm against the weights (chi-square; flagged under p < 0.001). */
    srm: { chiSquare: number; pValue: number; mismatch: boolean };
    /** The smallest difference (rate points, absolute) a fixed-horizon test would find with 80% power at today's sample size. */
    minimumDetectableEffect?: number;
    decision: ExperimentDecision;
    /** The significance level each arm's comparison with the control is held to (α shared among the comparisons). */
    alpha: number;
    /** Per day of arm entry (in the filter's zone), cumulative: chats and conversions per arm (in arm order), and the smallest always-valid p-value so far. */
    daily: Array<{ day: string; chats: number[]; converted: number[]; pValue: number }>;
}

/** A split promoted to one arm (`Promote arm b`), with the numbers it was decided on. */
export interface ConcludedExperiment {
    /** When (ISO). */
    at: string;
    flow: string;
    split: string;
    measure?: string;
    winner: string;
    result: ExperimentResult;
}
