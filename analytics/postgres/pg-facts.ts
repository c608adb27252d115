import { boxLeavesSelect, chatPathsSelect, chatVisitsRefresh, DERIVED_TABLES, PATH_SEPARATOR_CODE } from '../visit-facts.js';

/**
 * Recomputes the derived tables for the chats in the temp table `touched`, from all of each chat's
 * events, inside the import batch's transaction: the same facts as the SQLite store's
 * (sqlite/derived-facts.ts). The touched chats' events are read from `events` once, into a session
 * table, and every fact is computed from that copy (reading them by index three times cost more
 * than the facts themselves).
 */
export const REFRESH_TOUCHED_PG = `
${DERIVED_TABLES.map(table => `DELETE FROM ${table} WHERE chat IN (SELECT chat FROM touched);`).join('\n')}

INSERT INTO touched_events (chat, ts, id, type, box, goal, stream, channel, source, matched)
SELECT e.chat, e.ts, e.id, e.type, e.box, e.goal, e.stream, e.channel, e.source, e.matched FROM events e WHERE e.chat IN (SELECT chat FROM touched);

INSERT INTO chat_facts (chat, flow, version, first_ts, last_ts, last_box, last_enter_ts, channel, source)
SELECT f.chat, s.flow, s.version, f.first_ts, f.last_ts, COALESCE(f.last_box, ''), f.last_enter_ts, f.channel, f.source
FROM (
    SELECT e.chat,
           (array_agg(e.stream ORDER BY e.ts, e.id))[1] AS stream,
           MIN(e.ts) AS first_ts,
           MAX(e.ts) AS last_ts,
           (array_agg(e.box ORDER BY e.ts DESC, e.id DESC) FILTER (WHERE e.type = 'enter'))[1] AS last_box,
           MAX(e.ts) FILTER (WHERE e.type = 'enter') AS last_enter_ts,
           (array_agg(e.channel ORDER BY e.ts, e.id) FILTER (WHERE e.channel IS NOT NULL))[1] AS channel,
           (array_agg(e.source ORDER BY e.ts, e.id) FILTER (WHERE e.source IS NOT NULL))[1] AS source
    FROM touched_events e GROUP BY e.chat
) f
JOIN streams s ON s.id = f.stream;

INSERT INTO transitions (to_box, chat, from_box, version, chat_start, times, first_ts)
SELECT steps.to_box, steps.chat, steps.from_box, f.version, f.first_ts, COUNT(*), MIN(steps.ts)
FROM (
    SELECT e.chat, e.ts, e.box AS to_box, COALESCE(LAG(e.box) OVER (PARTITION BY e.chat ORDER BY e.ts, e.id), '') AS from_box
    FROM touched_events e WHERE e.type = 'enter'
) steps
JOIN chat_facts f ON f.chat = steps.chat
GROUP BY steps.to_box, steps.chat, steps.from_box, f.version, f.first_ts;

INSERT INTO chat_goals (goal, chat, version, chat_start, first_ts)
SELECT e.goal, e.chat, f.version, f.first_ts, MIN(e.ts)
FROM touched_events e JOIN chat_facts f ON f.chat = e.chat
WHERE e.type = 'goal' AND e.goal <> ''
GROUP BY e.goal, e.chat, f.version, f.first_ts;

INSERT INTO box_leaves (box, ms, chat, entry, version, chat_start) ${boxLeavesSelect('touched_events e')};

INSERT INTO chat_paths (chat, path) ${chatPathsSelect('touched_events e', `chr(${PATH_SEPARATOR_CODE})`)};

${chatVisitsRefresh('postgres', 'AND t.chat IN (SELECT chat FROM touched)')};

UPDATE store_meta SET generation = generation + 1;
`;

/** Session tables of an importing connection: the batch as COPY loads it, the chats it touched, and their events. */
export const CREATE_IMPORT_TABLES_PG = `
CREATE TEMP TABLE IF NOT EXISTS staging (
    seq INTEGER NOT NULL, chat TEXT NOT NULL, ts BIGINT NOT NULL, type TEXT NOT NULL, box TEXT NOT NULL,
    goal TEXT NOT NULL, text TEXT, ordinal INTEGER NOT NULL, matched SMALLINT NOT NULL, stream INTEGER NOT NULL,
    step TEXT, channel TEXT, source TEXT
) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE IF NOT EXISTS touched (chat TEXT PRIMARY KEY) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE IF NOT EXISTS touched_events (
    chat TEXT NOT NULL, ts BIGINT NOT NULL, id BIGINT NOT NULL, type TEXT NOT NULL, box TEXT NOT NULL, goal TEXT NOT NULL, stream INTEGER NOT NULL,
    channel TEXT, source TEXT, matched SMALLINT NOT NULL
) ON COMMIT DELETE ROWS;
`;
