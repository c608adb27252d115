/**
 * Benchmark: what privacy costs.
 * 1. Per event, in memory, over the sample clinic + pharmacy logs (examples/logs, ~54k events,
 *    repeated): the privacy step of the importer (`protectText` under 'redact' and 'hash') and the
 *    Safe Harbor scan of every text with no cache (each text distinct: the worst case), against
 *    the peer every importer already pays per line: `JSON.parse` of it.
 * 2. Re-redaction of a database (`chatflow redact`: rewrite, VACUUM, checkpoint) against importing
 *    the same logs into it under 'keep', in the same process.
 *
 * Each in-memory figure is the fastest of 3 runs.
 *
 * Usage: npm run bench:privacy [-- --repeat N]   (default 10)
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadExampleGraphs } from '../../scripts/generate-sample-logs.js';
import { FlowContext } from '../../analytics/flow-context.js';
import { importLogFiles } from '../../analytics/import/import-logs.js';
import { protectText, type PrivacyOptions } from '../../analytics/privacy.js';
import { scrubSafeHarbor } from '../../analytics/privacy/safe-harbor.js';
import { reapplyPrivacy } from '../../analytics/reapply-privacy.js';
import { SqliteAnalyticsStore } from '../../analytics/sqlite/sqlite-store.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const repeatArg = process.argv.indexOf('--repeat');
const REPEAT = repeatArg > 0 ? Number(process.argv[repeatArg + 1]) : 10;
const LOG = path.join(root, 'examples/logs/clinic-2026-11.jsonl');
const CSV = path.join(root, 'examples/logs/pharmacy-refill-2026-11.csv');

/** The faster of 3 runs (the first also warms the JIT and the scan cache up). */
function timed(work: () => void): { ms: number } {
    let best = Infinity;
    for (let run = 0; run < 3; run++) {
        const started = process.hrtime.bigint();
        work();
        best = Math.min(best, Number(process.hrtime.bigint() - started) / 1e6);
    }
    return { ms: best };
}

const graphs = [...(await loadExampleGraphs(root)).values()];
const context = new FlowContext(graphs);
const lines = fs.readFileSync(LOG, 'utf8').split('\n').filter(line => line !== '');
type Event = { flow: string; box: string; type: 'enter' | 'answer' | 'goal' | 'end'; text?: string };
const events = lines.map(line => JSON.parse(line) as Event).map(e => {
    const box = context.resolve(e.flow, e.box);
    return { type: e.type, box: box ?? e.box, matched: box !== undefined, text: e.text ?? null };
});
const texts = events.filter(e => e.text !== null).length;
console.log(`${events.length.toLocaleString('en-US')} events (${texts.toLocaleString('en-US')} with a text) from ${path.relative(root, LOG)}, ${REPEAT} times`);

const parse = timed(() => { for (let r = 0; r < REPEAT; r++) for (const line of lines) JSON.parse(line); });
const perEvent = (ms: number) => `${(ms * 1000 / (events.length * REPEAT)).toFixed(2)} µs/event`;
console.log(`  peer JSON.parse of each line:            ${parse.ms.toFixed(0).padStart(6)} ms  ${perEvent(parse.ms)}`);
for (const options of [{ policy: 'redact' }, { policy: 'hash', salt: Buffer.alloc(32, 7) }, { policy: 'keep' }] as PrivacyOptions[]) {
    const run = timed(() => { for (let r = 0; r < REPEAT; r++) for (const e of events) protectText(e, context, options); });
    console.log(`  protectText under '${options.policy}':${' '.repeat(8 - options.policy.length)}          ${run.ms.toFixed(0).padStart(6)} ms  ${perEvent(run.ms)}  ratio to JSON.parse ${(run.ms / parse.ms).toFixed(2)}`);
}
// Worst case: every text distinct, so the cache of bot texts never hits.
const uncached = timed(() => { for (let r = 0; r < REPEAT; r++) for (const e of events) if (e.text !== null) scrubSafeHarbor(`${e.text} ${r}`); });
console.log(`  Safe Harbor scan, every text distinct:   ${uncached.ms.toFixed(0).padStart(6)} ms  ${(uncached.ms * 1000 / (texts * REPEAT)).toFixed(2)} µs/text  ratio to JSON.parse ${(uncached.ms / parse.ms).toFixed(2)}`);

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'chatflow-bench-privacy-'));
try {
    const db = path.join(folder, 'analytics.db');
    const store = await SqliteAnalyticsStore.open(db, { mode: 'create' });
    let started = Date.now();
    const summary = await importLogFiles(store, [LOG, CSV], { context, privacy: { policy: 'keep' } });
    const importMs = Date.now() - started;
    await store.close();
    started = Date.now();
    const redacted = await reapplyPrivacy(db, { privacy: { policy: 'redact' }, context });
    const redactMs = Date.now() - started;
    console.log(`database: import of ${summary.imported.toLocaleString('en-US')} events under 'keep' ${importMs} ms (peer); chatflow redact (${redacted.changed.toLocaleString('en-US')} of ${redacted.texts.toLocaleString('en-US')} texts rewritten, VACUUM, checkpoint) ${redactMs} ms, ratio ${(redactMs / importMs).toFixed(2)}`);
} finally {
    fs.rmSync(folder, { recursive: true, force: true });
}
