import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SqliteConnection } from '../../analytics/sqlite/connection.js';
import { CREATE_TOUCHED, refreshTouched } from '../../analytics/sqlite/derived-facts.js';
import { dentalSuite, EXAMPLES, FIXTURES, importInto, openStore } from './helpers.js';

/**
 * The writer keeps the derived rows batch by batch, for the chats each batch touches; whatever
 * the batches, they must be the very rows SQL computes from all of the stored events at once.
 */
describe('derived chat facts: rows kept batch by batch equal the ones SQL computes from all the events', () => {
    const suite = dentalSuite();

    // The golden logs have events sharing a second, goal events and boxes the flow lacks; batches
    // of 7 cut most chats across batches. The clinic month has chats logged out of time order.
    for (const batchSize of [20_000, 7]) {
        it(`holds for the golden dental log imported in batches of ${batchSize}`, async () => {
            const db = await importedDatabase([path.join(FIXTURES, 'golden.jsonl'), path.join(FIXTURES, 'dental-events.jsonl')], batchSize);
            const asImported = await derivedRows(db);
            assert.ok(asImported.transitions.length > 50 && asImported.goals.length >= 3 && asImported.leaves.length > 50 && asImported.paths.length > 10, 'the logs exercise every table');
            assert.deepStrictEqual(asImported, await recomputedInSql(db));
        });
    }

    it('holds for the clinic sample logs of a month, imported in batches of 500', async function () {
        this.timeout(60_000);
        const db = await importedDatabase([path.join(EXAMPLES, 'logs', 'clinic-2026-11.jsonl')], 500);
        assert.deepStrictEqual(await derivedRows(db), await recomputedInSql(db));
    });

    it('stores the events in file order when a batch takes several INSERT statements', async function () {
        this.timeout(60_000);
        const log = path.join(EXAMPLES, 'logs', 'clinic-2026-11.jsonl');
        // 2,500 events a batch: two full statements of 1,000 rows and one of 500, every batch.
        const db = await SqliteConnection.open(await importedDatabase([log], 2_500), 'existing');
        const stored = await db.all<{ chat: string; ts: number; type: string }>('SELECT chat, ts, type FROM events ORDER BY id');
        await db.close();
        const lines = fs.readFileSync(log, 'utf8').split('\n').filter(line => line !== '').map(line => JSON.parse(line));
        assert.deepStrictEqual(stored, lines.map(e => ({ chat: e.chat, ts: Date.parse(e.ts), type: e.type })));
    });

    async function importedDatabase(logs: string[], batchSize: number): Promise<string> {
        const store = await openStore(suite.temp.db);
        await importInto(store, logs, suite.context, { batchSize });
        await store.close();
        return suite.temp.db;
    }
});

async function derivedRows(file: string) {
    const db = await SqliteConnection.open(file, 'existing');
    const rows = {
        chatFacts: await db.all('SELECT * FROM chat_facts ORDER BY chat'),
        transitions: await db.all('SELECT * FROM transitions ORDER BY chat, to_box, from_box'),
        goals: await db.all('SELECT * FROM chat_goals ORDER BY chat, goal'),
        leaves: await db.all('SELECT * FROM box_leaves ORDER BY chat, entry'),
        paths: await db.all('SELECT * FROM chat_paths ORDER BY chat'),
        visits: await db.all('SELECT * FROM chat_visits ORDER BY chat')
    };
    await db.close();
    return rows;
}

/** Every chat's rows recomputed by derived-facts.ts from all of its stored events. */
async function recomputedInSql(file: string) {
    const db = await SqliteConnection.open(file, 'existing');
    await db.run(CREATE_TOUCHED);
    await db.transaction(async () => {
        await db.run('INSERT INTO touched (chat) SELECT DISTINCT chat FROM events');
        await refreshTouched(db);
    });
    await db.close();
    return derivedRows(file);
}
