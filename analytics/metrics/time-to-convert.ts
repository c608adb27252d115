import type { FlowContext } from '../flow-context.js';
import type { TimeToConvert } from '../model.js';
import { conversionRows } from './conversions.js';
import type { Scope } from './scope.js';
import type { SqlRunner } from './sql.js';

/**
 * Per goal of the context: for each converted chat, the time from its first event to its first
 * conversion (the conversion's own definition); median and p90 by nearest rank, as dwell.ts. The
 * chats behind `n` are the goal's conversions (drill-down `conversions`).
 */
export async function timeToConvert(db: SqlRunner, context: FlowContext, scope: Scope): Promise<TimeToConvert[]> {
    const converted = conversionRows(context, scope);
    const rows = await db.all<{ goal: string; n: number; median: number; p90: number }>(
        `SELECT ranked.goal AS goal, MAX(ranked.n) AS n,
                MIN(CASE WHEN ranked.position * 2 >= ranked.n THEN ranked.ms END) AS median,
                MIN(CASE WHEN ranked.position * 10 >= ranked.n * 9 THEN ranked.ms END) AS p90
         FROM (
             SELECT c.goal AS goal, c.ts - f.first_ts AS ms,
                    ROW_NUMBER() OVER (PARTITION BY c.goal ORDER BY c.ts - f.first_ts, c.chat) AS position,
                    COUNT(*) OVER (PARTITION BY c.goal) AS n
             FROM (${converted.sql}) c JOIN chat_facts f ON f.chat = c.chat
         ) ranked
         GROUP BY ranked.goal`,
        converted.params);
    return [...context.goalBoxes().keys()].sort().map(goal => {
        const row = rows.find(r => r.goal === goal);
        return { goal, n: Number(row?.n ?? 0), medianMs: Number(row?.median ?? 0), p90Ms: Number(row?.p90 ?? 0) };
    });
}
