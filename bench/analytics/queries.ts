/**
 * The metric queries alone, cold and warm, over N imported events on one engine: what to run
 * after changing a query or a derived table, without the import rows of run.ts (one import,
 * kept between runs for SQLite: bench/.data/queries-N.db; a database of an older schema is
 * migrated on opening, and the migration's time printed).
 *
 * npm run bench:queries -- [--events N | --log FILE] [--engine sqlite|postgres] [--only text] [--fresh]
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FlowContext } from '../../analytics/flow-context.js';
import { importLogFiles } from '../../analytics/import/import-logs.js';
import type { MetricStore } from '../../analytics/metric-store.js';
import { PostgresAnalyticsStore } from '../../analytics/postgres/pg-store.js';
import { SqliteAnalyticsStore } from '../../analytics/sqlite/sqlite-store.js';
import { loadExampleGraphs } from '../../scripts/generate-sample-logs.js';
import { startCluster, type Cluster } from '../../test/postgres/cluster.js';
import { benchData } from './generate-data.js';
import { coldAndWarm, metricQueries } from './metric-queries.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : undefined;
};
const load = () => os.loadavg().map(l => l.toFixed(2)).join(' ');

async function main(): Promise<void> {
    const events = Number(arg('--events') ?? 1_000_000);
    const engine = arg('--engine') ?? 'sqlite';
    const only = arg('--only');
    const log = arg('--log');
    const data = log ? { csv: path.resolve(log), events: 0 } : await benchData(root, events);
    const context = new FlowContext([(await loadExampleGraphs(root)).get('Clinic')!]);
    let cluster: Cluster | undefined;
    let store: MetricStore;
    const started = performance.now();
    if (engine === 'postgres') {
        cluster = await startCluster();
        store = await PostgresAnalyticsStore.open(cluster.url, cluster.url, { mode: 'create' });
        await importLogFiles(store, [data.csv], { context });
        console.log(`imported ${events} events into PostgreSQL in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    } else {
        const db = path.join(root, 'bench', '.data', log ? `queries-${path.basename(log)}.db` : `queries-${events}.db`);
        if (process.argv.includes('--fresh')) for (const end of ['', '-wal', '-shm']) fs.rmSync(db + end, { force: true });
        const exists = fs.existsSync(db);
        store = await SqliteAnalyticsStore.open(db, { mode: 'create' });
        console.log(`${exists ? 'opened (and migrated)' : 'created'} ${db} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
        if (!exists) {
            const t = performance.now();
            await importLogFiles(store, [data.csv], { context, defaultFlow: 'Clinic' });
            console.log(`imported ${events} events into SQLite in ${((performance.now() - t) / 1000).toFixed(1)} s`);
        }
    }
    try {
        console.log(`${engine}, ${events.toLocaleString('en-US')} events, ${os.cpus().length} cores, load ${load()}`);
        for (const [name, query] of metricQueries(store, context)) {
            if (only && !name.includes(only)) continue;
            const { coldMs, warmMs, coldCpuMs } = await coldAndWarm(store, query);
            console.log(`${name.padEnd(75)} cold ${coldMs.toFixed(0).padStart(6)} ms (cpu ${coldCpuMs.toFixed(0).padStart(5)} ms)  warm ${warmMs.toFixed(1).padStart(6)} ms  load ${os.loadavg()[0].toFixed(2)}`);
        }
    } finally {
        await store.close();
        await cluster?.stop();
    }
}

await main();
