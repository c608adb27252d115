/**
 * Every custom request and notification between the Chatflow language server and its clients,
 * typed once. The extension and the tests import these same objects; the extension reaches the
 * server (and the analytics data types) through this file only.
 */
import { LSPErrorCodes, NotificationType, RequestType, RequestType0, ResponseError } from 'vscode-languageserver-protocol';
import type { DocumentFlows } from '../language/flow-model.js';
import type { UntestedTraffic } from '../analytics/untested-traffic.js';
export type { UntestedTraffic, UntestedEdgeTraffic } from '../analytics/untested-traffic.js';
import type { SegmentDifference } from '../analytics/segment-significance.js';
import type {
    CompletePath, OutcomeCounts, Outcomes, ProblemBox, SegmentBy, TimeToConvert,
    AnalyticsFilter, AnalyticsScope, BoxDropOuts, BoxStats, ChatPage, DrillDown, DropOutDwell, EdgeTraffic, ExperimentResult, Funnel, GoalConversions,
    ImportSummary, PrivacyPolicy, PrivacyStatus, TranscriptEntry, UnmatchedStep, VersionComparison
} from '../analytics/model.js';

export type { SegmentDifference } from '../analytics/segment-significance.js';
export type {
    CompletePath, OutcomeCounts, Outcomes, Outcome, ProblemBox, SegmentBy, TimeToConvert, LostConversions, Durations,
    AnalyticsFilter, AnalyticsScope, BoxDropOuts, BoxStats, ChatPage, DrillDown, DropOutDwell, EdgeTraffic, ExperimentResult, ExportFailure, ExportResult, Funnel, GoalConversions,
    ImportSummary, PrivacyPolicy, PrivacyStatus, TranscriptEntry, UnmatchedStep, VersionComparison
} from '../analytics/model.js';
export { REDACTED } from '../analytics/model.js';
export { analyticsScope, scopeLabel } from '../analytics/scope-words.js';
export { PLATFORMS, type PlatformFacts } from '../analytics/export/platforms.js';
export { isPostgresUrl, withoutPassword } from '../analytics/database-url.js';

export interface FlowGraphParams {
    /** The document URI, as the client knows it. */
    uri: string;
}

/** The FlowGraphs of a document once it is validated; `flows` is absent while it has errors. */
export const FlowGraphRequest = new RequestType<FlowGraphParams, DocumentFlows | null, void>('chatflow/flowGraph');

/** A flow declared somewhere in the workspace, as the server's model knows it. */
export interface WorkspaceFlow {
    name: string;
    label?: string;
    /** The document that declares it. */
    uri: string;
}

/** Every flow of the workspace's documents, sorted by name (e.g. to ask which flow Rasa logs belong to). */
export const WorkspaceFlowsRequest = new RequestType0<WorkspaceFlow[], void>('chatflow/workspaceFlows');

export interface DocumentsChangedParams {
    uris: string[];
}

/** Sent after each build: these documents were (re)validated, so clients should pull again. */
export const DocumentsChangedNotification = new NotificationType<DocumentsChangedParams>('chatflow/documentsChanged');

// ---- Analytics: the server owns the workspace's SQLite store; clients pull numbers by document. ----


export interface AnalyticsParams {
    /** The .chatflow document whose flows the numbers are for. */
    uri: string;
    /** Absent: the shared analytics scope (SetAnalyticsScopeRequest), as the code lenses and hovers read. */
    filter?: AnalyticsFilter;
    /** The overview: also the numbers per value of this segment, side by side. */
    segmentBy?: SegmentBy;
}

/** One segment value of the panel's side-by-side view: its counts, and its rates against the other segments. */
export interface SegmentColumn {
    value: string | null;
    chats: number;
    outcomes: OutcomeCounts;
    conversions: GoalConversions[];
    differences: SegmentDifference[];
}

/** What says what to fix first: outcomes, the ranked problem boxes, paths, time to convert; segments when asked. */
export interface AnalyticsInsight {
    outcomes: Outcomes;
    fixFirst: ProblemBox[];
    paths: CompletePath[];
    timeToConvert: TimeToConvert[];
    /** The variables of the flows a chat can be segmented by: saved by an input box, not sensitive. */
    segmentVariables: string[];
    /** With `segmentBy`: the segment and its values (or why it was refused: a sensitive variable). */
    segments?: { by: SegmentBy; columns: SegmentColumn[] } | { by: SegmentBy; refused: string };
}

/** Why there are no numbers: no database yet, or it cannot be opened (message names the file and what to do). */
export interface AnalyticsUnavailable {
    available: false;
    db: string;
    message: string;
}

/** Per-box and per-edge numbers of a document's flows, for code lenses, decorations and the graph overlay. */
export type BoxStatsResult =
    | {
        available: true; db: string; stats: Record<string, BoxStats>; edges: EdgeTraffic[];
        /** The data's generation these numbers were read at (AnalyticsChanged). */
        generation: number;
        /** The days and version these numbers are for (`{}`: all chats): what the overlay, lenses and hovers label them with. */
        scope: AnalyticsScope;
    }
    | AnalyticsUnavailable;

export const BoxStatsRequest = new RequestType<AnalyticsParams, BoxStatsResult, void>('chatflow/boxStats');

/** Everything the Analytics panel shows for a document's flows. */
export type AnalyticsOverviewResult =
    | {
        available: true;
        db: string;
        /** The data's generation these numbers were read at (AnalyticsChanged). */
        generation?: number;
        totals: { events: number; chats: number; first?: string; last?: string };
        conversions: GoalConversions[];
        /** Boxes by drop-outs, most first. */
        dropOuts: BoxDropOuts[];
        visits: Record<string, number>;
        funnels: Funnel[];
        dwell: DropOutDwell[];
        versions: Array<{ version: string; chats: number }>;
        /** The two newest versions compared per goal, when there are two. */
        comparison?: { a: string; b: string; goals: VersionComparison[] };
        /** Whether free text kept as typed is stored: the panel shows a warning. */
        privacy?: PrivacyStatus;
        /** Every flow version in the store for these flows, whatever the request's filter (a version picker's choices). */
        storeVersions?: string[];
        /** Per flow of the document: the real chats that take transitions no test takes. */
        untested?: UntestedTraffic[];
        /** Stored events of these flows that no box matched, by step key, biggest first (whatever the filter). */
        unmatched?: UnmatchedStep[];
        /** The split experiments of these flows, with their statistic per day and their code lens's words. */
        experiments?: Array<ExperimentResult & { headline: string }>;
        insight?: AnalyticsInsight;
    }
    | AnalyticsUnavailable;

export const AnalyticsOverviewRequest = new RequestType<AnalyticsParams, AnalyticsOverviewResult, void>('chatflow/analyticsOverview');

export interface ChatsParams extends AnalyticsParams {
    drill: DrillDown;
    offset?: number;
    limit?: number;
}

/** The chats behind one number; `total` always equals the number. */
export const ChatsRequest = new RequestType<ChatsParams, ChatPage, void>('chatflow/chats');

export const TranscriptRequest = new RequestType<{ chat: string }, TranscriptEntry[], void>('chatflow/transcript');

export interface ChatToTestParams {
    chat: string;
    /** The flow the chat started in (a drill-down list's `ChatSummary.flow`); default: the flow of the first box it entered. */
    flow?: string;
}

/** A text edit of a document: insert `newText` at `range` (LSP positions). */
export interface ChatflowTextEdit {
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    newText: string;
}

/**
 * A real chat as a `test` block in its flow's file: the edit that inserts it (after the flow's last
 * test), for the client to apply as a WorkspaceEdit; or why it cannot become one.
 */
export type ChatToTestResult =
    | {
        ok: true;
        /** The document of the flow, where the edit goes. */
        uri: string;
        flow: string;
        /** The test's name, as written. */
        name: string;
        edits: ChatflowTextEdit[];
        /** Answers made up (valid for their input) because they were sensitive or stored redacted or hashed. */
        synthesized: number;
    }
    | { ok: false; message: string };

export const ChatToTestRequest = new RequestType<ChatToTestParams, ChatToTestResult, void>('chatflow/chatToTest');

/** The client command that turns a chat into a test (drill-down lists, the Analytics panel). */
export const CHAT_TO_TEST_COMMAND = 'chatflow.chatToTest';

export interface ImportLogsParams {
    /** Absolute paths of log files (JSONL, CSV, Rasa trackers or event lines). */
    files: string[];
    /** For Rasa logs, which name no flow. */
    flowName?: string;
}

/** Imports logs into the workspace store, with work-done progress; cancellable (whole batches stay). */
export const ImportLogsRequest = new RequestType<ImportLogsParams, ImportSummary, void>('chatflow/importLogs');

export interface ReapplyPrivacyParams {
    /** Default: the workspace's `chatflow.privacy.policy`. */
    policy?: PrivacyPolicy;
}

export interface ReapplyPrivacyResult {
    db: string;
    policy: PrivacyPolicy;
    /** Texts looked at and texts rewritten. */
    texts: number;
    changed: number;
    /** Chat ids that carried a phone number, email, SSN or IP address, now pseudonyms. */
    chats: number;
}

/** Re-applies a privacy policy to every text of the workspace store, in place (one transaction, then VACUUM). */
export const ReapplyPrivacyRequest = new RequestType<ReapplyPrivacyParams, ReapplyPrivacyResult, void>('chatflow/reapplyPrivacy');

/** What changed the numbers: an import, a re-redaction, a concluded experiment, a new alias re-mapping stored events, the settings (the database, the overlay), the shared scope (the panel's filter), or someone else's import. */
export type AnalyticsChangeCause = 'import' | 'privacy' | 'experiment' | 'alias' | 'settings' | 'scope' | 'outside';

/**
 * The one notification after the numbers changed: code lenses (the server also asks the editor to
 * refresh them), hovers, shading, the preview overlay and the Analytics panel all pull again.
 * `generation` rises by one with every change; every stats answer carries the generation it was
 * read at, so a client drops an answer older than the last notification instead of showing a
 * stale number beside a fresh one.
 */
export interface AnalyticsChanged {
    db: string;
    generation: number;
    cause: AnalyticsChangeCause;
}

export const AnalyticsChangedNotification = new NotificationType<AnalyticsChanged>('chatflow/analyticsChanged');

/**
 * The shared analytics scope: the Analytics panel's days and version, which the code lenses, the
 * hovers, the preview overlay and their drill-downs follow (every request without a `filter`).
 * Setting it is a change of the numbers like an import: the server answers after sending
 * AnalyticsChanged (cause 'scope') with the new generation. `{}` clears it.
 */
export const SetAnalyticsScopeRequest = new RequestType<AnalyticsScope, { generation: number }, void>('chatflow/setAnalyticsScope');

/** The client command that opens a document's Analytics panel; with `box`, at that box's row of the fix-first list (a box hover's link). */
export const OPEN_ANALYTICS_COMMAND = 'chatflow.openAnalytics';

export interface OpenAnalyticsAt {
    /** The document whose panel opens. */
    uri: string;
    /** The box id, `Flow.box`. */
    box: string;
}

/** The client command that clears the shared scope (the link beside scoped numbers). */
export const CLEAR_SCOPE_COMMAND = 'chatflow.clearAnalyticsFilter';

// ---- Cancellation: a request the client cancelled answers with this error, never a message to match. ----

/** The error a handler throws when its request was cancelled; `message` says what was kept. */
export function cancelledError(message: string): ResponseError<void> {
    return new ResponseError(LSPErrorCodes.RequestCancelled, message);
}

export function isCancelledError(error: unknown): error is ResponseError<void> {
    return error instanceof ResponseError && error.code === LSPErrorCodes.RequestCancelled;
}

// ---- The client command behind a box's numbers (code lens, hover link, preview): its arguments. ----

/** The client command a box's code lens runs: list the chats behind one of its numbers. */
export const SHOW_CHATS_COMMAND = 'chatflow.showChats';

export interface ShowChatsArgs {
    /** The document the box is in (its flows are the drill-down's context). */
    uri: string;
    /** The box id, `Flow.box`. */
    box: string;
    /** The numbers on the lens, in order, each with the drill-down behind it. */
    numbers: Array<{ label: string; drill: DrillDown }>;
}

/** An experiment's numbers: each arm's chats and its conversions on the measured goal, with their drill-downs. */
export function experimentNumbers(experiment: ExperimentResult): ShowChatsArgs['numbers'] {
    return experiment.arms.flatMap(arm => [
        { label: `arm ${arm.arm}: ${arm.chats} chats`, drill: { metric: 'experimentArm' as const, split: experiment.split, box: arm.box } },
        ...(experiment.measure ? [{ label: `arm ${arm.arm}: ${arm.converted} converted on ${experiment.measure}`, drill: { metric: 'experimentConversions' as const, split: experiment.split, box: arm.box, goal: experiment.measure } }] : [])
    ]);
}

/** The numbers a box shows, each with the drill-down that lists its chats. */
export function boxNumbers(stats: BoxStats, canDropOut: boolean): ShowChatsArgs['numbers'] {
    const numbers: ShowChatsArgs['numbers'] = [{ label: `${stats.visits} chats at ${stats.box}`, drill: { metric: 'visits', box: stats.box } }];
    if (canDropOut) numbers.push({ label: `${stats.dropOuts} dropped out at ${stats.box}`, drill: { metric: 'dropOuts', box: stats.box } });
    for (const [goal, chats] of Object.entries(stats.conversions)) {
        if (chats > 0) numbers.push({ label: `${chats} converted on ${goal}`, drill: { metric: 'boxConversions', box: stats.box, goal } });
    }
    return numbers;
}

/** A flow's outcomes, each with the drill-down that lists its chats (the flow's code lens). */
export function outcomeNumbers(flow: string, outcomes: OutcomeCounts & { chats: number }): ShowChatsArgs['numbers'] {
    const words = { contained: 'contained', escalated: 'escalated', abandoned: 'abandoned', inProgress: 'in progress' } as const;
    return [
        { label: `${outcomes.chats} chats started in ${flow}`, drill: { metric: 'flowChats' } },
        ...(['contained', 'escalated', 'abandoned', 'inProgress'] as const).map(o => ({ label: `${outcomes[o]} ${words[o]}`, drill: { metric: 'outcome' as const, outcome: o } }))
    ];
}

// ---- Experiments ----

export interface ConcludeExperimentParams {
    /** The document of the split (its flows are the experiment's context). */
    uri: string;
    /** The split box id, `Flow.box`. */
    split: string;
    winner: string;
    /** The experiment's numbers when the promotion was offered (the split is gone from the text by now). */
    result?: ExperimentResult;
}

/** Records a split promoted to one arm in the store, with the numbers it was decided on; says what was recorded. */
export const ConcludeExperimentRequest = new RequestType<ConcludeExperimentParams, { recorded: boolean; message: string }, void>('chatflow/concludeExperiment');
