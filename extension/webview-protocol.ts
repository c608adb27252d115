/**
 * Every message between the extension and the preview webview, typed once. The extension side
 * (extension/preview/) and the browser bundle (extension/webview/) both import this file.
 */
import type { FlowGraph, ProblemSummary, SourceRange } from '../language/flow-model.js';

/** Extension -> webview. */
export type ToWebview =
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
    /** Analytics numbers to draw on the graph; without `overlay` (overlay off, no store) the graph shows none. */
    | { type: 'stats'; overlay?: GraphOverlay };

/** Webview -> extension. */
export type FromWebview =
    /** The webview script is loaded and listening; send it the current graph. */
    | { type: 'ready' }
    /** The user clicked a box (or pressed Enter on it): reveal and select it in the editor. */
    | { type: 'reveal'; boxId: string; range: SourceRange }
    /** The user clicked a box's numbers: list the chats behind them. */
    | { type: 'showChats'; boxId: string }
    /** Answer to `exportSvg`. */
    | { type: 'svg'; requestId: number; svg: string }
    /** Something failed in the webview (layout, rendering): shown in the output channel. */
    | { type: 'log'; level: 'info' | 'warn' | 'error'; message: string };

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

/** What the webview persists with `setState`, so a reload restores the panel (serializer). */
export interface PreviewState {
    uri: string;
    flow?: string;
    viewport?: { x: number; y: number; zoom: number };
    /** Layout direction chosen in the preview's toolbar. */
    direction?: 'DOWN' | 'RIGHT';
}
