import type { FlowContext } from '../flow-context.js';
import type { EdgeTraffic } from '../model.js';
import { conversionRows } from './conversions.js';
import { chatsInScope, type Scope } from './scope.js';
import type { SqlQuery, SqlRunner } from './sql.js';

/**
 * edge traffic(A→B): consecutive entries A then B in a chat (derived-facts.ts pairs each enter
 * with the one before it; pairs from '' are first entries, not edges). One row per (from, to, chat, count = traversals by that chat).
 */
export function edgeRows(scope: Scope): SqlQuery {
    const where = chatsInScope(scope, 't');
    return {
        sql: `SELECT t.from_box AS from_box, t.to_box AS to_box, t.chat AS chat, t.times AS count FROM transitions t WHERE t.from_box <> '' AND ${where.sql}`,
        params: where.params
    };
}

export async function edges(db: SqlRunner, scope: Scope): Promise<EdgeTraffic[]> {
    const rows = edgeRows(scope);
    return db.all<EdgeTraffic>(
        `SELECT r.from_box AS "from", r.to_box AS "to", COUNT(*) AS chats, SUM(r.count) AS traversals
         FROM (${rows.sql}) r GROUP BY r.to_box, r.from_box ORDER BY r.from_box, r.to_box`,
        rows.params);
}

/**
 * How many of the chats that converted on `goal` took each edge: what the goal's funnel path
 * follows. Chats only, no traversals: the by-chat index of transitions holds (chat, to_box,
 * from_box), so without a filter the lookups read no table row.
 */
export async function convertingEdges(db: SqlRunner, context: FlowContext, scope: Scope, goal: string): Promise<Array<Pick<EdgeTraffic, 'from' | 'to' | 'chats'>>> {
    const where = chatsInScope(scope, 't');
    const converted = conversionRows(context, scope);
    // The same rows as edgeRows, for the converted chats only (looked up by chat: see box-conversions.ts).
    return db.all(
        `SELECT t.from_box AS "from", t.to_box AS "to", COUNT(*) AS chats
         FROM (${converted.sql}) c CROSS JOIN transitions t
         WHERE t.chat = c.chat AND c.goal = ? AND t.from_box <> '' AND ${where.sql}
         GROUP BY t.to_box, t.from_box ORDER BY t.from_box, t.to_box`,
        [...converted.params, goal, ...where.params]);
}
