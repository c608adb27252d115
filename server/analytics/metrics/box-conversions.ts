import type { FlowContext } from '../flow-context.js';
import { conversionRows } from './conversions.js';
import { chatsInScope, type Scope } from './scope.js';
import type { SqlQuery, SqlRunner } from './sql.js';

/**
 * Conversions per goal at box B (the overlay's "18 → appointment"): of the chats that entered B,
 * those that converted on the goal. On a box marking the goal that is every visitor. One row per
 * (box, goal, chat, count = 1).
 */
export function boxConversionRows(context: FlowContext, scope: Scope): SqlQuery {
    const converted = conversionRows(context, scope);
    const where = chatsInScope(scope, 't');
    return {
        // CROSS JOIN: standard SQL for a join without ON; SQLite also reads it as "converted chats
        // first", looking up each one's transitions by chat instead of scanning them all. A chat
        // entering B from several boxes has several rows into B: only the one from the smallest
        // from_box counts (a key lookup each, where DISTINCT sorted every row).
        sql: `SELECT t.to_box AS box, c.goal AS goal, t.chat AS chat, 1 AS count
              FROM (${converted.sql}) c CROSS JOIN transitions t
              WHERE t.chat = c.chat AND ${where.sql}
                AND NOT EXISTS (SELECT 1 FROM transitions other WHERE other.to_box = t.to_box AND other.chat = t.chat AND other.from_box < t.from_box)`,
        params: [...converted.params, ...where.params]
    };
}

export async function boxConversions(db: SqlRunner, context: FlowContext, scope: Scope): Promise<Array<{ box: string; goal: string; chats: number }>> {
    const rows = boxConversionRows(context, scope);
    return db.all(`SELECT r.box AS box, r.goal AS goal, COUNT(*) AS chats FROM (${rows.sql}) r GROUP BY r.box, r.goal`, rows.params);
}
