import type { FlowContext } from '../flow-context.js';
import { OUTCOMES, type Outcome, type OutcomeCounts, type Outcomes } from '../model.js';
import { dayOf, SLOT_MS } from '../time-zone.js';
import { chatsInScope, type Scope } from './scope.js';
import { inPredicate, type SqlQuery, type SqlRunner } from './sql.js';

/**
 * The chats that started in one of the context's flows (their first event's flow), in the scope.
 * Rows (chat, count = 1, first_ts): the total the outcomes add up to, and a segment's `chats`.
 */
export function flowChatRows(context: FlowContext, scope: Scope): SqlQuery {
    const where = flowChatsWhere(context, scope);
    return { sql: `SELECT f.chat AS chat, 1 AS count, f.first_ts AS first_ts FROM chat_facts f WHERE ${where.sql}`, params: where.params };
}

/** flowChatRows' chats as a predicate on chat_facts `f` (no second read of chat_facts to join them). */
export function flowChatsWhere(context: FlowContext, scope: Scope): SqlQuery {
    const where = chatsInScope(scope, 'f', 'first_ts');
    const flows = inPredicate('f.flow', [...context.flows.keys()]);
    return { sql: `${where.sql} AND ${flows.sql}`, params: [...where.params, ...flows.params] };
}

/**
 * outcome of a chat (exactly one): escalated (entered a handoff box: any transition into one),
 * else contained (its last entered box is an end box), else in progress (its last event is at
 * most the inactivity timeout older than the newest event stored: the complement of drop-outs'
 * rule), else abandoned. Kinds from the flows as they are now. Rows (outcome, chat, count = 1, first_ts).
 */
export function outcomeRows(context: FlowContext, scope: Scope): SqlQuery {
    const chats = flowChatsWhere(context, scope);
    const boxes = [...context.boxes.values()];
    const handoff = inPredicate('h.to_box', boxes.filter(b => b.kind === 'handoff').map(b => b.id).sort());
    const end = inPredicate('f.last_box', boxes.filter(b => b.kind === 'end').map(b => b.id).sort());
    return {
        // The chats that entered a handoff box, read by box from transitions' key (few of them).
        sql: `SELECT CASE WHEN f.chat IN (SELECT h.chat FROM transitions h WHERE ${handoff.sql}) THEN 'escalated'
                          WHEN ${end.sql} THEN 'contained'
                          WHEN f.last_ts >= (SELECT MAX(newest.last_ts) FROM chat_facts newest) - ? THEN 'inProgress'
                          ELSE 'abandoned' END AS outcome,
                     f.chat AS chat, 1 AS count, f.first_ts AS first_ts
              FROM chat_facts f WHERE ${chats.sql}`,
        params: [...handoff.params, ...end.params, scope.timeoutMs, ...chats.params]
    };
}

/** The outcomes' counts, and per day the chats started (in the scope's zone). */
export async function outcomes(db: SqlRunner, context: FlowContext, scope: Scope): Promise<Outcomes> {
    const rows = outcomeRows(context, scope);
    // 15-minute slots in SQL, days in TypeScript: see time-zone.ts.
    const slots = await db.all<{ outcome: Outcome; slot: number; chats: number }>(
        `SELECT r.outcome AS outcome, r.first_ts / ${SLOT_MS} AS slot, COUNT(*) AS chats FROM (${rows.sql}) r GROUP BY r.outcome, r.first_ts / ${SLOT_MS}`,
        rows.params);
    const total: Outcomes = { ...zero(), chats: 0, days: [] };
    const days = new Map<string, OutcomeCounts & { day: string; chats: number }>();
    for (const row of slots) {
        const chats = Number(row.chats);
        const day = dayOf(scope.zone, Number(row.slot) * SLOT_MS);
        const entry = days.get(day) ?? { day, chats: 0, ...zero() };
        entry[row.outcome] += chats;
        entry.chats += chats;
        days.set(day, entry);
        total[row.outcome] += chats;
        total.chats += chats;
    }
    total.days = [...days.values()].sort((a, b) => a.day.localeCompare(b.day));
    return total;
}

function zero(): OutcomeCounts {
    return Object.fromEntries(OUTCOMES.map(o => [o, 0])) as unknown as OutcomeCounts;
}
