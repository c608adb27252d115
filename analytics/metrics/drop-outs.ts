import type { FlowContext } from '../flow-context.js';
import type { BoxDropOuts } from '../model.js';
import { chatsInScope, type Scope } from './scope.js';
import { inPredicate, type SqlQuery, type SqlRunner } from './sql.js';

/**
 * drop-out at B: the chat's last entered box is B, B is not an end or handoff box (kinds from the
 * flows as they are now; a box the flows do not have has no known kind and is left out), and the
 * chat is not in progress: its last event is more than the inactivity timeout older than the
 * newest event in the store (exactly the timeout old: still in progress).
 * One row per chat (box, chat, count = 1, dwell = ms from its last entry at B to its last event).
 */
export function dropOutRows(context: FlowContext, scope: Scope): SqlQuery {
    const where = chatsInScope(scope, 'f', 'first_ts');
    const canDropOut = inPredicate('f.last_box', context.dropOutBoxes());
    return {
        sql: `SELECT f.last_box AS box, f.chat AS chat, 1 AS count, f.last_ts - f.last_enter_ts AS dwell
              FROM chat_facts f
              WHERE ${where.sql} AND ${canDropOut.sql}
                AND f.last_ts < (SELECT MAX(newest.last_ts) FROM chat_facts newest) - ?`,
        params: [...where.params, ...canDropOut.params, scope.timeoutMs]
    };
}

export async function dropOuts(db: SqlRunner, context: FlowContext, scope: Scope): Promise<BoxDropOuts[]> {
    const rows = dropOutRows(context, scope);
    return db.all<BoxDropOuts>(`SELECT r.box AS box, COUNT(*) AS "dropOuts" FROM (${rows.sql}) r GROUP BY r.box ORDER BY r.box`, rows.params);
}
