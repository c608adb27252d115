import * as assert from 'node:assert';
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import type { FlowGraph } from '../../../language/flow-model.js';
import { FlowContext } from '../../../analytics/flow-context.js';
import { buildReport, type ReportData } from '../../../analytics/report/report-data.js';
import { SqliteAnalyticsStore } from '../../../analytics/sqlite/sqlite-store.js';
import { CLI, ensureCliBuilt, ROOT } from '../run-cli.js';
import { graphsOf, importInto, openStore, tempFolder } from '../../analytics/helpers.js';
import { DENTAL_FLOW, writeChats } from './fault-logs.js';

/** The report's numbers that must agree when they come from one state of the data (fault-logs.ts writeChats). */
function inconsistency(report: ReportData): string | undefined {
    const boxes = report.flows[0].boxes;
    const entries = boxes.reduce((sum, box) => sum + box.entries, 0);
    const welcome = boxes.find(box => box.box === 'Dental.welcome')!.visits;
    if (entries !== report.overview.events) return `overview ${report.overview.events} events, boxes ${entries} entries`;
    if (welcome !== report.overview.chats) return `overview ${report.overview.chats} chats, welcome ${welcome} visits`;
    return undefined;
}

describe('import faults: reports read while an import commits', () => {
    let temp: ReturnType<typeof tempFolder>;
    let graphs: FlowGraph[];

    before(async function () {
        this.timeout(120_000);
        ensureCliBuilt();
        graphs = await graphsOf(DENTAL_FLOW);
    });
    beforeEach(() => { temp = tempFolder(); });
    afterEach(() => temp.cleanup());

    it('gives every report (and the overview and box numbers of the editor) from one snapshot while another process imports', async function () {
        this.timeout(180_000);
        const files = ['a', 'b', 'c'].map(prefix => {
            const file = path.join(temp.folder, `${prefix}.jsonl`);
            writeChats(file, prefix, 9000, Date.parse('2026-10-01T00:00:00Z') + prefix.charCodeAt(0) * 1000);
            return file;
        });
        const seed = path.join(temp.folder, 'seed.jsonl');
        writeChats(seed, 's', 10);
        const context = new FlowContext(graphs);
        const setup = await openStore(temp.db);
        await importInto(setup, [seed], context);
        await setup.close();

        // One child process imports the three files one after the other: ~65,000 events, a commit every 20,000.
        const child = spawn(process.execPath, [CLI, 'import', ...files, '--flow', DENTAL_FLOW, '--db', temp.db], { cwd: ROOT, stdio: 'ignore' });
        const exited = new Promise<number | null>(resolve => child.on('exit', code => resolve(code)));
        let running = true;
        void exited.then(() => { running = false; });

        const store = await SqliteAnalyticsStore.open(temp.db, { mode: 'existing' });
        const problems: string[] = [];
        const totals = new Set<number>();
        let reports = 0;
        try {
            while (running) {
                store.memo.forget(); // every report computed anew, so each reads the database
                const report = await buildReport(store, graphs, {}, 'db');
                const problem = inconsistency(report);
                if (problem) problems.push(problem);
                // What the editor pulls at once: the overview request's totals with the box numbers.
                const pulled = await store.snapshot(async () => {
                    const [overview, stats] = await Promise.all([store.overview(), store.boxStats(context)]);
                    return { overview, stats };
                });
                const entries = Object.values(pulled.stats).reduce((sum, box) => sum + box.entries, 0);
                if (entries !== pulled.overview.events) problems.push(`pulled: overview ${pulled.overview.events} events, boxes ${entries} entries`);
                totals.add(report.overview.events);
                reports++;
            }
        } finally {
            await store.close();
        }
        assert.strictEqual(await exited, 0);
        assert.deepStrictEqual(problems, [], `${problems.length} of ${reports} reports mixed two states of the data`);
        assert.ok(totals.size >= 2, `the reports saw ${totals.size} states of the data (${[...totals].join(', ')}): they ran while the import committed`);
    });
});
