import type { SqlQuery, SqlRunner } from './sql.js';

/** Separates the members of a set built by string_agg (the ASCII unit separator: no box or goal name holds it). */
export const SET_SEPARATOR_CODE = 31;

/**
 * Counts chats per (a, b) pair when each chat carries a set of `a`s and a set of `b`s, e.g.
 * (box entered, goal converted on). The query returns one row per distinct pair of sets
 * (`a_set`, `b_set`: members joined by the SET_SEPARATOR_CODE character) with how many chats have them; the
 * many chats that took the same path collapse into one row in SQLite, and the few rows left
 * expand here (`aMembers` splits an `a_set` another way). Much cheaper than grouping every (chat, a, b) row: sorting those is what cost.
 */
export async function countPairsOfSets(db: SqlRunner, query: SqlQuery, aMembers = (set: string) => set.split('\u001f')): Promise<Map<string, Map<string, number>>> {
    const rows = await db.all<{ a_set: string | null; b_set: string | null; chats: number }>(query.sql, query.params);
    const counts = new Map<string, Map<string, number>>();
    for (const row of rows) {
        if (row.a_set === null || row.b_set === null) continue;
        const bs = new Set(row.b_set.split('\u001f'));
        for (const a of new Set(aMembers(row.a_set))) {
            const forA = counts.get(a) ?? new Map<string, number>();
            for (const b of bs) forA.set(b, (forA.get(b) ?? 0) + row.chats);
            counts.set(a, forA);
        }
    }
    return counts;
}
