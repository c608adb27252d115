import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FlowContext } from '../../analytics/flow-context.js';
import type { StoredEvent } from '../../analytics/store.js';
import { SCHEMA_VERSION } from '../../analytics/sqlite/schema.js';
import { PG_SCHEMA_VERSION } from '../../analytics/postgres/pg-schema.js';
import { dentalSuite, downgradeStore, engineStore, ENGINES, FIXTURES, graphsOf, importInto, type EngineName, type TempFolder } from './helpers.js';

/** A platform's events as the import stores them: step key, channel and source besides the canonical fields. */
function event(fields: Partial<StoredEvent> & Pick<StoredEvent, 'chat' | 'ts' | 'type' | 'box'>): StoredEvent {
    return { matched: true, goal: '', text: null, flow: 'Dental', version: 'v1', ordinal: 0, step: null, channel: null, source: null, ...fields };
}

/** Puts a store back to its schema before the platform columns (SQLite migration 5, PostgreSQL 3), keeping its events: a database of the previous release. */
function downgrade(engine: EngineName, temp: TempFolder): Promise<void> {
    return downgradeStore(engine, temp, ['DROP INDEX events_unmatched_step', 'ALTER TABLE events DROP COLUMN step', 'ALTER TABLE events DROP COLUMN channel', 'ALTER TABLE events DROP COLUMN source',
        // The later migration's per-chat channel and source go too: it runs again on opening.
        'ALTER TABLE chat_facts DROP COLUMN channel', 'ALTER TABLE chat_facts DROP COLUMN source'], 4, 3);
}

for (const engine of ENGINES) {
    describe(`platform fields and retries in the store (${engine})`, function () {
        this.timeout(60_000);
        const suite = dentalSuite();

        it('stores retry events, step keys, channels and sources, and shows them in the transcript', async () => {
            const store = await engineStore(engine, suite.temp);
            try {
                const t = Date.UTC(2026, 10, 2, 9, 0, 0);
                const result = await store.importBatch([
                    event({ chat: 'c1', ts: t, type: 'enter', box: 'Dental.ask_insured', step: 'Insurance Check', channel: 'whatsapp', source: 'google-ads' }),
                    event({ chat: 'c1', ts: t + 1000, type: 'retry', box: 'Dental.ask_insured', text: '[redacted]', step: 'Insurance Check', channel: 'whatsapp' }),
                    event({ chat: 'c1', ts: t + 2000, type: 'answer', box: 'Dental.ask_insured', text: 'yes', step: 'Insurance Check', channel: 'whatsapp' }),
                    event({ chat: 'c2', ts: t, type: 'enter', box: 'Dental.welcome' })
                ]);
                assert.deepStrictEqual(result, { inserted: 4, duplicates: 0 });
                assert.deepStrictEqual(await store.transcript('c1'), [
                    { ts: '2026-11-02T09:00:00.000Z', type: 'enter', box: 'Dental.ask_insured', matched: true, step: 'Insurance Check', channel: 'whatsapp', source: 'google-ads' },
                    { ts: '2026-11-02T09:00:01.000Z', type: 'retry', box: 'Dental.ask_insured', matched: true, text: '[redacted]', step: 'Insurance Check', channel: 'whatsapp' },
                    { ts: '2026-11-02T09:00:02.000Z', type: 'answer', box: 'Dental.ask_insured', matched: true, text: 'yes', step: 'Insurance Check', channel: 'whatsapp' }
                ]);
                assert.deepStrictEqual(await store.transcript('c2'), [{ ts: '2026-11-02T09:00:00.000Z', type: 'enter', box: 'Dental.welcome', matched: true }]);
                // A retry is no visit: the box was entered once.
                const visits = await store.visits(suite.context);
                assert.deepStrictEqual(visits.find(v => v.box === 'Dental.ask_insured'), { box: 'Dental.ask_insured', chats: 1, entries: 1 });
            } finally {
                await store.close();
            }
        });

        it('re-maps stored events by their step key when a box gets that alias, without re-importing', async () => {
            const store = await engineStore(engine, suite.temp);
            try {
                const t = Date.UTC(2026, 10, 2, 9, 0, 0);
                await store.importBatch([
                    event({ chat: 'c1', ts: t, type: 'enter', box: 'Insurance Check', matched: false, step: 'Insurance Check' }),
                    event({ chat: 'c1', ts: t + 1000, type: 'answer', box: 'Insurance Check', matched: false, step: 'Insurance Check', text: '[redacted]' }),
                    // Unmatched with neither name nor step known: stays.
                    event({ chat: 'c1', ts: t + 2000, type: 'enter', box: '', matched: false, step: null })
                ]);
                assert.strictEqual(await store.resolveUnmatched(suite.context), 0);
                assert.deepStrictEqual(await store.unmatchedSteps(), [
                    { flow: 'Dental', step: 'Insurance Check', events: 2, chats: 1 },
                    { flow: 'Dental', step: '', events: 1, chats: 1 }
                ]);
                const source = fs.readFileSync(path.join(FIXTURES, 'dental.chatflow'), 'utf8').replace('alias utter_ask_insurance', 'alias utter_ask_insurance\n        alias "Insurance Check"');
                const flow = path.join(suite.temp.folder, 'dental.chatflow');
                fs.writeFileSync(flow, source);
                const aliased = new FlowContext(await graphsOf(flow));
                assert.strictEqual(await store.resolveUnmatched(aliased), 2);
                const transcript = await store.transcript('c1');
                assert.deepStrictEqual(transcript.map(e => [e.type, e.box, e.matched, e.step]), [
                    ['enter', 'Dental.ask_insured', true, 'Insurance Check'],
                    ['answer', 'Dental.ask_insured', true, 'Insurance Check'],
                    ['enter', '', false, undefined]
                ]);
                assert.deepStrictEqual((await store.visits(aliased)).find(v => v.box === 'Dental.ask_insured'), { box: 'Dental.ask_insured', chats: 1, entries: 1 });
                assert.deepStrictEqual(await store.unmatchedSteps(), [{ flow: 'Dental', step: '', events: 1, chats: 1 }]);
            } finally {
                await store.close();
            }
        });

        it('keeps the identity of events stored before the platform columns: re-importing an old log adds nothing', async () => {
            const log = path.join(FIXTURES, 'golden.jsonl');
            let store = await engineStore(engine, suite.temp);
            const first = await importInto(store, [log], suite.context);
            const visits = await store.visits(suite.context);
            await store.close();
            await downgrade(engine, suite.temp);
            store = await engineStore(engine, suite.temp);
            try {
                assert.strictEqual(await store.schemaVersion(), engine === 'sqlite' ? SCHEMA_VERSION : PG_SCHEMA_VERSION);
                const again = await importInto(store, [log], suite.context);
                assert.deepStrictEqual([again.imported, again.duplicates], [0, first.imported]);
                assert.deepStrictEqual(await store.visits(suite.context), visits);
            } finally {
                await store.close();
            }
        });
    });
}
