/**
 * One import of the platform benchmark, in a process of its own so its peak memory is its own:
 * imports a log into a fresh SQLite database and prints one JSON line (wall and CPU time, peak
 * RSS, what was stored). Usage: tsx platform-import.ts <log> <format> <flow file> <flow name> <db>
 */
import { FlowContext } from '../../analytics/flow-context.js';
import { importLogFiles } from '../../analytics/import/import-logs.js';
import type { LogFormat } from '../../analytics/import/log-event.js';
import { SqliteAnalyticsStore } from '../../analytics/sqlite/sqlite-store.js';
import { loadWorkspace } from '../../cli/workspace.js';

async function main(): Promise<void> {
    const [log, format, flowFile, flowName, db] = process.argv.slice(2);
    const workspace = await loadWorkspace([flowFile]);
    const context = new FlowContext(workspace.documents.flatMap(d => workspace.services.flow.FlowGraphs.of(d)));
    const store = await SqliteAnalyticsStore.open(db, { mode: 'create' });
    const rssBefore = process.resourceUsage().maxRSS;
    const cpu = process.cpuUsage();
    const started = performance.now();
    const summary = await importLogFiles(store, [log], { context, defaultFlow: flowName, format: format as LogFormat });
    const wallMs = performance.now() - started;
    const used = process.cpuUsage(cpu);
    await store.close();
    console.log(JSON.stringify({
        wallMs, cpuMs: (used.user + used.system) / 1000, peakRssMb: process.resourceUsage().maxRSS / 1024, startRssMb: rssBefore / 1024,
        read: summary.read, imported: summary.imported, malformed: summary.malformed, unmatched: summary.unmatched.reduce((n, u) => n + u.events, 0)
    }));
}

main().catch(error => {
    console.error(error);
    process.exit(1);
});
