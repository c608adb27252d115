import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AnalyticsError } from '../../analytics/errors.js';
import { SqliteConnection } from '../../analytics/sqlite/connection.js';
import { APPLICATION_ID, SCHEMA_VERSION } from '../../analytics/sqlite/schema.js';
import { SqliteAnalyticsStore } from '../../analytics/sqlite/sqlite-store.js';
import { dentalContext, FIXTURES, importInto, tempFolder } from './helpers.js';

const failsWith = (kind: AnalyticsError['kind'], message: RegExp) => (error: unknown) =>
    error instanceof AnalyticsError && error.kind === kind && message.test(error.message);

describe('analytics database: schema, WAL and clear errors', () => {
    let temp: ReturnType<typeof tempFolder>;
    beforeEach(() => { temp = tempFolder(); });
    afterEach(() => temp.cleanup());

    it('creates the folder and a WAL database marked as Chatflow, at the latest schema version', async () => {
        const db = path.join(temp.folder, '.chatflow', 'analytics.db');
        const store = await SqliteAnalyticsStore.open(db, { mode: 'create' });
        await store.close();
        const raw = await SqliteConnection.open(db, 'existing');
        assert.deepStrictEqual(await raw.get('PRAGMA journal_mode'), { journal_mode: 'wal' });
        assert.deepStrictEqual(await raw.get('PRAGMA user_version'), { user_version: SCHEMA_VERSION });
        assert.deepStrictEqual(await raw.get('PRAGMA application_id'), { application_id: APPLICATION_ID });
        const indexes = (await raw.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%' ORDER BY name")).map(r => r.name);
        assert.deepStrictEqual(indexes, ['box_leaves_chat', 'chat_facts_first_ts', 'chat_facts_last_ts', 'chat_goals_chat', 'events_identity', 'events_retries', 'events_unmatched', 'events_unmatched_step', 'transitions_chat']);
        await raw.close();
    });

    it('says to run chatflow import when the database does not exist', async () => {
        await assert.rejects(SqliteAnalyticsStore.open(temp.db, { mode: 'existing', displayName: '.chatflow/analytics.db' }),
            failsWith('missing', /^no analytics database at \.chatflow\/analytics\.db\. Run 'chatflow import <log files> --flow <flows>' first/));
    });

    it('names a file that is not a database, and one of another program', async () => {
        fs.writeFileSync(temp.db, 'chat,ts\nc1,2026-11-02T09:00:00Z\n'.repeat(200));
        await assert.rejects(SqliteAnalyticsStore.open(temp.db, { mode: 'existing', displayName: 'notes.db' }),
            failsWith('not-chatflow', /^notes\.db is not a Chatflow analytics database \(not SQLite, or damaged\)\. Pass another --db/));
        const other = path.join(temp.folder, 'crm.db');
        const raw = await SqliteConnection.open(other, 'create');
        await raw.run('CREATE TABLE contacts (name TEXT)');
        await raw.close();
        await assert.rejects(SqliteAnalyticsStore.open(other, { mode: 'create', displayName: 'crm.db' }),
            failsWith('not-chatflow', /^crm\.db is an SQLite database of another program/));
    });

    it('refuses a database written by a newer schema instead of guessing', async () => {
        const store = await SqliteAnalyticsStore.open(temp.db, { mode: 'create' });
        await store.close();
        const raw = await SqliteConnection.open(temp.db, 'existing');
        await raw.run(`PRAGMA user_version = ${SCHEMA_VERSION + 1}`);
        await raw.close();
        await assert.rejects(SqliteAnalyticsStore.open(temp.db, { mode: 'existing', displayName: 'analytics.db' }),
            failsWith('newer-schema', /written by a newer Chatflow Studio.*Update Chatflow Studio/));
    });

    it('says the database is locked by another process when a write lock does not clear in time', async () => {
        const store = await SqliteAnalyticsStore.open(temp.db, { mode: 'create', busyTimeoutMs: 200, displayName: 'analytics.db' });
        const other = await SqliteConnection.open(temp.db, 'existing');
        await other.run('BEGIN IMMEDIATE');
        try {
            await assert.rejects(importInto(store, [path.join(FIXTURES, 'golden.jsonl')], await dentalContext()),
                failsWith('locked', /^the analytics database analytics\.db is locked by another process.*Wait for it to finish/));
        } finally {
            await other.run('ROLLBACK');
            await other.close();
        }
        // Readers are not blocked by a writer (WAL), and once the lock is gone the import works.
        assert.strictEqual((await importInto(store, [path.join(FIXTURES, 'golden.jsonl')], await dentalContext())).imported, 132);
        await store.close();
    });
});
