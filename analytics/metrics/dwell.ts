import type { FlowContext } from '../flow-context.js';
import type { DropOutDwell } from '../model.js';
import { dropOutRows } from './drop-outs.js';
import type { Scope } from './scope.js';
import { nearestRankSql } from './nearest-rank.js';
import type { SqlRunner } from './sql.js';

/**
 * Time spent at a box before dropping out: for each drop-out at B, the time from the chat's last
 * entry at B to its last event. Median and p90 by nearest rank (nearest-rank.ts).
 */
export async function dwellBeforeDropOut(db: SqlRunner, context: FlowContext, scope: Scope): Promise<DropOutDwell[]> {
    const rows = dropOutRows(context, scope);
    return db.all<DropOutDwell>(
        `SELECT p.grp AS box, p.n AS "dropOuts", p.median AS "medianMs", p.p90 AS "p90Ms"
         FROM (${nearestRankSql(rows.sql, 'box', 'dwell')}) p ORDER BY p.grp`,
        rows.params);
}
