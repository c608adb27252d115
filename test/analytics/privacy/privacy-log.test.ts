import * as assert from 'node:assert';
import * as fs from 'node:fs';
import sqlite3 from 'sqlite3';
import { reapplyPrivacy } from '../../../analytics/reapply-privacy.js';
import { importInto, openStore } from '../helpers.js';
import { intakeSuite, privacyStatusOf, writePhiLogs } from './phi-logs.js';

function raw(db: string): Promise<sqlite3.Database> {
    return new Promise((resolve, reject) => { const d = new sqlite3.Database(db, e => (e ? reject(e) : resolve(d))); });
}
function exec(db: sqlite3.Database, sql: string): Promise<void> {
    return new Promise((resolve, reject) => db.exec(sql, e => (e ? reject(e) : resolve())));
}
function close(db: sqlite3.Database): Promise<void> {
    return new Promise((resolve, reject) => db.close(e => (e ? reject(e) : resolve())));
}

/** Back to the schema before the privacy log, what a database of the previous release looks like; then opened again (migrated). */
async function openAsPreviousRelease(db: string) {
    const older = await raw(db);
    // The later migrations' additions go too: they run again on opening.
    await exec(older, `DROP TABLE privacy_log; DROP INDEX events_unmatched_step;
        ALTER TABLE events DROP COLUMN step; ALTER TABLE events DROP COLUMN channel; ALTER TABLE events DROP COLUMN source;
        ALTER TABLE chat_facts DROP COLUMN channel; ALTER TABLE chat_facts DROP COLUMN source;
        PRAGMA user_version = 2;`);
    await close(older);
    return openStore(db);
}

describe('the privacy log of a database', function () {
    this.timeout(60_000);
    const suite = intakeSuite();

    it('flags a database imported before policies existed as holding kept text, until it is re-redacted', async () => {
        const logs = writePhiLogs(suite.temp.folder, 4);
        let store = await openStore(suite.temp.db);
        await importInto(store, [logs.files.jsonl], suite.context, { privacy: { policy: 'keep' } });
        await store.close();
        store = await openAsPreviousRelease(suite.temp.db);
        assert.deepStrictEqual(await store.privacyStatus(), { keptText: true, keptImports: 1, lastPolicy: undefined });
        await store.close();
        await reapplyPrivacy(suite.temp.db, { privacy: { policy: 'hash', salt: Buffer.alloc(32, 9) } });
        assert.deepStrictEqual(await privacyStatusOf(suite.temp.db), { keptText: false, keptImports: 0, lastPolicy: 'hash' });
    });

    it('an empty database of the previous release holds no kept text', async () => {
        await (await openStore(suite.temp.db)).close();
        const store = await openAsPreviousRelease(suite.temp.db);
        assert.deepStrictEqual(await store.privacyStatus(), { keptText: false, keptImports: 0, lastPolicy: undefined });
        await store.close();
    });

    it('says so when another program still reads the database and the old text may remain in the -wal', async () => {
        const logs = writePhiLogs(suite.temp.folder, 4);
        const store = await openStore(suite.temp.db);
        await importInto(store, [logs.files.csv], suite.context, { privacy: { policy: 'keep' } });
        await store.close();
        const reader = await raw(suite.temp.db);
        // An open read transaction pins the old snapshot, as a report running meanwhile would.
        await exec(reader, 'PRAGMA busy_timeout = 0; BEGIN; SELECT COUNT(*) FROM events;');
        try {
            await assert.rejects(reapplyPrivacy(suite.temp.db, { privacy: { policy: 'redact' }, context: suite.context, displayName: 'analytics.db' }),
                /analytics\.db: the texts were rewritten, but another program .* still reads the database, so old copies may remain in analytics\.db-wal\. Close it and run the redaction again/);
        } finally {
            await exec(reader, 'COMMIT;');
            await close(reader);
        }
        // Run again with the reader gone: the -wal is emptied and the kept names are gone from the bytes.
        await reapplyPrivacy(suite.temp.db, { privacy: { policy: 'redact' }, context: suite.context });
        assert.strictEqual(fs.existsSync(`${suite.temp.db}-wal`) ? fs.statSync(`${suite.temp.db}-wal`).size : 0, 0);
        const bytes = fs.readFileSync(suite.temp.db);
        const names = logs.patients.filter(p => p.chat.startsWith('sms-')).map(p => p.name);
        assert.deepStrictEqual(names.filter(n => bytes.includes(Buffer.from(n))), []);
    });
});
