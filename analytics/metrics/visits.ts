import type { BoxVisits } from '../model.js';
import { chatsInScope, type Scope } from './scope.js';
import type { SqlQuery, SqlRunner } from './sql.js';

/**
 * visit(B): the chats with an `enter` at B; entries: all `enter` events at B. Summed from the
 * transitions into B (the chat's first entry is the transition from ''). One row per
 * (box, chat, count = entries, first_ts = the chat's first entry at the box): the count, its
 * drill-down, conversions at goal boxes and the funnel all read these rows.
 */
export function visitRows(scope: Scope, boxes?: { sql: string; params: SqlQuery['params'] }): SqlQuery {
    const where = chatsInScope(scope, 't');
    const only = boxes ? ` AND t.to_box IN (${boxes.sql})` : '';
    return {
        sql: `SELECT t.to_box AS box, t.chat AS chat, SUM(t.times) AS count, MIN(t.first_ts) AS first_ts
              FROM transitions t WHERE ${where.sql}${only}
              GROUP BY t.to_box, t.chat`,
        params: [...where.params, ...(boxes?.params ?? [])]
    };
}

/** The same transitions as visitRows, counted in one pass (COUNT DISTINCT is half the time of grouping twice). */
export async function visits(db: SqlRunner, scope: Scope): Promise<BoxVisits[]> {
    const where = chatsInScope(scope, 't');
    return db.all<BoxVisits>(
        `SELECT t.to_box AS box, COUNT(DISTINCT t.chat) AS chats, SUM(t.times) AS entries
         FROM transitions t WHERE ${where.sql} GROUP BY t.to_box ORDER BY t.to_box`,
        where.params);
}
