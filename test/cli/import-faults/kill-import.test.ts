import * as assert from 'node:assert';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FlowContext } from '../../../analytics/flow-context.js';
import { DEFAULT_BATCH_SIZE } from '../../../analytics/import/import-logs.js';
import { SqliteConnection } from '../../../analytics/sqlite/connection.js';
import type { SqliteAnalyticsStore } from '../../../analytics/sqlite/sqlite-store.js';
import { CLI, ensureCliBuilt, ROOT } from '../run-cli.js';
import { graphsOf, importInto, openStore, tempFolder } from '../../analytics/helpers.js';
import { checkDatabase, DENTAL_FLOW, seeded, writeChats, type Expected } from './fault-logs.js';

/** Kill points are drawn from this seed; CHATFLOW_FAULT_SEED replays another run. */
const SEED = Number(process.env.CHATFLOW_FAULT_SEED ?? 20261202);
/** Kill points per scenario. */
const KILLS = 2;

/** Everything a report shows, to compare a database with a clean import of the same logs. */
async function shown(store: SqliteAnalyticsStore, context: FlowContext) {
    return {
        overview: { ...(await store.overview()), imports: 0 },
        stats: await store.boxStats(context),
        edges: await store.edges(context),
        conversions: await store.conversions(context),
        dwell: await store.dwellBeforeDropOut(context)
    };
}

/**
 * Starts `chatflow import` of `logs` into `db`. `killAfter(ms)` sends SIGKILL that long after the
 * start (start-up, schema creation, the first batch); `killWhenStored(events, ms)` once the
 * database holds that many events, plus `ms` (into the writing of the next batch).
 */
function startImport(logs: string[], db: string) {
    const child = spawn(process.execPath, [CLI, 'import', ...logs, '--flow', DENTAL_FLOW, '--db', db], { cwd: ROOT, stdio: 'ignore' });
    let done = false;
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>(resolve => child.on('exit', (code, signal) => {
        done = true;
        resolve({ code, signal });
    }));
    const kill = (ms: number) => {
        const timer = setTimeout(() => child.kill('SIGKILL'), ms);
        void exited.then(() => clearTimeout(timer));
    };
    return {
        exited,
        killAfter(ms: number) {
            kill(ms);
            return exited;
        },
        async killWhenStored(events: number, ms: number) {
            let raw: SqliteConnection | undefined;
            try {
                while (!done) {
                    await new Promise(resolve => setTimeout(resolve, 20));
                    try {
                        raw ??= await SqliteConnection.open(db, 'existing');
                        const [row] = await raw.all<{ n: number }>('SELECT COUNT(*) AS n FROM events');
                        if (row.n >= events) break;
                    } catch {
                        // Not created yet, or mid-migration: look again.
                    }
                }
            } finally {
                await raw?.close();
            }
            kill(ms);
            return exited;
        }
    };
}

describe('import faults: kill -9 of an import at seeded random points', function () {
    this.timeout(300_000);
    let temp: ReturnType<typeof tempFolder>;
    let context: FlowContext;
    let logA: string;
    let logB: string;
    let expectedA: Expected[];
    let expectedB: Expected[];
    let cleanA: Awaited<ReturnType<typeof shown>>;
    let cleanAB: Awaited<ReturnType<typeof shown>>;
    const random = seeded(SEED);
    /** A kill point early in the run: CLI start-up, schema creation, the first batch (~0.3-1.2 s). */
    const earlyPoint = () => Math.round(300 + random() * 900);
    /** A kill point inside the import: after some of `events` are stored, plus up to about one batch's writing time (~150 ms here). */
    const storedPoint = (events: number) => ({ stored: Math.max(1, Math.floor(random() * events)), ms: Math.round(random() * 120) });
    const outcomes: string[] = [];

    before(async function () {
        ensureCliBuilt();
        temp = tempFolder();
        context = new FlowContext(await graphsOf(DENTAL_FLOW));
        logA = path.join(temp.folder, 'a.jsonl');
        logB = path.join(temp.folder, 'b.jsonl');
        // ~47,000 events each: three batches of the CLI's 20,000, so kills land before, between and inside commits.
        expectedA = writeChats(logA, 'a', 6000);
        expectedB = writeChats(logB, 'b', 6000, Date.parse('2026-10-10T00:00:00Z'));
        const a = await openStore(path.join(temp.folder, 'clean-a.db'));
        await importInto(a, [logA], context);
        cleanA = await shown(a, context);
        await importInto(a, [logB], context);
        cleanAB = await shown(a, context);
        await a.close();
    });
    after(() => {
        temp.cleanup();
        console.log(`      kill points (seed ${SEED}): ${outcomes.join('; ')}`);
    });

    /**
     * After the kill: the database is sound and holds a subset of the logs, the killed import's
     * part in whole batches on top of the `complete` events of other imports; a re-run ends with
     * exactly the logs' events.
     */
    async function recover(db: string, logs: string[], expected: Expected[], clean: typeof cleanA, label: string, read = expected.length, complete = 0) {
        const stored = await checkDatabase(db, expected);
        outcomes.push(`${label}: ${stored} of ${expected.length} stored`);
        // Whole batches of the CLI's 20,000 (or the whole file): a killed batch leaves nothing.
        assert.ok((stored - complete) % DEFAULT_BATCH_SIZE === 0 || stored === expected.length, `${stored} stored`);
        const store = await openStore(db);
        const rerun = await importInto(store, logs, context);
        assert.strictEqual(rerun.imported + rerun.duplicates, read, 'the re-run reads every event of its logs');
        assert.strictEqual(await checkDatabase(db, expected), expected.length, 'the re-run completes the import');
        assert.deepStrictEqual(await shown(store, context), clean);
        await store.close();
    }

    for (let k = 0; k < KILLS; k++) {
        it(`a fresh database (kill point ${k + 1})`, async () => {
            const db = path.join(temp.folder, `fresh-${k}.db`);
            const child = startImport([logA], db);
            let label: string;
            if (k === 0) {
                const ms = earlyPoint();
                label = `fresh, ${ms} ms after start`;
                await child.killAfter(ms);
            } else {
                const point = storedPoint(expectedA.length);
                label = `fresh, ${point.ms} ms after ${point.stored} stored`;
                await child.killWhenStored(point.stored, point.ms);
            }
            if (!fs.existsSync(db)) {
                outcomes.push(`${label}: killed before the database existed`);
                return;
            }
            await recover(db, [logA], expectedA, cleanA, label);
        });

        it(`a database holding another log (kill point ${k + 1})`, async () => {
            const db = path.join(temp.folder, `existing-${k}.db`);
            const store = await openStore(db);
            await importInto(store, [logB], context);
            await store.close();
            const point = storedPoint(expectedA.length);
            await startImport([logA], db).killWhenStored(expectedB.length + point.stored, point.ms);
            const stored = await checkDatabase(db, [...expectedA, ...expectedB]);
            assert.ok(stored >= expectedB.length, 'the events there before are all still there');
            await recover(db, [logA], [...expectedA, ...expectedB], cleanAB, `existing, ${point.ms} ms after ${point.stored} more stored`, expectedA.length, expectedB.length);
        });

        it(`two imports at once, one killed (kill point ${k + 1})`, async () => {
            const db = path.join(temp.folder, `both-${k}.db`);
            const store = await openStore(db); // both children find the schema made
            await store.close();
            const point = storedPoint(expectedA.length + expectedB.length);
            const killed = startImport([logA], db);
            const survivor = startImport([logB], db);
            await killed.killWhenStored(point.stored, point.ms);
            const other = await survivor.exited;
            assert.strictEqual(other.code, 0, 'the other import finishes (it waits for the lock, never fails on it)');
            assert.ok(await checkDatabase(db, [...expectedA, ...expectedB]) >= expectedB.length);
            await recover(db, [logA, logB], [...expectedA, ...expectedB], cleanAB, `both, ${point.ms} ms after ${point.stored} stored`, undefined, expectedB.length);
        });
    }
});
