import { chatsInScope, type Scope } from './scope.js';
import { valuesTable, type SqlRunner } from './sql.js';

/** Consecutive entries `from` then `to` in a chat, as the transitions table holds them. */
export interface BoxPair { from: string; to: string }

/**
 * Of the chats that entered any of `boxes` (a flow's own boxes), how many took at least one of
 * `pairs` (e.g. the transitions no test takes): the "N% of chats take a transition no test takes"
 * of `chatflow test --coverage --db`. Read from the transitions table, one row per (chat, edge).
 */
export async function chatsTakingPairs(db: SqlRunner, scope: Scope, boxes: readonly string[], pairs: readonly BoxPair[]): Promise<{ chats: number; taking: number }> {
    const own = valuesTable('own_box', ['box'], boxes.map(b => [b]));
    const wanted = valuesTable('wanted', ['from_box', 'to_box'], pairs.map(p => [p.from, p.to]));
    const inScope = chatsInScope(scope, 't');
    const row = await db.all<{ chats: number; taking: number }>(
        `WITH ${own.sql}, ${wanted.sql}
         SELECT (SELECT COUNT(DISTINCT t.chat) FROM transitions t JOIN own_box o ON o.box = t.to_box WHERE ${inScope.sql}) AS chats,
                (SELECT COUNT(DISTINCT t.chat) FROM transitions t JOIN wanted w ON w.from_box = t.from_box AND w.to_box = t.to_box WHERE ${inScope.sql}) AS taking`,
        [...own.params, ...wanted.params, ...inScope.params, ...inScope.params]);
    // PostgreSQL returns COUNT as a bigint, which its driver reads as a string.
    return { chats: Number(row[0]?.chats ?? 0), taking: Number(row[0]?.taking ?? 0) };
}
