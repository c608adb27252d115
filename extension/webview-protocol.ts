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
    | { type: 'exportSvg'; requestId: number };

/** Webview -> extension. */
export type FromWebview =
    /** The webview script is loaded and listening; send it the current graph. */
    | { type: 'ready' }
    /** The user clicked a box (or pressed Enter on it): reveal and select it in the editor. */
    | { type: 'reveal'; boxId: string; range: SourceRange }
    /** Answer to `exportSvg`. */
    | { type: 'svg'; requestId: number; svg: string }
    /** Something failed in the webview (layout, rendering): shown in the output channel. */
    | { type: 'log'; level: 'info' | 'warn' | 'error'; message: string };

/** What the webview persists with `setState`, so a reload restores the panel (serializer). */
export interface PreviewState {
    uri: string;
    flow?: string;
    viewport?: { x: number; y: number; zoom: number };
    /** Layout direction chosen in the preview's toolbar. */
    direction?: 'DOWN' | 'RIGHT';
}
