/**
 * Recomputes the derived tables for the chats in the temp table `touched`, from all of each chat's
 * events, inside the import batch's transaction: the same facts as the SQLite store's
 * (sqlite/derived-facts.ts), in PostgreSQL's SQL (LATERAL joins instead of correlated LIMIT 1s).
 */
export const REFRESH_TOUCHED_PG = `
DELETE FROM chat_facts WHERE chat IN (SELECT chat FROM touched);
DELETE FROM transitions WHERE chat IN (SELECT chat FROM touched);
DELETE FROM chat_goals WHERE chat IN (SELECT chat FROM touched);

INSERT INTO chat_facts (chat, flow, version, first_ts, last_ts, last_box, last_enter_ts)
SELECT t.chat, s.flow, s.version, span.first_ts, span.last_ts, COALESCE(last_enter.box, ''), span.last_enter_ts
FROM touched t
JOIN LATERAL (SELECT e.stream FROM events e WHERE e.chat = t.chat ORDER BY e.ts, e.id LIMIT 1) first_event ON TRUE
JOIN LATERAL (
    SELECT MIN(e.ts) AS first_ts, MAX(e.ts) AS last_ts, MAX(e.ts) FILTER (WHERE e.type = 'enter') AS last_enter_ts
    FROM events e WHERE e.chat = t.chat
) span ON TRUE
LEFT JOIN LATERAL (
    SELECT e.box FROM events e WHERE e.chat = t.chat AND e.type = 'enter' ORDER BY e.ts DESC, e.id DESC LIMIT 1
) last_enter ON TRUE
JOIN streams s ON s.id = first_event.stream;

INSERT INTO transitions (to_box, chat, from_box, version, chat_start, times, first_ts)
SELECT steps.to_box, steps.chat, steps.from_box, f.version, f.first_ts, COUNT(*), MIN(steps.ts)
FROM (
    SELECT e.chat, e.ts, e.box AS to_box, COALESCE(LAG(e.box) OVER (PARTITION BY e.chat ORDER BY e.ts, e.id), '') AS from_box
    FROM events e WHERE e.type = 'enter' AND e.chat IN (SELECT chat FROM touched)
) steps
JOIN chat_facts f ON f.chat = steps.chat
GROUP BY steps.to_box, steps.chat, steps.from_box, f.version, f.first_ts;

INSERT INTO chat_goals (goal, chat, version, chat_start, first_ts)
SELECT e.goal, e.chat, f.version, f.first_ts, MIN(e.ts)
FROM events e JOIN chat_facts f ON f.chat = e.chat
WHERE e.type = 'goal' AND e.goal <> '' AND e.chat IN (SELECT chat FROM touched)
GROUP BY e.goal, e.chat, f.version, f.first_ts;

UPDATE store_meta SET generation = generation + 1;
`;

/** Session tables of an importing connection: the batch as COPY loads it, and the chats it touched. */
export const CREATE_IMPORT_TABLES_PG = `
CREATE TEMP TABLE IF NOT EXISTS staging (
    seq INTEGER NOT NULL, chat TEXT NOT NULL, ts BIGINT NOT NULL, type TEXT NOT NULL, box TEXT NOT NULL,
    goal TEXT NOT NULL, text TEXT, ordinal INTEGER NOT NULL, matched SMALLINT NOT NULL, stream INTEGER NOT NULL
) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE IF NOT EXISTS touched (chat TEXT PRIMARY KEY) ON COMMIT DELETE ROWS;
`;
