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
import { insightQueries } from './insight-queries.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : undefined;
};
const load = () => os.loadavg().map(l => l.toFixed(2)).join(' ');

/** Every metric query the analytics and PostgreSQL benches time, by name. */
export function metricQueries(store: MetricStore, context: FlowContext): Array<[string, () => Promise<unknown>]> {
    return [
        ['visits per box', () => store.visits(context)],
        ['drop-outs per box', () => store.dropOuts(context)],
        ['edge traffic', () => store.edges(context)],
        ['conversions per goal per day', () => store.conversions(context)],
        ['funnel to appointment (derived path)', () => store.funnel(context, { goal: 'appointment' })],
        ['time at box before dropping out', () => store.dwellBeforeDropOut(context)],
        ['version comparison v1 vs v2', () => store.compareVersions(context, 'v1', 'v2')],
        ['box stats for the overlay', () => store.boxStats(context)],
        ['visits, one month, version v2', () => store.visits(context, { from: '2026-06-01', to: '2026-06-30', version: 'v2' })],
        ['drill-down: chats at ask_phone (page 1)', () => store.chats(context, { metric: 'dropOuts', box: 'Clinic.ask_phone' })],
        ['drill-down: appointment on one day', () => store.chats(context, { metric: 'conversions', goal: 'appointment', day: '2026-06-15' })],
        ['transcript of one chat', () => store.transcript('b-0050000')],
        ...insightQueries(store, context)
    ];
}

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
            const times: number[] = [];
            const cpu: number[] = [];
            for (let i = 0; i < 3; i++) {
                store.memo.forget();
                const t = performance.now();
                const c = process.cpuUsage();
                await query();
                times.push(performance.now() - t);
                const used = process.cpuUsage(c);
                cpu.push((used.user + used.system) / 1000);
            }
            const warm: number[] = [];
            for (let i = 0; i < 3; i++) {
                const t = performance.now();
                await query();
                warm.push(performance.now() - t);
            }
            const median = (values: number[]) => values.sort((a, b) => a - b)[1];
            // CPU: this process's, SQLite's worker thread included (PostgreSQL's server is not): what a loaded machine inflates least.
            console.log(`${name.padEnd(75)} cold ${median(times).toFixed(0).padStart(6)} ms (cpu ${median(cpu).toFixed(0).padStart(5)} ms)  warm ${median(warm).toFixed(1).padStart(6)} ms  load ${os.loadavg()[0].toFixed(2)}`);
        }
    } finally {
        await store.close();
        await cluster?.stop();
    }
}

await main();
