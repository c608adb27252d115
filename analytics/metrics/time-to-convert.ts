import type { FlowContext } from '../flow-context.js';
import type { TimeToConvert } from '../model.js';
import { conversionRows } from './conversions.js';
import type { Scope } from './scope.js';
import { nearestRankSql } from './nearest-rank.js';
import type { SqlRunner } from './sql.js';

/**
 * Per goal of the context: for each converted chat, the time from its first event to its first
 * conversion (the conversion's own definition); median and p90 by nearest rank (nearest-rank.ts). The
 * chats behind `n` are the goal's conversions (drill-down `conversions`).
 */
export async function timeToConvert(db: SqlRunner, context: FlowContext, scope: Scope): Promise<TimeToConvert[]> {
    const converted = conversionRows(context, scope);
    const times = `SELECT c.goal AS goal, c.chat AS chat, c.ts - f.first_ts AS ms FROM (${converted.sql}) c JOIN chat_facts f ON f.chat = c.chat`;
    const rows = await db.all<{ grp: string; n: number; median: number; p90: number }>(nearestRankSql(times, 'goal', 'ms'), converted.params);
    return [...context.goalBoxes().keys()].sort().map(goal => {
        const row = rows.find(r => r.grp === goal);
        return { goal, n: Number(row?.n ?? 0), medianMs: Number(row?.median ?? 0), p90Ms: Number(row?.p90 ?? 0) };
    });
}
