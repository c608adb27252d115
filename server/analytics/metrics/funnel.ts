import type { FunnelStep } from '../model.js';
import { chatsInScope, type Scope } from './scope.js';
import { valuesTable, type SqlQuery, type SqlRunner } from './sql.js';

/**
 * Funnel along steps b1..bk (box ids): a chat reaches step i when it entered b1..bi and the first
 * entry of each is no earlier than the first entry of the one before. One row per (position, chat,
 * count = 1); position is 1-based.
 */
export function funnelRows(steps: readonly string[], scope: Scope): SqlQuery {
    const step = valuesTable('step', ['position', 'box'], steps.map((box, i) => [i + 1, box]));
    const where = chatsInScope(scope, 't');
    const times = steps.map((_, i) => `MIN(CASE WHEN step.position = ${i + 1} THEN t.first_ts END) AS t${i + 1}`);
    const reached = steps.map((_, i) => {
        const conditions = ['t1 IS NOT NULL'];
        for (let j = 2; j <= i + 1; j++) conditions.push(`t${j} >= t${j - 1}`);
        return `SELECT ${i + 1} AS position, chat, 1 AS count FROM funnel_chat WHERE ${conditions.join(' AND ')}`;
    });
    if (steps.length === 0) return { sql: 'SELECT 0 AS position, chat, 1 AS count FROM chat_facts WHERE 1 = 0', params: [] };
    return {
        sql: `WITH ${step.sql},
              funnel_chat AS (
                  SELECT t.chat AS chat, ${times.join(', ')}
                  FROM transitions t JOIN step ON step.box = t.to_box
                  WHERE ${where.sql}
                  GROUP BY t.chat
              )
              ${reached.join('\n              UNION ALL ')}`,
        params: [...step.params, ...where.params]
    };
}

export async function funnelSteps(db: SqlRunner, steps: readonly string[], scope: Scope): Promise<FunnelStep[]> {
    const rows = funnelRows(steps, scope);
    const counts = await db.all<{ position: number; chats: number }>(
        `SELECT r.position AS position, COUNT(*) AS chats FROM (${rows.sql}) r GROUP BY r.position`, rows.params);
    const byPosition = new Map(counts.map(c => [c.position, c.chats]));
    return steps.map((box, i) => ({ box, chats: byPosition.get(i + 1) ?? 0 }));
}
