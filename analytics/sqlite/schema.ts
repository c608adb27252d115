/**
 * The analytics schema, as ordered migrations. `PRAGMA user_version` holds how many have run;
 * `PRAGMA application_id` marks the file as a Chatflow database. Never edit a released migration:
 * append a new one.
 *
 * `events` is the source of truth, one row per log event. The other tables are facts derived
 * from a chat's events (chat_facts: one row per chat; transitions: one per (chat, edge);
 * chat_goals: one per (chat, goal event)), recomputed for every chat a batch touches inside the batch's own
 * transaction (event-writer.ts), so the metric queries read one small row per chat, per
 * (chat, box) or per (chat, edge) instead of ordering a million events each time.
 */

import { boxLeavesSelect, chatPathsSelect, chatVisitsRefresh, PATH_SEPARATOR_CODE, signaturesTable } from '../visit-facts.js';

/** "CFLW" */
export const APPLICATION_ID = 0x43464c57;

export const MIGRATIONS: readonly string[] = [
    // 1: events, derived chat facts, imports
    `
    CREATE TABLE streams (
        id INTEGER PRIMARY KEY,
        flow TEXT NOT NULL,
        version TEXT NOT NULL,
        UNIQUE (flow, version)
    );

    CREATE TABLE events (
        id INTEGER PRIMARY KEY,           -- insertion order: file order, then import order
        chat TEXT NOT NULL,
        ts INTEGER NOT NULL,              -- epoch ms, UTC
        type TEXT NOT NULL,               -- enter | answer | goal | end
        box TEXT NOT NULL,                -- FlowGraph box id when matched, else the logged name; '' for none
        goal TEXT NOT NULL,               -- '' unless type = goal
        ordinal INTEGER NOT NULL,         -- nth identical (chat, ts, type, box, goal) in its file
        text TEXT,                        -- after privacy: sensitive answers are '[redacted]'
        matched INTEGER NOT NULL,         -- 1 when box is a box of the flows (or '')
        stream INTEGER NOT NULL REFERENCES streams (id)
    );
    -- The event's identity (a re-import adds nothing), and the per-chat order (chat, ts, id).
    CREATE UNIQUE INDEX events_identity ON events (chat, ts, type, box, goal, ordinal);
    CREATE INDEX events_unmatched ON events (stream, box) WHERE matched = 0;

    CREATE TABLE chat_facts (
        chat TEXT NOT NULL PRIMARY KEY,
        flow TEXT NOT NULL,               -- of the chat's first event
        version TEXT NOT NULL,            -- of the chat's first event
        first_ts INTEGER NOT NULL,
        last_ts INTEGER NOT NULL,         -- of any event
        last_box TEXT NOT NULL,           -- last entered box ('' if none)
        last_enter_ts INTEGER             -- when it was entered
    ) WITHOUT ROWID;
    CREATE INDEX chat_facts_last_ts ON chat_facts (last_ts);
    CREATE INDEX chat_facts_first_ts ON chat_facts (first_ts, version);

    -- Consecutive entries of a chat: (from_box, to_box) pairs, how often the chat took each and
    -- when first. from_box '' marks the chat's first entry, so this one table also gives the
    -- entries per (box, chat): visits read it in key order (to_box, chat) without sorting.
    CREATE TABLE transitions (
        to_box TEXT NOT NULL,
        chat TEXT NOT NULL,
        from_box TEXT NOT NULL,
        version TEXT NOT NULL,
        chat_start INTEGER NOT NULL,
        times INTEGER NOT NULL,
        first_ts INTEGER NOT NULL,
        PRIMARY KEY (to_box, chat, from_box)
    ) WITHOUT ROWID;
    CREATE INDEX transitions_chat ON transitions (chat);

    CREATE TABLE chat_goals (
        goal TEXT NOT NULL,
        chat TEXT NOT NULL,
        version TEXT NOT NULL,
        chat_start INTEGER NOT NULL,
        first_ts INTEGER NOT NULL,
        PRIMARY KEY (goal, chat)
    ) WITHOUT ROWID;
    CREATE INDEX chat_goals_chat ON chat_goals (chat);

    CREATE TABLE imports (
        id INTEGER PRIMARY KEY,
        file TEXT NOT NULL,
        finished_at INTEGER NOT NULL,
        imported INTEGER NOT NULL,
        duplicates INTEGER NOT NULL,
        malformed INTEGER NOT NULL
    );
    `,
    // export audit log: every `chatflow export` (dry run or sent), whether it succeeded or not
    `
    CREATE TABLE IF NOT EXISTS export_audit (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,              -- epoch ms, UTC
        platform TEXT NOT NULL,           -- ga4 | meta
        goals TEXT NOT NULL,              -- the goals exported, comma-separated
        events INTEGER NOT NULL,          -- events written (dry run) or accepted by the endpoint (send)
        mode TEXT NOT NULL,               -- dry-run | send
        destination TEXT NOT NULL,        -- the payload file, or the endpoint URL without its query (never the secret)
        status TEXT NOT NULL,             -- ok | failed
        detail TEXT NOT NULL DEFAULT ''   -- why it failed
    );
    `,
    // privacy log: the policy each import and re-redaction used (the Analytics panel warns while kept text is stored)
    `
    CREATE TABLE IF NOT EXISTS privacy_log (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,              -- epoch ms, UTC
        action TEXT NOT NULL,             -- import | redact (re-applied to the whole database)
        policy TEXT NOT NULL,             -- redact | hash | keep
        salt_id TEXT NOT NULL DEFAULT '', -- hash: a fingerprint of the salt (never the salt itself)
        file TEXT NOT NULL DEFAULT '',    -- import: the log file
        texts INTEGER NOT NULL DEFAULT 0  -- import: events stored; redact: texts changed
    );
    -- Events imported before policies existed kept free-text answers as typed: say so.
    INSERT INTO privacy_log (at, action, policy, file, texts)
        SELECT CAST(strftime('%s', 'now') AS INTEGER) * 1000, 'import', 'keep', '(imported before privacy policies)', COUNT(*)
        FROM events HAVING COUNT(*) > 0;
    `,
    // concluded experiments: a split promoted to one arm, with the numbers it was decided on
    `
    CREATE TABLE IF NOT EXISTS concluded_experiments (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,              -- epoch ms, UTC
        flow TEXT NOT NULL,
        split TEXT NOT NULL,              -- the split box id
        measure TEXT NOT NULL DEFAULT '',
        winner TEXT NOT NULL,             -- the arm promoted
        result TEXT NOT NULL              -- the experiment's numbers at the decision (JSON)
    );
    `,
    // platform logs: each event's step key on the platform (so a new alias re-maps it), its channel and entry source.
    // Nullable and outside the identity: events stored before keep their identity, and a re-import adds nothing.
    `
    ALTER TABLE events ADD COLUMN step TEXT;      -- the platform's step key (page, intent, block...); NULL for canonical logs
    ALTER TABLE events ADD COLUMN channel TEXT;   -- web, sms, whatsapp, msteams, directline...
    ALTER TABLE events ADD COLUMN source TEXT;    -- entry source (UTM), on the chat's first event
    CREATE INDEX events_unmatched_step ON events (stream, step) WHERE matched = 0 AND step IS NOT NULL;
    `,
    // segments: a chat's channel and entry source, each from the first of its events that names one
    `
    ALTER TABLE chat_facts ADD COLUMN channel TEXT;
    ALTER TABLE chat_facts ADD COLUMN source TEXT;
    UPDATE chat_facts SET
        channel = (SELECT e.channel FROM events e WHERE e.chat = chat_facts.chat AND e.channel IS NOT NULL ORDER BY e.ts, e.id LIMIT 1),
        source = (SELECT e.source FROM events e WHERE e.chat = chat_facts.chat AND e.source IS NOT NULL ORDER BY e.ts, e.id LIMIT 1);
    `,
    // 7: per-visit and per-chat facts for the problem boxes and the paths (derived-facts.ts), filled
    // from the stored events; re-runnable (a database whose version was set back migrates again).
    `
    -- Each matched entry that a later matched entry of the chat follows: the time before leaving
    -- the box (ms), kept in (box, ms) order so the median and p90 read it without sorting.
    CREATE TABLE IF NOT EXISTS box_leaves (
        box TEXT NOT NULL,
        ms INTEGER NOT NULL,
        chat TEXT NOT NULL,
        entry INTEGER NOT NULL,           -- the entry's event id
        version TEXT NOT NULL,
        chat_start INTEGER NOT NULL,
        PRIMARY KEY (box, ms, chat, entry)
    ) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS box_leaves_chat ON box_leaves (chat);
    -- A chat's complete path: its matched boxes in order, a box entered twice in a row once,
    -- joined by char(30); chats without a matched entry have no row.
    CREATE TABLE IF NOT EXISTS chat_paths (
        chat TEXT NOT NULL PRIMARY KEY,
        path TEXT NOT NULL
    ) WITHOUT ROWID;
    -- A chat's boxes with their entries and its edges with their traversals, as signatures.
    -- Each signature once (visit-facts.ts); chat_visits holds their ids, with the chat's version and start.
    ${signaturesTable('sqlite')}
    CREATE TABLE IF NOT EXISTS chat_visits (
        chat TEXT NOT NULL PRIMARY KEY,
        version TEXT NOT NULL,
        chat_start INTEGER NOT NULL,
        boxes INTEGER NOT NULL,           -- signatures.id
        edges INTEGER NOT NULL            -- signatures.id
    ) WITHOUT ROWID;
    -- Retry events are few: the problem list reads them without scanning the events.
    CREATE INDEX IF NOT EXISTS events_retries ON events (box, chat) WHERE type = 'retry' AND matched = 1;
    DELETE FROM box_leaves;
    DELETE FROM chat_paths;
    DELETE FROM chat_visits;
    ${chatVisitsRefresh('sqlite')};
    INSERT INTO box_leaves (box, ms, chat, entry, version, chat_start) ${boxLeavesSelect('events e')};
    INSERT INTO chat_paths (chat, path) ${chatPathsSelect('events e', `char(${PATH_SEPARATOR_CODE})`)};
    `
];

export const SCHEMA_VERSION = MIGRATIONS.length;
