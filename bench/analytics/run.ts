/**
 * Benchmark: importing 1,000,000 canonical events (JSON Lines and CSV, simulated clinic chats)
 * against the Debian `sqlite3` CLI's `.import` of the same CSV, in the same run; then the time
 * of every metric query over the imported million.
 *
 * The peer: `.import --csv` into a table with the 8 canonical columns, once bare and once with
 * the secondary index our events table has (chat, ts, type, box, goal: our identity index, not
 * UNIQUE there since the CLI has no ordinal column). Ours does more: parses and validates each
 * line, resolves box names against the flow, redacts sensitive answers, skips duplicates, and
 * keeps the per-chat facts (chat_facts, transitions, chat_goals) in the same transactions.
 *
 * Each of our imports runs in a process of its own (platform-import.ts), so its peak RSS is its own.
 * `npm run bench` takes its rows (analyticsRows); alone:
 * npm run bench:analytics [-- --events N] [--quick]   (data cached in bench/.data/, git-ignored)
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import sqlite3 from 'sqlite3';
import { loadExampleGraphs } from '../../scripts/generate-sample-logs.js';
import { FlowContext } from '../../analytics/flow-context.js';
import { SqliteAnalyticsStore } from '../../analytics/sqlite/sqlite-store.js';
import { formatTable, results, row, type BenchRow } from '../bench-table.js';
import { benchData } from './generate-data.js';
import { coldAndWarm, metricQueries } from './metric-queries.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const work = path.join(root, 'bench', '.data', 'run');
const IMPORT_GOAL = 2;
const RSS_GOAL_MB = 300;
const COLD_GOAL_MS = 500;
const WARM_GOAL_MS = 50;

interface Timing { wallMs: number; cpuMs: number }
interface Ours { timing: Timing; imported: number; db: string; peakRssMb: number }

const load = () => os.loadavg().map(l => l.toFixed(2)).join(' ');

/** Import rows (JSONL and CSV vs the CLI, peak RSS) and query rows (cold, warm) over `events` events. */
export async function analyticsRows(events: number, quick: boolean): Promise<BenchRow[]> {
    const goals = !quick;
    console.log(`machine: ${os.cpus().length} cores, load average ${load()} (1/5/15 min); node ${process.version}; SQLite ${sqlite3.VERSION} (node sqlite3), CLI ${cliVersion()}`);
    const data = await benchData(root, events);
    fs.rmSync(work, { recursive: true, force: true });
    fs.mkdirSync(work, { recursive: true });
    const context = new FlowContext([(await loadExampleGraphs(root)).get('Clinic')!]);
    const n = events.toLocaleString('en-US');
    const rows: BenchRow[] = [];
    const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

    // Peer and ours alternate, so a busy machine does not favour one side.
    const cliIndexed = cliImport(data.csv, true);
    const jsonl = ourImport(data.jsonl, 'jsonl');
    const cliBare = cliImport(data.csv, false);
    const csv = ourImport(data.csv, 'csv');
    for (const [name, ours] of [['JSON Lines', jsonl], ['CSV', csv]] as const) {
        if (ours.imported !== events) throw new Error(`imported ${ours.imported} of ${events} events (${name})`);
        rows.push(row({
            suite: 'import', figure: `${n} events, ${name}: import into SQLite (wall)`, goal: `≤ ${IMPORT_GOAL}× peer`, measured: ours.timing.wallMs, unit: 'ms',
            peer: `sqlite3 CLI .import + identity index ${seconds(cliIndexed.wallMs)} (bare ${seconds(cliBare.wallMs)})`,
            ratio: ours.timing.wallMs / cliIndexed.wallMs, atMost: goals ? IMPORT_GOAL : undefined, on: 'ratio',
            note: `cpu ${seconds(ours.timing.cpuMs)} vs the CLI's ${seconds(cliIndexed.cpuMs)} (${(ours.timing.cpuMs / cliIndexed.cpuMs).toFixed(2)}×)`
        }));
        rows.push(row({
            suite: 'import', figure: `${n} events, ${name}: peak RSS of the importing process`, goal: `≤ ${RSS_GOAL_MB} MB`, measured: ours.peakRssMb, unit: 'MB',
            peer: '—', atMost: goals ? RSS_GOAL_MB : undefined
        }));
    }

    const store = await SqliteAnalyticsStore.open(jsonl.db, { mode: 'existing' });
    const queries = metricQueries(store, context);
    // The peer: the CLI's own count over its indexed copy of the same events, in this run.
    const peerMs = cliQuery(path.join(work, 'cli-indexed.db'), 'SELECT box, count(DISTINCT chat) FROM events WHERE type = \'enter\' GROUP BY box;');
    const peer = `sqlite3 CLI: distinct chats per box ${peerMs.toFixed(0)} ms`;
    for (const [name, query] of queries) {
        const { coldMs, warmMs } = await coldAndWarm(store, query);
        rows.push(row({ suite: 'queries', figure: `${n} events: ${name}, cold (median of 3)`, goal: `≤ ${COLD_GOAL_MS} ms`, measured: coldMs, unit: 'ms', peer, ratio: coldMs / peerMs, atMost: goals ? COLD_GOAL_MS : undefined }));
        rows.push(row({ suite: 'queries', figure: `${n} events: ${name}, warm (median of 3)`, goal: `≤ ${WARM_GOAL_MS} ms`, measured: warmMs, unit: 'ms', peer, ratio: warmMs / peerMs, atMost: goals ? WARM_GOAL_MS : undefined }));
    }
    await store.close();
    return rows;
}

/** One of our imports in a process of its own (its peak RSS its own), into a fresh database. */
function ourImport(file: string, name: string): Ours {
    const db = path.join(work, `chatflow-${name}.db`);
    const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'bench/analytics/platform-import.ts'), file, name, path.join(root, 'examples/clinic.chatflow'), 'Clinic', db],
        { encoding: 'utf8', cwd: root, maxBuffer: 1 << 24 });
    if (result.status !== 0) throw new Error(`our ${name} import failed: ${result.stderr}`);
    const out = JSON.parse(result.stdout.trim().split('\n').at(-1)!) as { wallMs: number; cpuMs: number; peakRssMb: number; imported: number };
    return { timing: { wallMs: out.wallMs, cpuMs: out.cpuMs }, imported: out.imported, db, peakRssMb: out.peakRssMb };
}

function cliImport(csv: string, indexed: boolean): Timing {
    const db = path.join(work, `cli-${indexed ? 'indexed' : 'bare'}.db`);
    const sql = [
        'PRAGMA journal_mode = WAL;',
        'CREATE TABLE events (chat TEXT, ts TEXT, flow TEXT, version TEXT, box TEXT, type TEXT, text TEXT, goal TEXT);',
        indexed ? 'CREATE INDEX events_identity ON events (chat, ts, type, box, goal);' : '',
        `.import --csv --skip 1 ${csv} events`
    ].join('\n');
    // bash's `time` gives the child's CPU time next to the wall time.
    const result = spawnSync('bash', ['-c', `TIMEFORMAT='%R %U %S'; time sqlite3 ${JSON.stringify(db)}`], { input: sql, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`sqlite3 CLI failed: ${result.stderr}`);
    const [real, user, sys] = result.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
    return { wallMs: real * 1000, cpuMs: (user + sys) * 1000 };
}

/** Milliseconds of one query in the sqlite3 CLI (`.timer on`: its own measure, no process start-up). */
function cliQuery(db: string, query: string): number {
    const result = spawnSync('sqlite3', [db], { input: `.timer on\n${query}\n`, encoding: 'utf8', maxBuffer: 1 << 24 });
    if (result.status !== 0) throw new Error(`sqlite3 CLI failed: ${result.stderr}`);
    const real = /Run Time: real ([\d.]+)/.exec(result.stdout + result.stderr);
    if (!real) throw new Error(`sqlite3 CLI printed no timing: ${result.stdout.slice(-200)}`);
    return Number(real[1]) * 1000;
}

function cliVersion(): string {
    const result = spawnSync('sqlite3', ['--version'], { encoding: 'utf8' });
    if (result.error) throw new Error('the Debian sqlite3 CLI is missing: apt-get install -y sqlite3');
    return result.stdout.split(' ')[0];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
    const eventsArg = process.argv.indexOf('--events');
    const quick = process.argv.includes('--quick');
    const events = eventsArg > 0 ? Number(process.argv[eventsArg + 1]) : quick ? 100_000 : 1_000_000;
    analyticsRows(events, quick).then(rows => console.log(formatTable(results(rows, quick)))).catch(error => {
        console.error(error instanceof Error ? error.message : error);
        process.exitCode = 1;
    });
}
