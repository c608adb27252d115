/**
 * Every message between the extension and its webviews, typed once: the preview (extension/preview/
 * and the bundle in extension/webview/preview/) and the Analytics panel (extension/analytics-panel/
 * and extension/webview/analytics/). Both sides import this file; the browser bundles reach the
 * analytics types through it. Each `*_MESSAGE_TYPES` table must name every message type of its
 * union (the compiler checks it): the webview drops messages of any other type.
 */
import type { FlowGraph, ProblemSummary, SourceRange } from '../language/flow-model.js';
import type { AnalyticsFilter, AnalyticsOverviewResult, AnalyticsScope, BoxStats, ChatPage, DrillDown, SegmentBy, TranscriptEntry } from '../server/protocol.js';

export type {
    AnalyticsInsight, CompletePath, Outcome, OutcomeCounts, Outcomes, ProblemBox, SegmentBy, SegmentColumn, SegmentDifference, TimeToConvert,
    AnalyticsFilter, AnalyticsOverviewResult, AnalyticsScope, BoxDropOuts, BoxStats, ChatPage, DrillDown, DropOutDwell, EdgeTraffic, Funnel,
    ExperimentResult,
    GoalConversions, PrivacyStatus, TranscriptEntry, UnmatchedStep, UntestedEdgeTraffic, UntestedTraffic, VersionComparison
} from '../server/protocol.js';
// Runtime values straight from the pure model file: server/protocol.ts would bring the LSP library into the browser bundles.
export { FOCUS_SEGMENTS, REDACTED, retriesNote } from '../analytics/model.js';
export { analyticsScope, describeFilter, describeSegment, isFiltered, scopeLabel } from '../analytics/scope-words.js';

/** The `default` of every switch over a message union: a new message type not handled there fails the type check. */
export function unknownMessage(message: never, from: string): never {
    throw new Error(`Unknown message ${from}: ${JSON.stringify(message)}`);
}

// ---- The preview ----

/** Extension -> preview webview. */
export type ToPreview =
    /** A good graph of the document: replaces the drawing, keeping the viewport where possible. */
    | { type: 'graph'; uri: string; version: number; flows: FlowGraph[] }
    /** The document has errors: keep the last good graph and show these in a banner. */
    | { type: 'problems'; uri: string; errors: ProblemSummary[] }
    /** The editor cursor is inside this box (or none). */
    | { type: 'highlight'; boxId?: string }
    /** Transition coverage of the document's conversation tests, by edge id. */
    | { type: 'coverage'; covered: string[]; uncovered: string[] }
    /** Asks the webview for the current drawing as a standalone SVG document. */
    | { type: 'exportSvg'; requestId: number }
    /**
     * Analytics numbers to draw on the graph; without `overlay` (overlay off, no store) the graph
     * shows none. `scope`: the days and version they are for (the Analytics panel's filter), shown
     * above the graph with a button that clears it.
     */
    | { type: 'stats'; overlay?: GraphOverlay; scope?: AnalyticsScope }
    /** A complete path picked in the Analytics panel: light it, dim the rest; without `path`, clear it. */
    | { type: 'path'; path?: LitPath };

/** Preview webview -> extension. */
export type FromPreview =
    /** The webview script is loaded and listening; send it the current graph. */
    | { type: 'ready' }
    /** The user clicked a box (or pressed Enter on it): reveal and select it in the editor. */
    | { type: 'reveal'; boxId: string; range: SourceRange }
    /** The user clicked a box's numbers: list the chats behind them. */
    | { type: 'showChats'; boxId: string }
    /** Answer to `exportSvg`. */
    | { type: 'svg'; requestId: number; svg: string }
    /** The user clicked "Clear filter" beside the numbers: every view shows all chats again. */
    | { type: 'clearScope' }
    /** The user cleared the lit path (its banner's Clear, or Escape): a redraw must not light it again. */
    | { type: 'clearPath' }
    /** Something failed in the webview (layout, rendering): shown in the output channel. */
    | { type: 'log'; level: 'info' | 'warn' | 'error'; message: string };

export const TO_PREVIEW_MESSAGE_TYPES = {
    graph: true, problems: true, highlight: true, coverage: true, exportSvg: true, stats: true, path: true
} as const satisfies Record<ToPreview['type'], true>;

/**
 * Drop-out rate thresholds of the shading steps (the rate must reach the step's value), shared by
 * the editor decorations and the preview graph so both shade a box alike.
 */
export const DROP_OUT_STEPS = [0.05, 0.15, 0.30] as const;

/** The step (index into DROP_OUT_STEPS) of a box, or -1 for no shading. */
export function shadingStep(stats: Pick<BoxStats, 'visits' | 'dropOutRate'>): number {
    let step = -1;
    DROP_OUT_STEPS.forEach((from, i) => { if (stats.visits > 0 && stats.dropOutRate >= from) step = i; });
    return step;
}

/** The numbers of one box on the graph (only boxes some chat entered). */
export interface BoxOverlay {
    /** Chats that entered the box. */
    chats: number;
    /** Chats that dropped out here; absent on end and handoff boxes, where a chat cannot drop out. */
    dropped?: number;
    /** dropped / chats (0 when absent). */
    rate: number;
    /** Shading step, 0..2 by rising drop-out rate, -1 for none (the editor's thresholds). */
    shade: number;
    /** Chats converted on each goal the box marks. */
    goals: Record<string, number>;
}

/** The traffic of one edge of the graph. */
export interface EdgeOverlay {
    /** Chats that took the edge (went straight from its box to its target). */
    chats: number;
    /** Line weight 1..6, never falling as traffic rises; 0 for an edge no chat took. */
    weight: number;
    /** Another edge joins the same two boxes: the logs cannot tell them apart, so both show the pair's count. */
    shared?: boolean;
}

/** Everything the preview draws for analytics: per box and per edge id, for the flows that have chats. */
export interface GraphOverlay {
    boxes: Record<string, BoxOverlay>;
    edges: Record<string, EdgeOverlay>;
}

/** A complete path as the preview lights it: its boxes in order, the edges between consecutive ones, and its numbers. */
export interface LitPath {
    boxes: string[];
    /** Edge ids from each box to the next (both of two parallel edges: the logs cannot tell them apart). */
    edges: string[];
    /** Chats that took the path, and those of them that converted on any goal. */
    chats: number;
    converted: number;
}

/** What the webview persists with `setState`, so a reload restores the panel (serializer). */
export interface PreviewState {
    uri: string;
    flow?: string;
    viewport?: { x: number; y: number; zoom: number };
    /** Layout direction chosen in the preview's toolbar. */
    direction?: 'DOWN' | 'RIGHT';
    /** Width of the chat simulator pane in CSS pixels, as the user dragged it. */
    chatWidth?: number;
    /** The user collapsed the chat simulator pane. */
    chatHidden?: boolean;
}

// ---- The Analytics panel ----

/** Extension -> Analytics webview. */
export type ToAnalytics =
    /** The numbers of the document's flows (or why there are none): replaces the page. */
    | { type: 'overview'; uri: string; title: string; result: AnalyticsOverviewResult; filter?: PanelFilter }
    /** Answer to `chats`: one page of the chats behind a number. */
    | { type: 'chats'; requestId: number; page: ChatPage }
    /** Answer to `transcript`. */
    | { type: 'transcript'; requestId: number; chat: string; entries: TranscriptEntry[] }
    /** A request failed (the message names what and what to do). */
    | { type: 'failed'; requestId?: number; message: string }
    /** Open and show this box's row of the fix-first list (the link in a box's hover). */
    | { type: 'focusBox'; box: string };

/** Analytics webview -> extension. */
export type FromAnalytics =
    /** The script is loaded and listening: send the overview (for the filter it restored, if any). */
    | { type: 'ready'; filter?: PanelFilter }
    /** The user changed the date range or the version: every view shows the chats it selects. */
    | { type: 'filter'; filter: PanelFilter }
    /** The user clicked a box name: reveal and select it in the editor. */
    | { type: 'reveal'; boxId: string }
    /** The user clicked a path's "Light on graph": open the document's preview with that path lit. */
    | { type: 'lightPath'; boxes: string[]; chats: number; converted: number }
    /** The user clicked a number (or a page button): the chats behind it; a number of one segment's column names the segment. */
    | { type: 'chats'; requestId: number; drill: DrillDown; offset: number; limit: number; segment?: { by: SegmentBy; value: string | null } }
    /** The user clicked a chat: its transcript. */
    | { type: 'transcript'; requestId: number; chat: string }
    /** The user clicked a chat's "Turn into test": runs `chatflow.chatToTest` (the test goes into the flow's file). */
    | { type: 'chatToTest'; chat: string; flow: string }
    /** The Import button of the 'unavailable' state: runs `chatflow.importLogs`. */
    | { type: 'import' }
    /** The Retry button of the 'unavailable' state (a server that was down, a password just set): pull again. */
    | { type: 'retry' }
    /** Something failed in the webview: shown in the output channel. */
    | { type: 'log'; level: 'info' | 'warn' | 'error'; message: string };

export const TO_ANALYTICS_MESSAGE_TYPES = {
    overview: true, chats: true, transcript: true, failed: true, focusBox: true
} as const satisfies Record<ToAnalytics['type'], true>;

/** What the webview persists with `setState`, so a reload (serializer) reopens the same document. */
export interface AnalyticsState {
    uri: string;
    filter?: PanelFilter;
}

/**
 * The filter the panel's controls set: days (`YYYY-MM-DD`, inclusive), one flow version, one
 * segment value to focus on (`segment`: every number, the panel's and the editor's, counts only
 * its chats), and the segment shown side by side.
 */
export type PanelFilter = Pick<AnalyticsFilter, 'from' | 'to' | 'version' | 'segment'> & { segmentBy?: SegmentBy };

/** The segments the panel's picker offers (plus `var:NAME` for the flows' variables that are not sensitive). */
export const PANEL_SEGMENTS = ['version', 'channel', 'source', 'weekday', 'hour'] as const;

/** Chats per page of the chats list. */
export const CHATS_PAGE_SIZE = 50;
