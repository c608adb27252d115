import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FlowContext } from '../../analytics/flow-context.js';
import { PostgresAnalyticsStore } from '../../analytics/postgres/pg-store.js';
import { postgresBin, startCluster, type Cluster } from '../postgres/cluster.js';
import { importLogFiles } from '../../analytics/import/import-logs.js';
import { dentalContext, FIXTURES, tempFolder } from './helpers.js';

describe('PostgreSQL store: the reads of one snapshot see one state of the data', function () {
    this.timeout(120_000);
    let cluster: Cluster;
    let context: FlowContext;
    let temp: ReturnType<typeof tempFolder>;

    before(async function () {
        try {
            postgresBin();
        } catch {
            this.skip(); // no PostgreSQL here: `npm run tools` installs it
        }
        cluster = await startCluster();
        context = await dentalContext();
        temp = tempFolder();
    });
    after(async () => {
        await cluster?.stop();
        temp?.cleanup();
    });

    it('answers every call inside snapshot() from the state at its first query, whatever commits meanwhile; the next call sees the commit', async () => {
        const golden = fs.readFileSync(path.join(FIXTURES, 'golden.jsonl'), 'utf8').split('\n');
        const early = path.join(temp.folder, 'early.jsonl');
        fs.writeFileSync(early, golden.slice(0, 80).join('\n') + '\n');
        const shown = await PostgresAnalyticsStore.open(cluster.url, 'pg', { mode: 'create' });
        const importer = await PostgresAnalyticsStore.open(cluster.url, 'pg', { mode: 'create' });
        await importLogFiles(shown, [early], { context });
        const inside = await shown.snapshot(async () => {
            const before = await shown.overview();
            await importLogFiles(importer, [path.join(FIXTURES, 'golden.jsonl')], { context });
            const [after, stats] = await Promise.all([shown.overview(), shown.boxStats(context)]);
            return { before, after, stats };
        });
        assert.strictEqual(inside.before.events, 80);
        assert.deepStrictEqual(inside.after, inside.before);
        assert.strictEqual(Object.values(inside.stats).reduce((sum, box) => sum + box.entries, 0) <= 80, true);
        assert.strictEqual((await shown.overview()).events, 132);
        await importer.close();
        await shown.close();
    });
});
