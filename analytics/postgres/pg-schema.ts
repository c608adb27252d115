import { boxLeavesSelect, chatPathsSelect, chatVisitsRefresh, PATH_SEPARATOR_CODE, signaturesTable } from '../visit-facts.js';

/**
 * The analytics schema on PostgreSQL, as ordered migrations: the same tables and columns as the
 * SQLite store's (sqlite/schema.ts), so the metric SQL in ../metrics runs unchanged on both.
 * `chatflow_schema` records which migrations ran; `store_meta` marks the database as a Chatflow
 * store and counts committed writes (the query memo's generation). Never edit a released
 * migration: append one.
 *
 * Epoch milliseconds are BIGINT; flags are SMALLINT 0/1, as in SQLite.
 */
export const PG_MIGRATIONS: readonly string[] = [
    `
    CREATE TABLE store_meta (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        application TEXT NOT NULL,
        generation BIGINT NOT NULL
    );
    INSERT INTO store_meta (id, application, generation) VALUES (1, 'chatflow-studio', 0);

    CREATE TABLE streams (
        id SERIAL PRIMARY KEY,
        flow TEXT NOT NULL,
        version TEXT NOT NULL,
        UNIQUE (flow, version)
    );

    CREATE TABLE events (
        id BIGSERIAL PRIMARY KEY,         -- insertion order: file order, then import order
        chat TEXT NOT NULL,
        ts BIGINT NOT NULL,               -- epoch ms, UTC
        type TEXT NOT NULL,               -- enter | answer | goal | end
        box TEXT NOT NULL,
        goal TEXT NOT NULL,
        ordinal INTEGER NOT NULL,
        text TEXT,
        matched SMALLINT NOT NULL,
        stream INTEGER NOT NULL REFERENCES streams (id)
    );
    -- The event's identity: a re-import, or the same file from two machines at once, adds nothing.
    CREATE UNIQUE INDEX events_identity ON events (chat, ts, type, box, goal, ordinal);
    CREATE INDEX events_unmatched ON events (stream, box) WHERE matched = 0;

    CREATE TABLE chat_facts (
        chat TEXT NOT NULL PRIMARY KEY,
        flow TEXT NOT NULL,
        version TEXT NOT NULL,
        first_ts BIGINT NOT NULL,
        last_ts BIGINT NOT NULL,
        last_box TEXT NOT NULL,
        last_enter_ts BIGINT
    );
    CREATE INDEX chat_facts_last_ts ON chat_facts (last_ts);
    CREATE INDEX chat_facts_first_ts ON chat_facts (first_ts, version);

    CREATE TABLE transitions (
        to_box TEXT NOT NULL,
        chat TEXT NOT NULL,
        from_box TEXT NOT NULL,
        version TEXT NOT NULL,
        chat_start BIGINT NOT NULL,
        times INTEGER NOT NULL,
        first_ts BIGINT NOT NULL,
        PRIMARY KEY (to_box, chat, from_box)
    );
    CREATE INDEX transitions_chat ON transitions (chat, to_box, from_box);

    CREATE TABLE chat_goals (
        goal TEXT NOT NULL,
        chat TEXT NOT NULL,
        version TEXT NOT NULL,
        chat_start BIGINT NOT NULL,
        first_ts BIGINT NOT NULL,
        PRIMARY KEY (goal, chat)
    );
    CREATE INDEX chat_goals_chat ON chat_goals (chat);

    CREATE TABLE imports (
        id BIGSERIAL PRIMARY KEY,
        file TEXT NOT NULL,
        finished_at BIGINT NOT NULL,
        imported INTEGER NOT NULL,
        duplicates INTEGER NOT NULL,
        malformed INTEGER NOT NULL
    );

    CREATE TABLE export_audit (
        id BIGSERIAL PRIMARY KEY,
        at BIGINT NOT NULL,
        platform TEXT NOT NULL,
        goals TEXT NOT NULL,
        events INTEGER NOT NULL,
        mode TEXT NOT NULL,
        destination TEXT NOT NULL,
        status TEXT NOT NULL,
        detail TEXT NOT NULL DEFAULT ''
    );

    CREATE TABLE privacy_log (
        id BIGSERIAL PRIMARY KEY,
        at BIGINT NOT NULL,
        action TEXT NOT NULL,
        policy TEXT NOT NULL,
        salt_id TEXT NOT NULL DEFAULT '',
        file TEXT NOT NULL DEFAULT '',
        texts INTEGER NOT NULL DEFAULT 0
    );
    `,
    // concluded experiments: a split promoted to one arm, with the numbers it was decided on
    `
    CREATE TABLE concluded_experiments (
        id BIGSERIAL PRIMARY KEY,
        at BIGINT NOT NULL,
        flow TEXT NOT NULL,
        split TEXT NOT NULL,
        measure TEXT NOT NULL DEFAULT '',
        winner TEXT NOT NULL,
        result TEXT NOT NULL
    );
    `,
    // platform logs (as SQLite's migration 5): step key, channel and entry source, nullable and outside the identity.
    `
    ALTER TABLE events ADD COLUMN step TEXT;
    ALTER TABLE events ADD COLUMN channel TEXT;
    ALTER TABLE events ADD COLUMN source TEXT;
    CREATE INDEX events_unmatched_step ON events (stream, step) WHERE matched = 0 AND step IS NOT NULL;
    `,
    // segments (as SQLite's migration 6): a chat's channel and entry source, from the first of its events that names one
    `
    ALTER TABLE chat_facts ADD COLUMN channel TEXT;
    ALTER TABLE chat_facts ADD COLUMN source TEXT;
    UPDATE chat_facts SET
        channel = (SELECT e.channel FROM events e WHERE e.chat = chat_facts.chat AND e.channel IS NOT NULL ORDER BY e.ts, e.id LIMIT 1),
        source = (SELECT e.source FROM events e WHERE e.chat = chat_facts.chat AND e.source IS NOT NULL ORDER BY e.ts, e.id LIMIT 1);
    `,
    // per-visit and per-chat facts (as SQLite's migration 7, ../visit-facts.ts), filled from the stored events; re-runnable
    `
    CREATE TABLE IF NOT EXISTS box_leaves (
        box TEXT NOT NULL,
        ms BIGINT NOT NULL,
        chat TEXT NOT NULL,
        entry BIGINT NOT NULL,
        version TEXT NOT NULL,
        chat_start BIGINT NOT NULL,
        PRIMARY KEY (box, ms, chat, entry)
    );
    CREATE INDEX IF NOT EXISTS box_leaves_chat ON box_leaves (chat);
    CREATE TABLE IF NOT EXISTS chat_paths (
        chat TEXT NOT NULL PRIMARY KEY,
        path TEXT NOT NULL
    );
    ${signaturesTable('postgres')}
    CREATE TABLE IF NOT EXISTS chat_visits (
        chat TEXT NOT NULL PRIMARY KEY,
        version TEXT NOT NULL,
        chat_start BIGINT NOT NULL,
        boxes INTEGER NOT NULL,
        edges INTEGER NOT NULL
    );
    CREATE INDEX IF NOT EXISTS events_retries ON events (box, chat) WHERE type = 'retry' AND matched = 1;
    DELETE FROM box_leaves;
    DELETE FROM chat_paths;
    DELETE FROM chat_visits;
    ${chatVisitsRefresh('postgres')};
    ANALYZE chat_visits;
    INSERT INTO box_leaves (box, ms, chat, entry, version, chat_start) ${boxLeavesSelect('events e')};
    INSERT INTO chat_paths (chat, path) ${chatPathsSelect('events e', `chr(${PATH_SEPARATOR_CODE})`)};
    ANALYZE box_leaves;
    ANALYZE chat_paths;
    `
];

export const PG_SCHEMA_VERSION = PG_MIGRATIONS.length;

/** The table that says which migrations ran (created by the first migration run, by the owner). */
export const CREATE_SCHEMA_TABLE = `
    CREATE TABLE IF NOT EXISTS chatflow_schema (
        version INTEGER PRIMARY KEY,
        applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
    )`;
