import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { insightNumbers } from '../../../server/analytics/insight-numbers.js';
import type { SegmentBy, AnalyticsFilter, BoxStats, ChatPage, DrillDown, EdgeTraffic, TranscriptEntry } from '../../../analytics/model.js';
import { FlowContext } from '../../../analytics/flow-context.js';
import { SqliteAnalyticsStore } from '../../../analytics/sqlite/sqlite-store.js';
import { loadFlowGraphs } from '../../../cli/commands/import.js';
import type { AnalyticsOverviewResult } from '../../../server/protocol.js';
import { experimentLensTitle } from '../../../analytics/experiments/experiment-words.js';
import { untestedTraffic } from '../../../analytics/untested-traffic.js';
import { runFlowTests, uncoveredEdges } from '../../../language/conversation-tests.js';
import type { FlowGraph } from '../../../language/flow-model.js';

const CLI = 'dist/cli/main.cjs';

/**
 * The example chat logs imported by the real CLI into a temporary database, and the numbers of
 * one example flow queried from it the way the language server does: no hand-typed numbers.
 */
export class AnalyticsData {
    private constructor(private readonly dir: string, private readonly store: SqliteAnalyticsStore, private readonly context: FlowContext,
        private readonly graphs: FlowGraph[]) {}

    /** The example logs, imported as `chatflow import <args> --flow examples`. */
    static readonly EXAMPLE_IMPORTS = [
        ['examples/logs/clinic-2026-11.jsonl', 'examples/logs/pharmacy-refill-2026-11.csv'],
        ['examples/logs/dental-rasa-trackers.json', '--flow-name', 'Dental']
    ];

    /** `imports`: the arguments of each `chatflow import` into the temporary database, against the flows in `flows`. */
    static async load(flowFile: string, imports: string[][] = AnalyticsData.EXAMPLE_IMPORTS, flows = 'examples'): Promise<AnalyticsData> {
        if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run 'node scripts/build.mjs' before the webview tests.`);
        const dir = mkdtempSync(join(tmpdir(), 'chatflow-analytics-'));
        const db = join(dir, 'analytics.db');
        for (const args of imports) {
            execFileSync(process.execPath, [CLI, 'import', ...args, '--flow', flows, '--db', db], { stdio: 'pipe' });
        }
        const errors: string[] = [];
        const graphs = await loadFlowGraphs([flowFile], { cwd: process.cwd(), out: () => undefined, err: line => errors.push(line) });
        if (!graphs) throw new Error(`${flowFile} has errors: ${errors.join('; ')}`);
        const store = await SqliteAnalyticsStore.open(db, { mode: 'existing', displayName: db });
        return new AnalyticsData(dir, store, new FlowContext(graphs), graphs);
    }

    /** What the server's AnalyticsOverviewRequest answers for the flow, over the chats `filter` selects (with the segment it shows side by side). */
    async overview(panelFilter: AnalyticsFilter & { segmentBy?: SegmentBy } = {}): Promise<AnalyticsOverviewResult> {
        const { store, context } = this;
        const { segmentBy, ...filter } = panelFilter;
        const conversions = await store.conversions(context, filter);
        const funnels = [];
        for (const c of conversions) funnels.push(await store.funnel(context, { goal: c.goal }, filter));
        const versions = await store.versions(context, filter);
        const storeVersions = (await store.versions(context, { ...filter, from: undefined, to: undefined })).map(v => v.version);
        const pair = versions.length >= 2 ? { a: versions[versions.length - 2].version, b: versions[versions.length - 1].version } : undefined;
        const totals = await store.overview();
        return {
            available: true,
            db: store.file,
            totals: { events: totals.events, chats: totals.chats, first: totals.first, last: totals.last },
            conversions,
            dropOuts: (await store.dropOuts(context, filter)).sort((a, b) => b.dropOuts - a.dropOuts),
            visits: Object.fromEntries((await store.visits(context, filter)).map(v => [v.box, v.chats])),
            funnels,
            dwell: await store.dwellBeforeDropOut(context, filter),
            versions,
            comparison: pair && { ...pair, goals: await store.compareVersions(context, pair.a, pair.b, filter) },
            storeVersions,
            untested: await Promise.all(this.graphs.filter(g => g.edges.length > 0)
                .map(graph => untestedTraffic(store, context, graph, uncoveredEdges(graph, runFlowTests(graph)), filter))),
            unmatched: (await store.unmatchedSteps()).filter(u => context.hasFlow(u.flow)),
            experiments: this.graphs.some(g => g.boxes.some(b => b.kind === 'split'))
                ? (await store.experiments(context, filter)).map(e => ({ ...e, headline: experimentLensTitle(e) })) : undefined,
            insight: await insightNumbers(store, context, filter, segmentBy)
        };
    }

    /** What the server's BoxStatsRequest answers for the flow: per-box numbers and per-pair traffic. */
    async boxStats(filter: AnalyticsFilter = {}): Promise<{ stats: Record<string, BoxStats>; edges: EdgeTraffic[] }> {
        return { stats: await this.store.boxStats(this.context, filter), edges: await this.store.edges(this.context, filter) };
    }

    chats(drill: DrillDown, offset: number, limit: number, filter?: AnalyticsFilter): Promise<ChatPage> {
        return this.store.chats(this.context, drill, filter, { offset, limit });
    }

    transcript(chat: string): Promise<TranscriptEntry[]> {
        return this.store.transcript(chat);
    }

    async close(): Promise<void> {
        await this.store.close();
        rmSync(this.dir, { recursive: true, force: true });
    }
}
