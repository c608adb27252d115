import type { FlowContext } from '../flow-context.js';
import type { CompletePath } from '../model.js';
import { conversionRows } from './conversions.js';
import { flowChatsWhere } from './outcomes.js';
import type { Scope } from './scope.js';
import { charSql, type SqlQuery, type SqlRunner } from './sql.js';
import { SET_SEPARATOR_CODE } from './chat-sets.js';
import { PATH_SEPARATOR } from '../visit-facts.js';

/**
 * A complete path: the boxes a chat entered (matched boxes, in order of time then file order; a
 * box entered twice in a row counted once), as kept at import in chat_paths (../visit-facts.ts),
 * for the chats that started in the context's flows and are no longer in progress (their last
 * event is more than the timeout older than the newest stored). Rows (path, chat, count = 1),
 * path = the box ids joined by PATH_SEPARATOR.
 */
export function pathRows(context: FlowContext, scope: Scope): SqlQuery {
    const chats = flowChatsWhere(context, scope);
    return {
        sql: `SELECT p.path AS path, p.chat AS chat, 1 AS count
              FROM chat_facts f JOIN chat_paths p ON p.chat = f.chat
              WHERE ${chats.sql} AND f.last_ts < (SELECT MAX(newest.last_ts) FROM chat_facts newest) - ?`,
        params: [...chats.params, scope.timeoutMs]
    };
}

/** The chats of one path, or those of them that converted on any of the context's goals. Rows (chat, count = 1). */
export function onePathRows(context: FlowContext, scope: Scope, boxes: readonly string[], converted: boolean): SqlQuery {
    const paths = pathRows(context, scope);
    const conversions = conversionRows(context, scope);
    const only = converted ? ` AND EXISTS (SELECT 1 FROM (${conversions.sql}) c WHERE c.chat = p.chat)` : '';
    return {
        sql: `SELECT p.chat AS chat, 1 AS count FROM (${paths.sql}) p WHERE p.path = ?${only}`,
        params: [...paths.params, boxes.join(PATH_SEPARATOR), ...(converted ? conversions.params : [])]
    };
}

/** The `top` complete paths most chats took (then shorter, then by their boxes), with their conversions. */
export async function completePaths(db: SqlRunner, context: FlowContext, scope: Scope, top: number): Promise<CompletePath[]> {
    const paths = pathRows(context, scope);
    const conversions = conversionRows(context, scope);
    // One pass: per path and set of goals its chats converted on (NULL: none), the chats.
    const rows = await db.all<{ path: string; goals: string | null; chats: number }>(
        `WITH p AS (${paths.sql}), c AS (${conversions.sql}),
         cg AS (SELECT c.chat AS chat, string_agg(c.goal, ${charSql(db, SET_SEPARATOR_CODE)}) AS goals FROM c GROUP BY c.chat)
         SELECT p.path AS path, cg.goals AS goals, COUNT(*) AS chats FROM p LEFT JOIN cg ON cg.chat = p.chat GROUP BY p.path, cg.goals`,
        [...paths.params, ...conversions.params]);
    const goals = [...context.goalBoxes().keys()].sort();
    const result = new Map<string, CompletePath>();
    for (const row of rows) {
        let path = result.get(row.path);
        if (!path) {
            path = { boxes: row.path.split(PATH_SEPARATOR), chats: 0, converted: 0, rate: 0, conversions: Object.fromEntries(goals.map(goal => [goal, 0])) };
            result.set(row.path, path);
        }
        const chats = Number(row.chats);
        path.chats += chats;
        if (row.goals === null) continue;
        path.converted += chats;
        for (const goal of new Set(row.goals.split('\u001f'))) path.conversions[goal] = (path.conversions[goal] ?? 0) + chats;
    }
    for (const path of result.values()) path.rate = path.chats === 0 ? 0 : path.converted / path.chats;
    return [...result.values()]
        .sort((a, b) => b.chats - a.chats || a.boxes.length - b.boxes.length || byCodeUnits(a.boxes.join(PATH_SEPARATOR), b.boxes.join(PATH_SEPARATOR)))
        .slice(0, Math.max(0, top));
}

function byCodeUnits(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}
