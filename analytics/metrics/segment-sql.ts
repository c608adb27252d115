import type { FlowContext } from '../flow-context.js';
import type { SegmentBy } from '../model.js';
import { offsetAt, type TimeZone } from '../time-zone.js';
import { inPredicate, type SqlQuery } from './sql.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Weekday names by (days since 1970-01-01 + 4) % 7: 1970-01-01 was a Thursday. */
export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/** Why a segment cannot be used: names what to write instead. */
export class SegmentError extends RangeError {
    override readonly name = 'SegmentError';
}

/** `version`, `channel`, `source`, `weekday`, `hour` or `var:NAME`; anything else throws a SegmentError saying what is accepted. */
export function parseSegmentBy(text: string): SegmentBy {
    if (['version', 'channel', 'source', 'weekday', 'hour'].includes(text)) return text as SegmentBy;
    if (/^var:[A-Za-z_]\w*$/.test(text)) return text as SegmentBy;
    throw new SegmentError(`unknown segment '${text}': use version, channel, source, weekday, hour or var:NAME (a variable of the flow)`);
}

/**
 * A chat's value for a segment, as an SQL expression over chat_facts `f` ('' when the chat has
 * none): its first event's version; the channel and the source of the first of its events that
 * names one; the last answer stored at an input box saving the variable; the weekday and the hour
 * (`00`..`23`) of its first event in the zone. Weekdays are numbers 0 (Sunday)..6 in SQL.
 */
export function segmentValueSql(by: SegmentBy, zone: TimeZone, context: FlowContext | undefined, f = 'f'): SqlQuery {
    switch (by) {
        case 'version': return { sql: `${f}.version`, params: [] };
        case 'channel': return { sql: `COALESCE(${f}.channel, '')`, params: [] };
        case 'source': return { sql: `COALESCE(${f}.source, '')`, params: [] };
        case 'weekday': {
            const local = localTime(zone, `${f}.first_ts`);
            return { sql: `((${local.sql}) / ${DAY_MS} + 4) % 7`, params: local.params };
        }
        case 'hour': {
            const local = localTime(zone, `${f}.first_ts`);
            return { sql: `((${local.sql}) / ${HOUR_MS}) % 24`, params: local.params };
        }
        default: {
            const boxes = variableBoxes(by.slice('var:'.length), context);
            const at = inPredicate('e.box', boxes);
            return {
                sql: `COALESCE((SELECT e.text FROM events e WHERE e.chat = ${f}.chat AND e.type = 'answer' AND ${at.sql} ORDER BY e.ts DESC, e.id DESC LIMIT 1), '')`,
                params: at.params
            };
        }
    }
}

/** The chats of one segment value: `SELECT chat` from chat_facts. */
export function segmentChats(by: SegmentBy, value: string | null, zone: TimeZone, context: FlowContext | undefined): SqlQuery {
    const expression = segmentValueSql(by, zone, context, 'sf');
    return {
        sql: `SELECT sf.chat FROM chat_facts sf WHERE ${expression.sql} = ?`,
        params: [...expression.params, sqlValueOf(by, value)]
    };
}

/** A segment value as SQL compares it: '' for none, weekday numbers, hours as numbers. */
function sqlValueOf(by: SegmentBy, value: string | null): string | number {
    if (value === null) return by === 'weekday' || by === 'hour' ? -1 : '';
    if (by === 'weekday') {
        const day = WEEKDAYS.indexOf(value as typeof WEEKDAYS[number]);
        if (day < 0) throw new SegmentError(`'${value}' is not a weekday: use ${WEEKDAYS.join(', ')}`);
        return day;
    }
    if (by === 'hour') {
        const hour = /^\d{1,2}$/.test(value) ? Number(value) : NaN;
        if (!(hour >= 0 && hour < 24)) throw new SegmentError(`'${value}' is not an hour: use 00 to 23`);
        return hour;
    }
    return value;
}

/** A value SQL returned, as segments name it (null for none). */
export function segmentValueOf(by: SegmentBy, raw: string | number): string | null {
    if (by === 'weekday') return WEEKDAYS[Number(raw)];
    if (by === 'hour') return String(raw).padStart(2, '0');
    return raw === '' ? null : String(raw);
}

/** The input boxes saving a variable; a sensitive variable (PHI) or one the flows do not have is refused. */
function variableBoxes(name: string, context: FlowContext | undefined): string[] {
    if (!context) throw new SegmentError(`a segment by variable ${name} needs the flows: pass the .chatflow files that declare it`);
    const graphs = [...context.flows.values()];
    const declared = graphs.flatMap(g => g.variables).filter(v => v.name === name);
    const boxes = [...context.boxes.values()].filter(b => b.input?.variable === name);
    if (declared.length === 0 && boxes.length === 0) {
        const known = [...new Set(graphs.flatMap(g => g.variables.filter(v => !v.sensitive).map(v => v.name)))].sort();
        throw new SegmentError(`the flows have no variable '${name}'${known.length > 0 ? `: segment by one of ${known.join(', ')}` : ''}`);
    }
    if (declared.some(v => v.sensitive) || boxes.some(b => b.input?.sensitive)) {
        throw new SegmentError(`variable '${name}' is sensitive (PHI): its values are never shown, so chats cannot be segmented by it. Pick a variable that is not marked sensitive`);
    }
    return boxes.map(b => b.id).sort();
}

/**
 * Epoch ms shifted to the zone's local time, as SQL over `column`. A fixed offset adds a
 * constant; an IANA zone adds the offset in force at the instant, a CASE over the zone's offset
 * changes between 2000 and 2050 (found once per zone, memoised).
 */
function localTime(zone: TimeZone, column: string): SqlQuery {
    if (zone.kind === 'fixed') return { sql: `${column} + ${zone.offsetMinutes * 60000}`, params: [] };
    const changes = offsetChanges(zone);
    if (changes.length === 1) return { sql: `${column} + ${changes[0].offset * 60000}`, params: [] };
    const branches = changes.slice(1).map((change, i) => `WHEN ${column} < ${change.from} THEN ${changes[i].offset * 60000}`);
    return { sql: `${column} + CASE ${branches.join(' ')} ELSE ${changes[changes.length - 1].offset * 60000} END`, params: [] };
}

const CHANGES = new Map<string, Array<{ from: number; offset: number }>>();

/** The zone's offsets (minutes) and from when each holds, 2000-2050: weekly samples, each change found to the minute by bisection. */
function offsetChanges(zone: TimeZone): Array<{ from: number; offset: number }> {
    const known = CHANGES.get(zone.name);
    if (known) return known;
    const start = Date.UTC(2000, 0, 1);
    const end = Date.UTC(2050, 0, 1);
    const week = 7 * DAY_MS;
    const changes = [{ from: start, offset: offsetAt(zone, start) }];
    for (let t = start; t < end; t += week) {
        const before = offsetAt(zone, t);
        const after = offsetAt(zone, t + week);
        if (before === after) continue;
        let low = t;
        let high = t + week;
        while (high - low > 60000) {
            const mid = low + Math.floor((high - low) / 120000) * 60000;
            if (offsetAt(zone, mid) === before) low = mid;
            else high = mid;
        }
        changes.push({ from: high, offset: after });
    }
    CHANGES.set(zone.name, changes);
    return changes;
}
