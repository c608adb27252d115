/**
 * The "what to fix first" rows of the analytics bench alone: imports the bench's 1M canonical
 * events once (kept in bench/.data/insight/, git-ignored) and times each new query cold.
 *
 * Usage: npx tsx bench/analytics/insight.ts [--events N]
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FlowContext } from '../../analytics/flow-context.js';
import { importLogFiles } from '../../analytics/import/import-logs.js';
import { SqliteAnalyticsStore } from '../../analytics/sqlite/sqlite-store.js';
import { loadExampleGraphs } from '../../scripts/generate-sample-logs.js';
import { benchData } from './generate-data.js';
import { insightQueryRows, printRows } from './insight-queries.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const eventsArg = process.argv.indexOf('--events');
const EVENTS = eventsArg > 0 ? Number(process.argv[eventsArg + 1]) : 1_000_000;

async function main(): Promise<void> {
    const context = new FlowContext([(await loadExampleGraphs(root)).get('Clinic')!]);
    const db = path.join(root, 'bench', '.data', 'insight', `chatflow-${EVENTS}.db`);
    if (!fs.existsSync(db)) {
        const data = await benchData(root, EVENTS);
        fs.mkdirSync(path.dirname(db), { recursive: true });
        const store = await SqliteAnalyticsStore.open(db, { mode: 'create' });
        await importLogFiles(store, [data.jsonl], { context });
        await store.close();
    }
    const store = await SqliteAnalyticsStore.open(db, { mode: 'existing' });
    try {
        console.log(`what to fix first, over ${EVENTS.toLocaleString('en-US')} events (SQLite, cold: median of 3, memo emptied); load average ${os.loadavg().map(l => l.toFixed(2)).join(' ')}`);
        const rows = await insightQueryRows(store, context);
        printRows(rows);
        console.log(JSON.stringify(rows));
    } finally {
        await store.close();
    }
}

main().catch(error => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
});
