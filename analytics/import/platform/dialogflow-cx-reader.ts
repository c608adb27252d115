import type { ReadBatch } from '../log-event.js';
import { jsonObject, list, obj, sourceIn, str, timestampOf } from './fields.js';
import type { Button, PlatformChats } from './platform-chats.js';
import { platformReader, type RecordMapper, type RecordPlace } from './platform-reader.js';

/** Match types of a turn whose input the agent could not use (QueryResult.match.matchType). */
const REJECTED = new Set(['NO_MATCH', 'NO_INPUT']);

/**
 * Dialogflow CX conversation history exported to BigQuery
 * (https://cloud.google.com/dialogflow/cx/docs/concept/export-bq), one row per turn, as JSON
 * Lines or a JSON array: `conversation_name`, `turn_position`, `request_time`, `language_code`,
 * `request` (DetectIntentRequest) and `response` (DetectIntentResponse), JSON columns that some
 * tools write as JSON strings.
 * - the user's input (`request.queryInput.text.text`, a DTMF's digits, `response.queryResult.transcript`)
 *   answers the page that asked; `match.matchType` NO_MATCH or NO_INPUT makes it a retry; an
 *   event input (the welcome event, sys.no-input-*) is no answer, except as a NO_INPUT retry;
 * - each response message (`queryResult.responseMessages[].text.text`) is the bot at the page
 *   the turn ended on (`queryResult.currentPage.displayName`: the step key); a turn's earlier
 *   messages may be those of the pages it passed through, so they map by text first;
 * - channel: `request.queryParams.channel`; source: `utm_source` among `request.queryParams.parameters`.
 * Chat: the session id at the end of `conversation_name`. Rows must come in turn order per
 * conversation (README: the export query sorts them); conversations may interleave.
 */
class DialogflowCxMapper implements RecordMapper {
    map(row: Record<string, unknown>, place: RecordPlace, chats: PlatformChats, batch: ReadBatch): string | undefined {
        const name = str(row.conversation_name);
        if (!name) return 'a row needs "conversation_name": export the whole table (SELECT *)';
        const chat = name.slice(name.lastIndexOf('/sessions/') >= 0 ? name.lastIndexOf('/sessions/') + 10 : 0);
        const ts = timestampOf(row.request_time, 'request_time');
        if (typeof ts === 'string') return ts;
        const request = jsonObject(row.request) ?? {};
        const response = jsonObject(row.response);
        const result = obj(response?.queryResult);
        if (!result) return 'a row needs "response": {"queryResult": ...}: export the whole table (SELECT *)';
        const params = obj(request.queryParams);
        chats.describe(chat, { channel: str(params?.channel), source: sourceIn(params?.parameters) }, batch);
        const matchType = str(obj(result.match)?.matchType);
        const input = obj(request.queryInput);
        const said = str(obj(input?.text)?.text) ?? str(obj(input?.dtmf)?.digits) ?? str(result.transcript) ?? str(result.text);
        if (said !== undefined || matchType === 'NO_INPUT') {
            chats.user(chat, { ts, line: place.line, text: said ?? null, rejected: matchType !== undefined && REJECTED.has(matchType) }, batch);
        }
        const step = str(obj(result.currentPage)?.displayName);
        const messages = list(result.responseMessages).map(obj).filter(m => m !== undefined);
        const texts = messages.flatMap(m => list(obj(m.text)?.text).map(str).filter(t => t !== undefined));
        const buttons = messages.flatMap(m => chipsOf(m.payload));
        // The bot answers a moment after the request: its messages sort after the user's input.
        const at = ts + 1;
        if (texts.length === 0) chats.bot(chat, { ts: at, line: place.line, step, kind: 'Dialogflow page', text: null, buttons }, batch);
        texts.forEach((text, i) => chats.bot(chat, { ts: at, line: place.line, step, kind: 'Dialogflow page', text, buttons, textFirst: i < texts.length - 1 }, batch));
        return undefined;
    }
}

/** Dialogflow Messenger suggestion chips in a custom payload (`richContent` chips options' `text`). */
function chipsOf(payload: unknown): Button[] {
    const rich = list(obj(payload)?.richContent).flatMap(list).map(obj);
    return rich.filter(r => r?.type === 'chips').flatMap(r => list(r!.options).map(obj))
        .flatMap(o => (str(o?.text) ? [{ title: str(o!.text)! }] : []));
}

export const readDialogflowCx = platformReader(() => new DialogflowCxMapper());
