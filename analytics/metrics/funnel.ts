import type { FunnelStep } from '../model.js';
import { chatsInScope, type Scope } from './scope.js';
import { valuesTable, type SqlQuery, type SqlRunner } from './sql.js';

/**
 * Funnel along steps b1..bk (box ids): a chat reaches step i when it entered b1..bi and the first
 * entry of each is no earlier than the first entry of the one before. One row per (position, chat,
 * count = 1); position is 1-based.
 */
export function funnelRows(steps: readonly string[], scope: Scope): SqlQuery {
    if (steps.length === 0) return { sql: 'SELECT 0 AS position, chat, 1 AS count FROM chat_facts WHERE 1 = 0', params: [] };
    const chats = funnelChats(steps, scope);
    const reached = steps.map((_, i) => `SELECT ${i + 1} AS position, chat, 1 AS count FROM funnel_chat WHERE ${reachedStep(i + 1)}`);
    return { sql: `${chats.sql}\n              ${reached.join('\n              UNION ALL ')}`, params: chats.params };
}

/** `WITH ..., funnel_chat(chat, t1..tk)`: per chat, its first entry at each step (NULL when never). */
function funnelChats(steps: readonly string[], scope: Scope): SqlQuery {
    const step = valuesTable('step', ['position', 'box'], steps.map((box, i) => [i + 1, box]));
    const where = chatsInScope(scope, 't');
    const times = steps.map((_, i) => `MIN(CASE WHEN step.position = ${i + 1} THEN t.first_ts END) AS t${i + 1}`);
    return {
        sql: `WITH ${step.sql},
              funnel_chat AS (
                  SELECT t.chat AS chat, ${times.join(', ')}
                  FROM transitions t JOIN step ON step.box = t.to_box
                  WHERE ${where.sql}
                  GROUP BY t.chat
              )`,
        params: [...step.params, ...where.params]
    };
}

/** A chat reached step n when it entered steps 1..n, each first entered no earlier than the one before. */
function reachedStep(n: number): string {
    const conditions = ['t1 IS NOT NULL'];
    for (let j = 2; j <= n; j++) conditions.push(`t${j} >= t${j - 1}`);
    return conditions.join(' AND ');
}

/**
 * The counts of funnelRows in one pass: each chat's depth (the last step it reached) instead of
 * one scan per step; a chat counts at every step up to its depth.
 */
export async function funnelSteps(db: SqlRunner, steps: readonly string[], scope: Scope): Promise<FunnelStep[]> {
    if (steps.length === 0) return [];
    const chats = funnelChats(steps, scope);
    // COALESCE: a comparison with a step never entered is NULL, which must end the funnel too.
    const depth = `CASE ${steps.map((_, i) => `WHEN NOT COALESCE(${i === 0 ? 't1 IS NOT NULL' : `t${i + 1} >= t${i}`}, FALSE) THEN ${i}`).join(' ')} ELSE ${steps.length} END`;
    const counts = await db.all<{ depth: number; chats: number }>(
        `${chats.sql}
         SELECT d.depth AS depth, COUNT(*) AS chats FROM (SELECT ${depth} AS depth FROM funnel_chat) d GROUP BY d.depth`, chats.params);
    return steps.map((box, i) => ({ box, chats: counts.filter(c => c.depth >= i + 1).reduce((sum, c) => sum + c.chats, 0) }));
}
