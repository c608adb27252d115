import type { FlowContext } from '../flow-context.js';
import type { DailyConversions, GoalConversions } from '../model.js';
import { dayOf, SLOT_MS } from '../time-zone.js';
import { chatsInScope, type Scope } from './scope.js';
import { valuesTable, type SqlQuery, type SqlRunner } from './sql.js';

/**
 * conversion(G): chats that entered a box marking G (marks from the flows as they are now) or
 * carry a `goal` event for G, at the time of the first such event. G ranges over the goals the
 * context's flows declare or mark; `goal` events naming other goals stay stored but uncounted.
 * One row per (goal, chat, version, ts = first conversion, count = 1).
 */
export function conversionRows(context: FlowContext, scope: Scope, options: { ignoreVersion?: boolean } = {}): SqlQuery {
    const goals = context.goalBoxes();
    const marks = [...goals].flatMap(([goal, boxes]) => boxes.map(box => [goal, box]));
    const goalBox = valuesTable('goal_box', ['goal', 'box'], marks);
    const goalName = valuesTable('goal_name', ['goal'], [...goals.keys()].map(goal => [goal]));
    const visitScope = chatsInScope(scope, 't', 'chat_start', options);
    const eventScope = chatsInScope(scope, 'g', 'chat_start', options);
    return {
        sql: `WITH ${goalBox.sql}, ${goalName.sql},
              hits AS (
                  SELECT goal_box.goal AS goal, t.chat AS chat, t.version AS version, t.first_ts AS ts
                  FROM transitions t JOIN goal_box ON goal_box.box = t.to_box
                  WHERE ${visitScope.sql}
                  UNION ALL
                  SELECT g.goal, g.chat, g.version, g.first_ts FROM chat_goals g JOIN goal_name ON goal_name.goal = g.goal WHERE ${eventScope.sql}
              )
              SELECT hits.goal AS goal, hits.chat AS chat, hits.version AS version, MIN(hits.ts) AS ts, 1 AS count
              FROM hits GROUP BY hits.goal, hits.chat, hits.version`,
        params: [...goalBox.params, ...goalName.params, ...visitScope.params, ...eventScope.params]
    };
}

/** Per goal: converted chats, and per day (in the scope's zone) of their first conversion. */
export async function conversions(db: SqlRunner, context: FlowContext, scope: Scope): Promise<GoalConversions[]> {
    const rows = conversionRows(context, scope);
    // 15-minute slots in SQL, days in TypeScript: see time-zone.ts.
    const slots = await db.all<{ goal: string; slot: number; chats: number }>(
        `SELECT r.goal AS goal, r.ts / ${SLOT_MS} AS slot, COUNT(*) AS chats FROM (${rows.sql}) r GROUP BY r.goal, r.ts / ${SLOT_MS}`,
        rows.params);
    const byGoal = new Map<string, Map<string, number>>();
    for (const goal of context.goalBoxes().keys()) byGoal.set(goal, new Map());
    for (const { goal, slot, chats } of slots) {
        const days = byGoal.get(goal) ?? new Map<string, number>();
        const day = dayOf(scope.zone, slot * SLOT_MS);
        days.set(day, (days.get(day) ?? 0) + chats);
        byGoal.set(goal, days);
    }
    return [...byGoal].sort(([a], [b]) => a.localeCompare(b)).map(([goal, days]) => {
        const list: DailyConversions[] = [...days].sort(([a], [b]) => a.localeCompare(b)).map(([day, chats]) => ({ goal, day, chats }));
        return { goal, chats: list.reduce((sum, d) => sum + d.chats, 0), days: list };
    });
}
