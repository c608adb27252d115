/**
 * Every message between the extension and the Analytics webview, typed once. The extension side
 * (extension/analytics-panel/) and the browser bundle (extension/webview/analytics/) both import it.
 */
import type { AnalyticsFilter, AnalyticsOverviewResult, ChatPage, DrillDown, TranscriptEntry } from '../server/protocol.js';

/** Extension -> webview. */
export type ToAnalytics =
    /** The numbers of the document's flows (or why there are none): replaces the page. */
    | { type: 'overview'; uri: string; title: string; result: AnalyticsOverviewResult; filter?: PanelFilter }
    /** Answer to `chats`: one page of the chats behind a number. */
    | { type: 'chats'; requestId: number; page: ChatPage }
    /** Answer to `transcript`. */
    | { type: 'transcript'; requestId: number; chat: string; entries: TranscriptEntry[] }
    /** A request failed (the message names what and what to do). */
    | { type: 'failed'; requestId?: number; message: string };

/** Webview -> extension. */
export type FromAnalytics =
    /** The script is loaded and listening: send the overview (for the filter it restored, if any). */
    | { type: 'ready'; filter?: PanelFilter }
    /** The user changed the date range or the version: every view shows the chats it selects. */
    | { type: 'filter'; filter: PanelFilter }
    /** The user clicked a box name: reveal and select it in the editor. */
    | { type: 'reveal'; boxId: string }
    /** The user clicked a number (or a page button): the chats behind it. */
    | { type: 'chats'; requestId: number; drill: DrillDown; offset: number; limit: number }
    /** The user clicked a chat: its transcript. */
    | { type: 'transcript'; requestId: number; chat: string }
    /** The Import button of the 'unavailable' state: runs `chatflow.importLogs`. */
    | { type: 'import' }
    /** Something failed in the webview: shown in the output channel. */
    | { type: 'log'; level: 'info' | 'warn' | 'error'; message: string };

export const TO_ANALYTICS_TYPES: ReadonlyArray<ToAnalytics['type']> = ['overview', 'chats', 'transcript', 'failed'];

/** What the webview persists with `setState`, so a reload (serializer) reopens the same document. */
export interface AnalyticsState {
    uri: string;
    filter?: PanelFilter;
}

/** The filter the panel's controls set: days (`YYYY-MM-DD`, inclusive) and one flow version. */
export type PanelFilter = Pick<AnalyticsFilter, 'from' | 'to' | 'version'>;

/** Chats per page of the chats list. */
export const CHATS_PAGE_SIZE = 50;
