import type { FlowContext } from '../flow-context.js';
import type { AnalyticsFilter } from '../model.js';
import { dayRange, parseTimeZone, type TimeZone } from '../time-zone.js';
import { parseSegmentBy, segmentChats } from './segment-sql.js';
import type { SqlQuery, SqlValue } from './sql.js';

export const DEFAULT_INACTIVITY_MINUTES = 30;

/** A filter, checked and turned into numbers. Invalid days or zones throw a RangeError that says what to write. */
export interface Scope {
    zone: TimeZone;
    /** Chats that started at or after this instant (epoch ms). */
    start?: number;
    /** Chats that started before this instant. */
    end?: number;
    version?: string;
    timeoutMs: number;
    /** Only the chats of one segment value: `SELECT chat ...`. */
    segment?: SqlQuery;
}

/** The context names the boxes a `var:` segment reads; a segment that needs it and has none throws. */
export function scopeOf(filter: AnalyticsFilter = {}, context?: FlowContext): Scope {
    const zone = parseTimeZone(filter.timeZone);
    const { start, end } = dayRange(zone, filter.from, filter.to);
    if (start !== undefined && end !== undefined && end <= start) {
        throw new RangeError(`the date range ${filter.from} to ${filter.to} is empty: --from must not be after --to`);
    }
    const minutes = filter.inactivityMinutes ?? DEFAULT_INACTIVITY_MINUTES;
    if (!(minutes >= 0) || !Number.isFinite(minutes)) throw new RangeError(`inactivity timeout ${minutes} is not a number of minutes >= 0`);
    const segment = filter.segment && segmentChats(parseSegmentBy(filter.segment.by), filter.segment.value, zone, context);
    return { zone, start, end, version: filter.version, timeoutMs: Math.round(minutes * 60000), ...(segment ? { segment } : {}) };
}

/**
 * The chats a metric looks at, as a predicate on a derived table that carries `version` and the
 * chat's start (`chat_start`, or `first_ts` on chat_facts).
 */
export function chatsInScope(scope: Scope, alias: string, startColumn = 'chat_start', options: { ignoreVersion?: boolean } = {}): SqlQuery {
    const parts: string[] = [];
    const params: SqlValue[] = [];
    if (scope.start !== undefined) {
        parts.push(`${alias}.${startColumn} >= ?`);
        params.push(scope.start);
    }
    if (scope.end !== undefined) {
        parts.push(`${alias}.${startColumn} < ?`);
        params.push(scope.end);
    }
    if (scope.version !== undefined && !options.ignoreVersion) {
        parts.push(`${alias}.version = ?`);
        params.push(scope.version);
    }
    if (scope.segment) {
        parts.push(`${alias}.chat IN (${scope.segment.sql})`);
        params.push(...scope.segment.params);
    }
    return { sql: parts.length === 0 ? '1 = 1' : parts.join(' AND '), params };
}
