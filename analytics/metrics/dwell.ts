import type { FlowContext } from '../flow-context.js';
import type { DropOutDwell } from '../model.js';
import { dropOutRows } from './drop-outs.js';
import type { Scope } from './scope.js';
import type { SqlRunner } from './sql.js';

/**
 * Time spent at a box before dropping out: for each drop-out at B, the time from the chat's last
 * entry at B to its last event. Median and p90 by nearest rank (the value at rank ⌈p·n⌉), with
 * ROW_NUMBER rather than PERCENTILE_CONT, which SQLite lacks.
 */
export async function dwellBeforeDropOut(db: SqlRunner, context: FlowContext, scope: Scope): Promise<DropOutDwell[]> {
    const rows = dropOutRows(context, scope);
    return db.all<DropOutDwell>(
        `SELECT ranked.box AS box, MAX(ranked.n) AS "dropOuts",
                MIN(CASE WHEN ranked.position * 2 >= ranked.n THEN ranked.dwell END) AS "medianMs",
                MIN(CASE WHEN ranked.position * 10 >= ranked.n * 9 THEN ranked.dwell END) AS "p90Ms"
         FROM (
             SELECT r.box AS box, r.dwell AS dwell,
                    ROW_NUMBER() OVER (PARTITION BY r.box ORDER BY r.dwell, r.chat) AS position,
                    COUNT(*) OVER (PARTITION BY r.box) AS n
             FROM (${rows.sql}) r
         ) ranked
         GROUP BY ranked.box ORDER BY ranked.box`,
        rows.params);
}
