import { EVENT_TYPES, type EventType } from '../model.js';
import type { LogEvent, ReaderOptions } from './log-event.js';
import { parseTimestamp } from './timestamps.js';

/** The canonical columns, in CSV order (README: "Chat logs"). */
export const CANONICAL_COLUMNS = ['chat', 'ts', 'flow', 'version', 'box', 'type', 'text', 'goal'] as const;

/**
 * Optional columns, read only when a header names them: the platform's step key, the channel, the
 * entry source, and `utm_source` (the source of a log that carries UTM fields instead).
 */
export const OPTIONAL_COLUMNS = ['step', 'channel', 'source', 'utm_source'] as const;

const TYPES = new Set<EventType>(EVENT_TYPES);
const TYPE_LIST = 'enter, answer, retry, goal or end';

/**
 * Checks one canonical record (a JSON object, or a CSV row by column name) and returns the event,
 * or why it is malformed. Absent optional fields may be missing, null or ''.
 */
export function canonicalEvent(record: Record<string, unknown>, line: number, options: ReaderOptions): LogEvent | string {
    const chat = text(record.chat);
    if (chat === undefined || chat === '') return 'missing "chat": add the conversation id the event belongs to';
    const ts = parseTimestamp(record.ts);
    if (typeof ts === 'string') return `"ts": ${ts}`;
    const type = record.type;
    if (typeof type !== 'string' || !TYPES.has(type as EventType)) {
        return type === undefined || type === '' || type === null
            ? `missing "type": add one of ${TYPE_LIST}`
            : `unknown "type" ${JSON.stringify(type)}: use ${TYPE_LIST}`;
    }
    const box = text(record.box) ?? '';
    if (type === 'enter' && box === '') return 'an "enter" event needs a "box": add the name of the box the bot entered';
    const goal = text(record.goal) ?? '';
    if (type === 'goal' && goal === '') return 'a "goal" event needs a "goal": add the name of the goal reached';
    const flow = text(record.flow) || options.defaultFlow || '';
    const version = text(record.version) || options.defaultVersion || '';
    const said = text(record.text);
    const event: LogEvent = { chat, ts, flow, version, type: type as EventType, box, text: said === undefined || said === '' ? null : said, goal, line };
    // Absent on nearly every canonical line: set only when given, so the event keeps its usual shape.
    const step = text(record.step);
    if (step) event.step = step;
    const channel = text(record.channel);
    if (channel) event.channel = channel;
    const source = text(record.source) || text(record.utm_source);
    if (source) event.source = source;
    return event;
}

/** A string field; numbers are accepted as their text (chat ids are often numeric). */
function text(value: unknown): string | undefined {
    if (typeof value === 'string') return value;
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    return undefined;
}
