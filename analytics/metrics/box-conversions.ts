import type { FlowContext } from '../flow-context.js';
import { countPairsOfSets, SET_SEPARATOR_CODE } from './chat-sets.js';
import { conversionRows } from './conversions.js';
import { chatsInScope, type Scope } from './scope.js';
import { charSql, type SqlQuery, type SqlRunner } from './sql.js';
import { signatureParts } from '../visit-facts.js';

/**
 * Conversions per goal at box B (the overlay's "18 → appointment"): of the chats that entered B,
 * those that converted on the goal. On a box marking the goal that is every visitor. One row per
 * (box, goal, chat, count = 1).
 */
export function boxConversionRows(context: FlowContext, scope: Scope): SqlQuery {
    const converted = conversionRows(context, scope);
    const where = chatsInScope(scope, 't');
    return {
        // CROSS JOIN: standard SQL for a join without ON; SQLite also reads it as "converted chats
        // first", looking up each one's transitions by chat instead of scanning them all. A chat
        // entering B from several boxes has several rows into B: only the one from the smallest
        // from_box counts (a key lookup each, where DISTINCT sorted every row).
        sql: `SELECT t.to_box AS box, c.goal AS goal, t.chat AS chat, 1 AS count
              FROM (${converted.sql}) c CROSS JOIN transitions t
              WHERE t.chat = c.chat AND ${where.sql}
                AND NOT EXISTS (SELECT 1 FROM transitions other WHERE other.to_box = t.to_box AND other.chat = t.chat AND other.from_box < t.from_box)`,
        params: [...converted.params, ...where.params]
    };
}

/**
 * The counts of boxConversionRows: per converted chat, its box signature (chat_visits: the boxes
 * it entered) and the set of goals it converted on; chats with the same two are counted together.
 * The scope is already in the converted chats (a chat's version and start are the same on all its rows).
 */
export async function boxConversions(db: SqlRunner, context: FlowContext, scope: Scope): Promise<Array<{ box: string; goal: string; chats: number }>> {
    const converted = conversionRows(context, scope);
    const separator = charSql(db, SET_SEPARATOR_CODE);
    const counts = await countPairsOfSets(db, {
        sql: `WITH converted AS (${converted.sql}),
              chat_goal_set AS (SELECT converted.chat AS chat, string_agg(converted.goal, ${separator}) AS goals FROM converted GROUP BY converted.chat)
              SELECT s.text AS a_set, x.goals AS b_set, x.chats AS chats
              FROM (SELECT v.boxes AS id, cg.goals AS goals, COUNT(*) AS chats FROM chat_goal_set cg JOIN chat_visits v ON v.chat = cg.chat GROUP BY v.boxes, cg.goals) x
              JOIN signatures s ON s.id = x.id`,
        params: converted.params
    }, boxes => signatureParts(boxes).map(([box]) => box));
    return [...counts].flatMap(([box, goals]) => [...goals].map(([goal, chats]) => ({ box, goal, chats })));
}
