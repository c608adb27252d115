import type { FlowContext } from '../flow-context.js';
import type { BoxStats } from '../model.js';
import { boxConversions } from './box-conversions.js';
import { dropOuts } from './drop-outs.js';
import type { Scope } from './scope.js';
import type { SqlRunner } from './sql.js';
import { visits } from './visits.js';

/** The overlay's numbers for every box of the context's flows, keyed by FlowGraph box id; boxes nobody reached get zeros. */
export async function boxStats(db: SqlRunner, context: FlowContext, scope: Scope): Promise<Record<string, BoxStats>> {
    const goals = [...context.goalBoxes().keys()];
    const result: Record<string, BoxStats> = {};
    for (const box of context.boxes.keys()) {
        result[box] = { box, visits: 0, entries: 0, dropOuts: 0, dropOutRate: 0, conversions: Object.fromEntries(goals.map(g => [g, 0])) };
    }
    for (const row of await visits(db, scope)) {
        const stats = result[row.box];
        if (stats) Object.assign(stats, { visits: row.chats, entries: row.entries });
    }
    for (const row of await dropOuts(db, context, scope)) {
        const stats = result[row.box];
        if (stats) stats.dropOuts = row.dropOuts;
    }
    for (const row of await boxConversions(db, context, scope)) {
        const stats = result[row.box];
        if (stats) stats.conversions[row.goal] = row.chats;
    }
    for (const stats of Object.values(result)) stats.dropOutRate = stats.visits === 0 ? 0 : stats.dropOuts / stats.visits;
    return result;
}
