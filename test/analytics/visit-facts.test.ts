import * as assert from 'node:assert';
import * as path from 'node:path';
import type { MetricStore } from '../../analytics/metric-store.js';
import { dentalSuite, downgradeStore, engineStore, ENGINES, FIXTURES, importInto, type EngineName, type TempFolder } from './helpers.js';

/** Puts a store back to the schema before box_leaves, chat_paths, chat_visits and signatures (SQLite migration 7, PostgreSQL 5), keeping its events. */
function downgrade(engine: EngineName, temp: TempFolder): Promise<void> {
    return downgradeStore(engine, temp, ['DROP TABLE box_leaves', 'DROP TABLE chat_paths', 'DROP TABLE chat_visits', 'DROP TABLE signatures', 'DROP INDEX events_retries'], 6, 5);
}

/**
 * The time before leaving a box and the complete paths read per-visit and per-chat rows kept at
 * import (analytics/visit-facts.ts); a database imported before those tables existed fills them
 * when it is opened, and gives the same numbers.
 */
for (const engine of ENGINES) describe(`per-visit and per-chat facts (${engine})`, function () {
    this.timeout(60_000);
    const suite = dentalSuite();

    async function numbers(store: MetricStore) {
        return {
            fixFirst: await store.fixFirst(suite.context),
            paths: await store.completePaths(suite.context, 50),
            leaving: await store.chats(suite.context, { metric: 'leaving', box: 'Dental.main_menu' }, undefined, { limit: 1000 }),
            outcomes: await store.outcomes(suite.context),
            boxStats: await store.boxStats(suite.context),
            edges: await store.edges(suite.context),
            funnel: await store.funnel(suite.context, { goal: 'consult_booked' })
        };
    }

    it('fills box_leaves, chat_paths and chat_visits from the stored events when a database of the previous release is opened', async () => {
        let store = await engineStore(engine, suite.temp);
        await importInto(store, [path.join(FIXTURES, 'golden.jsonl'), path.join(FIXTURES, 'dental-events.jsonl')], suite.context, { batchSize: 7 });
        const asImported = await numbers(store);
        await store.close();
        assert.ok(asImported.fixFirst.some(row => row.leaving.n > 5) && asImported.paths.length > 3 && asImported.leaving.total > 5, 'the logs exercise the tables');
        await downgrade(engine, suite.temp);
        store = await engineStore(engine, suite.temp);
        try {
            assert.deepStrictEqual(await numbers(store), asImported);
        } finally {
            await store.close();
        }
    });
});
