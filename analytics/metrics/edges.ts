import type { FlowContext } from '../flow-context.js';
import type { EdgeTraffic } from '../model.js';
import { countPairsOfSets, SET_SEPARATOR_CODE } from './chat-sets.js';
import { conversionRows } from './conversions.js';
import { chatsInScope, type Scope } from './scope.js';
import { charSql, type SqlQuery, type SqlRunner } from './sql.js';

/**
 * edge traffic(A→B): consecutive entries A then B in a chat (derived-facts.ts pairs each enter
 * with the one before it; pairs from '' are first entries, not edges). One row per (from, to, chat, count = traversals by that chat).
 */
export function edgeRows(scope: Scope): SqlQuery {
    const where = chatsInScope(scope, 't');
    return {
        sql: `SELECT t.from_box AS from_box, t.to_box AS to_box, t.chat AS chat, t.times AS count FROM transitions t WHERE t.from_box <> '' AND ${where.sql}`,
        params: where.params
    };
}

export async function edges(db: SqlRunner, scope: Scope): Promise<EdgeTraffic[]> {
    const rows = edgeRows(scope);
    return db.all<EdgeTraffic>(
        `SELECT r.from_box AS "from", r.to_box AS "to", COUNT(*) AS chats, SUM(r.count) AS traversals
         FROM (${rows.sql}) r GROUP BY r.to_box, r.from_box ORDER BY r.from_box, r.to_box`,
        rows.params);
}

/** Joins an edge's two box names inside a set (the ASCII record separator). */
const EDGE_SEPARATOR_CODE = 30;

/**
 * How many of the chats that converted on `goal` took each edge: what the goal's funnel path
 * follows. Chats only, no traversals: per converted chat, the set of its edges from the by-chat
 * index of transitions (which holds (chat, to_box, from_box): no table row read), counted
 * together for the chats that took the same edges (chat-sets.ts). The scope is already in the
 * converted chats.
 */
export async function convertingEdges(db: SqlRunner, context: FlowContext, scope: Scope, goal: string): Promise<Array<Pick<EdgeTraffic, 'from' | 'to' | 'chats'>>> {
    const converted = conversionRows(context, scope);
    const counts = await countPairsOfSets(db, {
        sql: `WITH converted AS (${converted.sql}),
              chat_sets AS (
                  SELECT (SELECT string_agg(t.from_box || ${charSql(db, EDGE_SEPARATOR_CODE)} || t.to_box, ${charSql(db, SET_SEPARATOR_CODE)}) FROM transitions t
                          WHERE t.chat = c.chat AND t.from_box <> '') AS edges
                  FROM (SELECT DISTINCT converted.chat AS chat FROM converted WHERE converted.goal = ?) c
              )
              SELECT chat_sets.edges AS a_set, ? AS b_set, COUNT(*) AS chats FROM chat_sets GROUP BY chat_sets.edges`,
        params: [...converted.params, goal, goal]
    });
    return [...counts]
        .map(([edge, byGoal]) => {
            const [from, to] = edge.split('\u001e');
            return { from, to, chats: byGoal.get(goal) ?? 0 };
        })
        .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.to < b.to ? -1 : a.to > b.to ? 1 : 0));
}
