import type { AnalyticsFilter } from '../model.js';
import { dayRange, parseTimeZone, type TimeZone } from '../time-zone.js';
import type { SqlQuery } from './sql.js';

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
}

export function scopeOf(filter: AnalyticsFilter = {}): Scope {
    const zone = parseTimeZone(filter.timeZone);
    const { start, end } = dayRange(zone, filter.from, filter.to);
    if (start !== undefined && end !== undefined && end <= start) {
        throw new RangeError(`the date range ${filter.from} to ${filter.to} is empty: --from must not be after --to`);
    }
    const minutes = filter.inactivityMinutes ?? DEFAULT_INACTIVITY_MINUTES;
    if (!(minutes >= 0) || !Number.isFinite(minutes)) throw new RangeError(`inactivity timeout ${minutes} is not a number of minutes >= 0`);
    return { zone, start, end, version: filter.version, timeoutMs: Math.round(minutes * 60000) };
}

/**
 * The chats a metric looks at, as a predicate on a derived table that carries `version` and the
 * chat's start (`chat_start`, or `first_ts` on chat_facts).
 */
export function chatsInScope(scope: Scope, alias: string, startColumn = 'chat_start', options: { ignoreVersion?: boolean } = {}): SqlQuery {
    const parts: string[] = [];
    const params: Array<string | number> = [];
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
    return { sql: parts.length === 0 ? '1 = 1' : parts.join(' AND '), params };
}
