import type { FlowContext } from '../flow-context.js';
import type { SegmentBy, SegmentValue } from '../model.js';
import { chatsInScope, type Scope } from './scope.js';
import { segmentValueOf, segmentValueSql } from './segment-sql.js';
import { inPredicate, type SqlRunner } from './sql.js';

/**
 * The values of a segment among the chats in the scope, each with the chats of it that started
 * in the context's flows (0 for a value only chats of other flows have: they may still reach the
 * flows' boxes). Most chats first, then by value, the chats with none last. Every chat has
 * exactly one value, so the numbers of the segments add up to the numbers of all chats.
 */
export async function segmentValues(db: SqlRunner, context: FlowContext, scope: Scope, by: SegmentBy): Promise<SegmentValue[]> {
    const where = chatsInScope(scope, 'f', 'first_ts');
    const flows = inPredicate('f.flow', [...context.flows.keys()]);
    const value = segmentValueSql(by, scope.zone, context, 'f');
    const rows = await db.all<{ value: string | number; chats: number }>(
        `SELECT v.value AS value, SUM(v.own) AS chats
         FROM (SELECT ${value.sql} AS value, CASE WHEN ${flows.sql} THEN 1 ELSE 0 END AS own FROM chat_facts f WHERE ${where.sql}) v
         GROUP BY v.value`,
        [...value.params, ...flows.params, ...where.params]);
    return rows
        .map(row => ({ segment: by, value: segmentValueOf(by, row.value), chats: Number(row.chats) }))
        .sort((a, b) => (a.value === null ? 1 : 0) - (b.value === null ? 1 : 0) || b.chats - a.chats || String(a.value).localeCompare(String(b.value)));
}
