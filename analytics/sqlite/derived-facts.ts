import { boxLeavesSelect, chatPathsSelect, chatVisitsRefresh, DERIVED_TABLES, PATH_SEPARATOR_CODE } from '../visit-facts.js';
import type { SqliteConnection } from './connection.js';

/**
 * Recomputes the derived tables (schema.ts) for the chats listed in the temp table `touched`,
 * from all of each chat's events: a longer re-export, or a second file with more of the same
 * chats, gives the same facts as importing everything at once. Runs inside the batch's
 * transaction, so the facts are never out of step with the events.
 *
 * This is maintenance SQL of the SQLite store (LIMIT in correlated subqueries: per chat, an index
 * seek is ~8x cheaper than a window over all touched events); the metric SQL in ../metrics stays
 * standard.
 */
export async function refreshTouched(db: SqliteConnection): Promise<void> {
    await db.exec(REFRESH_TOUCHED);
}

export const CREATE_TOUCHED = 'CREATE TEMP TABLE IF NOT EXISTS touched (chat TEXT NOT NULL PRIMARY KEY)';

/** A chat's order is (ts, id): time, then file order. Its channel and source: the first of its events that names one. */
const CHAT_FACTS = `
INSERT INTO chat_facts (chat, flow, version, first_ts, last_ts, last_box, last_enter_ts, channel, source)
SELECT facts.chat, streams.flow, streams.version, facts.first_ts, facts.last_ts, COALESCE(facts.last_box, ''), facts.last_enter_ts, facts.channel, facts.source
FROM (
    SELECT touched.chat AS chat,
           (SELECT e.stream FROM events e WHERE e.chat = touched.chat ORDER BY e.ts, e.id LIMIT 1) AS stream,
           (SELECT MIN(e.ts) FROM events e WHERE e.chat = touched.chat) AS first_ts,
           (SELECT MAX(e.ts) FROM events e WHERE e.chat = touched.chat) AS last_ts,
           (SELECT e.box FROM events e WHERE e.chat = touched.chat AND e.type = 'enter' ORDER BY e.ts DESC, e.id DESC LIMIT 1) AS last_box,
           (SELECT MAX(e.ts) FROM events e WHERE e.chat = touched.chat AND e.type = 'enter') AS last_enter_ts,
           (SELECT e.channel FROM events e WHERE e.chat = touched.chat AND e.channel IS NOT NULL ORDER BY e.ts, e.id LIMIT 1) AS channel,
           (SELECT e.source FROM events e WHERE e.chat = touched.chat AND e.source IS NOT NULL ORDER BY e.ts, e.id LIMIT 1) AS source
    FROM touched
) facts
JOIN streams ON streams.id = facts.stream`;

/** Each enter paired with the one before it in the chat ('' for the first). */
const TRANSITIONS = `
INSERT INTO transitions (to_box, chat, from_box, version, chat_start, times, first_ts)
SELECT steps.to_box, steps.chat, steps.from_box, chat_facts.version, chat_facts.first_ts, COUNT(*), MIN(steps.ts)
FROM (
    SELECT chat, ts, box AS to_box, COALESCE(LAG(box) OVER (PARTITION BY chat ORDER BY ts, id), '') AS from_box
    FROM events WHERE type = 'enter' AND chat IN (SELECT chat FROM touched)
) steps
JOIN chat_facts ON chat_facts.chat = steps.chat
GROUP BY steps.to_box, steps.chat, steps.from_box, chat_facts.version, chat_facts.first_ts`;

const CHAT_GOALS = `
INSERT INTO chat_goals (goal, chat, version, chat_start, first_ts)
SELECT events.goal, events.chat, chat_facts.version, chat_facts.first_ts, MIN(events.ts)
FROM events JOIN chat_facts ON chat_facts.chat = events.chat
WHERE events.type = 'goal' AND events.goal <> '' AND events.chat IN (SELECT chat FROM touched)
GROUP BY events.goal, events.chat, chat_facts.version, chat_facts.first_ts`;

const BOX_LEAVES = `INSERT INTO box_leaves (box, ms, chat, entry, version, chat_start) ${boxLeavesSelect('events e', 'AND e.chat IN (SELECT chat FROM touched)')}`;

const CHAT_PATHS = `INSERT INTO chat_paths (chat, path) ${chatPathsSelect('events e', `char(${PATH_SEPARATOR_CODE})`, 'AND e.chat IN (SELECT chat FROM touched)')}`;

const CHAT_VISITS = chatVisitsRefresh('sqlite', 'AND t.chat IN (SELECT chat FROM touched)');

/**
 * One script, one call: each statement run separately costs a round trip through Node's event
 * loop, which waits while the importer parses the next chunk.
 */
export const REFRESH_TOUCHED = [
    ...DERIVED_TABLES.map(table => `DELETE FROM ${table} WHERE chat IN (SELECT chat FROM touched)`),
    CHAT_FACTS, TRANSITIONS, CHAT_GOALS, BOX_LEAVES, CHAT_PATHS, CHAT_VISITS
].join(';\n') + ';';
