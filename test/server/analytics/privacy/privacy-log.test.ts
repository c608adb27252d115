import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import sqlite3 from 'sqlite3';
import { FlowContext } from '../../../../server/analytics/flow-context.js';
import { reapplyPrivacy } from '../../../../server/analytics/sqlite/reapply-privacy.js';
import { graphsOf, importInto, openStore, ROOT, tempFolder } from '../helpers.js';
import { writePhiLogs } from './phi-logs.js';

const INTAKE = path.join(ROOT, 'test/fixtures/privacy/intake.chatflow');

function raw(db: string): Promise<sqlite3.Database> {
    return new Promise((resolve, reject) => { const d = new sqlite3.Database(db, e => (e ? reject(e) : resolve(d))); });
}
function exec(db: sqlite3.Database, sql: string): Promise<void> {
    return new Promise((resolve, reject) => db.exec(sql, e => (e ? reject(e) : resolve())));
}
function close(db: sqlite3.Database): Promise<void> {
    return new Promise((resolve, reject) => db.close(e => (e ? reject(e) : resolve())));
}

describe('the privacy log of a database', function () {
    this.timeout(60_000);
    let temp: ReturnType<typeof tempFolder>;
    let context: FlowContext;
    before(async () => { context = new FlowContext(await graphsOf(INTAKE)); });
    beforeEach(() => { temp = tempFolder(); });
    afterEach(() => temp.cleanup());

    it('flags a database imported before policies existed as holding kept text, until it is re-redacted', async () => {
        const logs = writePhiLogs(temp.folder, 4);
        let store = await openStore(temp.db);
        await importInto(store, [logs.files.jsonl], context, { privacy: { policy: 'keep' } });
        await store.close();
        // Back to the schema before the privacy log: what a database of the previous release looks like.
        const older = await raw(temp.db);
        await exec(older, 'DROP TABLE privacy_log; PRAGMA user_version = 2;');
        await close(older);

        store = await openStore(temp.db);
        assert.deepStrictEqual(await store.privacyStatus(), { keptText: true, keptImports: 1, lastPolicy: undefined });
        await store.close();
        await reapplyPrivacy(temp.db, { privacy: { policy: 'hash', salt: Buffer.alloc(32, 9) } });
        store = await openStore(temp.db);
        assert.deepStrictEqual(await store.privacyStatus(), { keptText: false, keptImports: 0, lastPolicy: 'hash' });
        await store.close();
    });

    it('an empty database of the previous release holds no kept text', async () => {
        let store = await openStore(temp.db);
        await store.close();
        const older = await raw(temp.db);
        await exec(older, 'DROP TABLE privacy_log; PRAGMA user_version = 2;');
        await close(older);
        store = await openStore(temp.db);
        assert.deepStrictEqual(await store.privacyStatus(), { keptText: false, keptImports: 0, lastPolicy: undefined });
        await store.close();
    });

    it('says so when another program still reads the database and the old text may remain in the -wal', async () => {
        const logs = writePhiLogs(temp.folder, 4);
        const store = await openStore(temp.db);
        await importInto(store, [logs.files.csv], context, { privacy: { policy: 'keep' } });
        await store.close();
        const reader = await raw(temp.db);
        // An open read transaction pins the old snapshot, as a report running meanwhile would.
        await exec(reader, 'PRAGMA busy_timeout = 0; BEGIN; SELECT COUNT(*) FROM events;');
        try {
            await assert.rejects(reapplyPrivacy(temp.db, { privacy: { policy: 'redact' }, context, displayName: 'analytics.db' }),
                /analytics\.db: the texts were rewritten, but another program .* still reads the database, so old copies may remain in analytics\.db-wal\. Close it and run the redaction again/);
        } finally {
            await exec(reader, 'COMMIT;');
            await close(reader);
        }
        // Run again with the reader gone: the -wal is emptied and the kept names are gone from the bytes.
        await reapplyPrivacy(temp.db, { privacy: { policy: 'redact' }, context });
        assert.strictEqual(fs.existsSync(`${temp.db}-wal`) ? fs.statSync(`${temp.db}-wal`).size : 0, 0);
        const bytes = fs.readFileSync(temp.db);
        const names = logs.patients.filter(p => p.chat.startsWith('sms-')).map(p => p.name);
        assert.deepStrictEqual(names.filter(n => bytes.includes(Buffer.from(n))), []);
    });
});
