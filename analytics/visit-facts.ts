/**
 * Derived tables both engines keep beside chat_facts and transitions (sqlite/schema.ts
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

/**
 * chat_visits: a chat's boxes and edges as two signatures, from its rows in `transitions` (so the
 * same boxes, matched or not, and the same counts): `boxes` = each box entered with its entries
 * (box, unit separator, entries), `edges` = each edge taken with its traversals (from, unit
 * separator, to, unit separator, traversals; '' for none), the parts joined by the record
 * separator in key order. Few chats differ (530 signatures for 63,607 chats of the bench's 1M
 * events), so each signature is stored once in `signatures` and chat_visits holds its id, with
 * the chat's version and start: visits, edges, repeats and the conversions per box group small
 * integer rows by signature and expand the few signatures found.
 * `where` narrows `transitions t` (an `AND ...`). A script: the signatures into a session table,
 * the new ones into `signatures`, then the chats' rows.
 */
export function chatVisitsRefresh(dialect: 'sqlite' | 'postgres', where = ''): string {
    const char = (code: number) => (dialect === 'postgres' ? `chr(${code})` : `char(${code})`);
    // PostgreSQL's unique index is on md5(text): a B-tree entry holds at most ~2.7 kB, a signature may be longer.
    const key = (column: string) => (dialect === 'postgres' ? `md5(${column})` : column);
    const unit = char(SIGNATURE_UNIT_CODE);
    const record = char(PATH_SEPARATOR_CODE);
    const signature = `SELECT b.chat AS chat, b.boxes AS boxes, COALESCE(e.edges, '') AS edges
        FROM (
            SELECT v.chat AS chat, string_agg(v.to_box || ${unit} || CAST(v.times AS TEXT), ${record} ORDER BY v.to_box) AS boxes
            FROM (SELECT t.chat AS chat, t.to_box AS to_box, SUM(t.times) AS times FROM transitions t WHERE 1 = 1 ${where} GROUP BY t.chat, t.to_box) v
            GROUP BY v.chat
        ) b
        LEFT JOIN (
            SELECT t.chat AS chat, string_agg(t.from_box || ${unit} || t.to_box || ${unit} || CAST(t.times AS TEXT), ${record} ORDER BY t.from_box, t.to_box) AS edges
            FROM transitions t WHERE t.from_box <> '' ${where}
            GROUP BY t.chat
        ) e ON e.chat = b.chat`;
    // Computed once into a session table, then read twice: the new signatures, and the chats' rows.
    return `CREATE TEMP TABLE IF NOT EXISTS touched_visits (chat TEXT NOT NULL, boxes TEXT NOT NULL, edges TEXT NOT NULL);
        DELETE FROM touched_visits;
        INSERT INTO touched_visits (chat, boxes, edges) ${signature};
        INSERT INTO signatures (text) SELECT s.text FROM (SELECT tv.boxes AS text FROM touched_visits tv UNION SELECT tv.edges FROM touched_visits tv) s
        WHERE NOT EXISTS (SELECT 1 FROM signatures known WHERE ${key('known.text')} = ${key('s.text')});
        INSERT INTO chat_visits (chat, version, chat_start, boxes, edges)
        SELECT tv.chat, f.version, f.first_ts, b.id, e.id
        FROM touched_visits tv JOIN chat_facts f ON f.chat = tv.chat
        JOIN signatures b ON ${key('b.text')} = ${key('tv.boxes')} JOIN signatures e ON ${key('e.text')} = ${key('tv.edges')};
        DELETE FROM touched_visits`;
}

/** The signatures table (see chatVisitsRefresh), per engine. */
export function signaturesTable(dialect: 'sqlite' | 'postgres'): string {
    return dialect === 'postgres'
        ? `CREATE TABLE IF NOT EXISTS signatures (id SERIAL PRIMARY KEY, text TEXT NOT NULL);
           CREATE UNIQUE INDEX IF NOT EXISTS signatures_text ON signatures (md5(text));`
        : `CREATE TABLE IF NOT EXISTS signatures (id INTEGER PRIMARY KEY, text TEXT NOT NULL UNIQUE);`;
}

/** The parts of a chat_visits signature: [box, entries] or [from, to, traversals] each. */
export function signatureParts(signature: string): string[][] {
    return signature === '' ? [] : signature.split(PATH_SEPARATOR).map(part => part.split(SIGNATURE_UNIT));
}

export const SIGNATURE_UNIT = '\u001f';
export const SIGNATURE_UNIT_CODE = 31;

/** Joins a path's boxes (the ASCII record separator: no box id holds it). */
export const PATH_SEPARATOR = '\u001e';
export const PATH_SEPARATOR_CODE = 30;

/** Every table derived from a chat's events, keyed by chat: what a chat's refresh deletes and a chat's rename renames. */
export const DERIVED_TABLES = ['chat_facts', 'transitions', 'chat_goals', 'box_leaves', 'chat_paths', 'chat_visits'] as const;
