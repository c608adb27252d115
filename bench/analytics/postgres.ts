/**
 * Benchmark: the PostgreSQL store. Imports N canonical events (default 10,000,000, simulated
 * clinic chats as in run.ts) into a throwaway local PostgreSQL server, against `psql \copy` of
 * the same CSV into an equivalent table with the same indexes, in the same run; then times every
 * metric over the imported events, cold (the memo emptied) and memoised.
 *
 * The peer's table: the 10 canonical columns with the identity index (chat, ts, type, box, goal)
 * as UNIQUE, and the per-chat order index. Ours does more: parses and validates each line,
 * resolves box names, redacts, skips duplicates, and keeps the per-chat facts in the same
 * transactions.
 *
 * `npm run bench` takes its rows (postgresRows, 1,000,000 events); alone:
 * npm run bench:postgres [-- --events N]   (data cached in bench/.data/, git-ignored)
 */
import { spawnSync } from 'node:child_process';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import { FlowContext } from '../../analytics/flow-context.js';
import { importLogFiles } from '../../analytics/import/import-logs.js';
import { PostgresAnalyticsStore } from '../../analytics/postgres/pg-store.js';
import { loadExampleGraphs } from '../../scripts/generate-sample-logs.js';
import { postgresBin, startCluster } from '../../test/postgres/cluster.js';
import { formatTable, results, row, type BenchRow } from '../bench-table.js';
import { benchData } from './generate-data.js';
import { coldAndWarm } from './metric-queries.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const IMPORT_GOAL = 1.5;
const QUERY_GOAL_MS = 1000;

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function sql(url: string, text: string): Promise<void> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
        await client.query(text);
    } finally {
        await client.end();
    }
}

function peerCopy(url: string, csv: string): number {
    const started = Date.now();
    const result = spawnSync(path.join(postgresBin(), 'psql'), [url, '-v', 'ON_ERROR_STOP=1', '-c',
        `\\copy peer (chat, ts, flow, version, box, type, text, goal, channel, source) FROM '${csv}' WITH (FORMAT csv, HEADER true)`], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`psql \\copy failed: ${result.stderr}`);
    return Date.now() - started;
}

export async function postgresRows(EVENTS: number, quick: boolean): Promise<BenchRow[]> {
    const rows: BenchRow[] = [];
    const n = EVENTS.toLocaleString('en-US');
    console.log(`machine: ${os.cpus().length} cores, load average ${os.loadavg().map(l => l.toFixed(2)).join(' ')}; node ${process.version}`);
    const data = await benchData(root, EVENTS);
    const cluster = await startCluster();
    try {
        await sql(cluster.url, 'CREATE DATABASE peer');
        await sql(cluster.url, 'CREATE DATABASE ours');
        const peerUrl = cluster.urlFor('peer');
        await sql(peerUrl, `CREATE TABLE peer (chat TEXT NOT NULL, ts TIMESTAMPTZ NOT NULL, flow TEXT, version TEXT, box TEXT, type TEXT, text TEXT, goal TEXT, channel TEXT, source TEXT);
            CREATE UNIQUE INDEX peer_identity ON peer (chat, ts, type, box, goal);`);
        const peerMs = peerCopy(peerUrl, data.csv);

        const context = new FlowContext([(await loadExampleGraphs(root)).get('Clinic')!]);
        const ourUrl = cluster.urlFor('ours');
        const store = await PostgresAnalyticsStore.open(ourUrl, ourUrl, { mode: 'create' });
        const started = Date.now();
        const summary = await importLogFiles(store, [data.csv], { context });
        const oursMs = Date.now() - started;
        if (summary.imported !== EVENTS) throw new Error(`imported ${summary.imported} of ${EVENTS} events`);
        const ratio = oursMs / peerMs;
        console.log(`\nimport of ${EVENTS.toLocaleString('en-US')} events into PostgreSQL (CSV)`);
        console.log(`  psql \\copy, unique identity index   ${seconds(peerMs).padStart(10)}`);
        console.log(`  chatflow import                     ${seconds(oursMs).padStart(10)}   ${ratio.toFixed(2)}x the peer; goal <= ${IMPORT_GOAL}x ${ratio <= IMPORT_GOAL ? 'MET' : 'MISSED'}`);
        rows.push(row({
            suite: 'postgres', figure: `${n} events, CSV: import into PostgreSQL`, goal: `≤ ${IMPORT_GOAL}× peer`, measured: oursMs, unit: 'ms',
            peer: `psql \\copy + unique identity index ${seconds(peerMs)}`, ratio, atMost: quick ? undefined : IMPORT_GOAL, on: 'ratio'
        }));

        console.log(`\nmetrics over ${EVENTS.toLocaleString('en-US')} events (cold: memo emptied, median of 3; memoised: median of 3; goal <= ${QUERY_GOAL_MS} ms cold)`);
        const queries: Array<[string, () => Promise<unknown>]> = [
            ['box stats for the overlay', () => store.boxStats(context)],
            ['funnel to appointment (derived path)', () => store.funnel(context, { goal: 'appointment' })],
            ['conversions per goal per day', () => store.conversions(context)],
            ['drill-down: first page of drop-outs at ask_phone', () => store.chats(context, { metric: 'dropOuts', box: 'Clinic.ask_phone' })],
            ['visits per box', () => store.visits(context)],
            ['edge traffic', () => store.edges(context)],
            ['version comparison v1 vs v2', () => store.compareVersions(context, 'v1', 'v2')]
        ];
        for (const [name, query] of queries) {
            const { coldMs, warmMs } = await coldAndWarm(store, query);
            console.log(`  ${name.padEnd(50)} cold ${coldMs.toFixed(0).padStart(6)} ms   memoised ${warmMs.toFixed(1).padStart(6)} ms   ${coldMs <= QUERY_GOAL_MS ? 'MET' : 'MISSED'}`);
            rows.push(row({
                suite: 'postgres', figure: `${n} events: ${name}, cold (median of 3)`, goal: `≤ ${QUERY_GOAL_MS.toLocaleString('en-US')} ms`, measured: coldMs, unit: 'ms',
                peer: `memoised ${warmMs.toFixed(1)} ms`, ratio: coldMs / Math.max(warmMs, 0.01), atMost: quick ? undefined : QUERY_GOAL_MS
            }));
        }
        await store.close();
    } finally {
        await cluster.stop();
    }
    return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
    const eventsArg = process.argv.indexOf('--events');
    const quick = process.argv.includes('--quick');
    const events = eventsArg > 0 ? Number(process.argv[eventsArg + 1]) : quick ? 100_000 : 10_000_000;
    console.log(formatTable(results(await postgresRows(events, quick), quick)));
}
