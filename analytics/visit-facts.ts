/**
 * Two derived tables both engines keep beside chat_facts and transitions (sqlite/schema.ts
 * migration 7, postgres/pg-schema.ts migration 5), computed from a chat's events by the same SQL
 * at import (for the chats a batch touched), on re-mapping and when a migration fills them:
 *
 * - box_leaves: each matched entry that a later matched entry of the chat follows (ordered by
 *   time, then file order), with the time to that next entry: "time before leaving" a box.
 * - chat_paths: a chat's complete path, its matched boxes in order with a box entered twice in a
 *   row once, joined by the ASCII record separator (chats with no matched entry have no row).
 *
 * `events` is the events table or a copy of some chats' events (with the columns chat, ts, id,
 * type, box, matched) under the alias `e`; `where` narrows it further (an `AND ...`).
 */
export function boxLeavesSelect(events: string, where = ''): string {
    return `SELECT x.box, x.next_ts - x.ts, x.chat, x.id, f.version, f.first_ts
        FROM (
            SELECT e.chat AS chat, e.box AS box, e.ts AS ts, e.id AS id, LEAD(e.ts) OVER (PARTITION BY e.chat ORDER BY e.ts, e.id) AS next_ts
            FROM ${events} WHERE e.type = 'enter' AND e.matched = 1 ${where}
        ) x
        JOIN chat_facts f ON f.chat = x.chat
        WHERE x.next_ts IS NOT NULL`;
}

/** See boxLeavesSelect; `separator` is the SQL of the character with code PATH_SEPARATOR_CODE. */
export function chatPathsSelect(events: string, separator: string, where = ''): string {
    return `SELECT s.chat, string_agg(s.box, ${separator} ORDER BY s.ts, s.id)
        FROM (
            SELECT e.chat AS chat, e.box AS box, e.ts AS ts, e.id AS id, LAG(e.box) OVER (PARTITION BY e.chat ORDER BY e.ts, e.id) AS previous
            FROM ${events} WHERE e.type = 'enter' AND e.matched = 1 ${where}
        ) s
        WHERE s.previous IS NULL OR s.previous <> s.box
        GROUP BY s.chat`;
}

/** Joins a path's boxes (the ASCII record separator: no box id holds it). */
export const PATH_SEPARATOR = '\u001e';
export const PATH_SEPARATOR_CODE = 30;

/** Every table derived from a chat's events, keyed by chat: what a chat's refresh deletes and a chat's rename renames. */
export const DERIVED_TABLES = ['chat_facts', 'transitions', 'chat_goals', 'box_leaves', 'chat_paths'] as const;
