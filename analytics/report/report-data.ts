import type { FlowGraph } from '../../language/flow-model.js';
import { FlowContext } from '../flow-context.js';
import type { AnalyticsFilter, BoxStats, DropOutDwell, EdgeTraffic, ExperimentResult, Funnel, GoalConversions, VersionComparison } from '../model.js';
import type { AnalyticsStore } from '../store.js';

export interface FlowReport {
    flow: string;
    label?: string;
    /** The flow's own boxes in source order, with their kind. */
    boxes: Array<BoxStats & { kind: string; label: string }>;
    conversions: GoalConversions[];
    funnels: Funnel[];
    edges: EdgeTraffic[];
    dwell: DropOutDwell[];
    /** The two most recent versions compared, when the range holds at least two. */
    versions: { a: string; b: string; goals: VersionComparison[] } | undefined;
    /** The flow's split boxes, analysed. */
    experiments: ExperimentResult[];
}

export interface ReportData {
    database: string;
    generated: string;
    filter: AnalyticsFilter;
    overview: { events: number; chats: number; first?: string; last?: string; imports: number };
    flows: FlowReport[];
}

/**
 * Everything `chatflow report` prints, gathered from the store for the given flows, all from one
 * snapshot of the database (an import committing meanwhile shows in the next report, not half in this one).
 */
export function buildReport(store: AnalyticsStore, graphs: readonly FlowGraph[], filter: AnalyticsFilter, database: string): Promise<ReportData> {
    return store.snapshot(() => gather(store, graphs, filter, database));
}

async function gather(store: AnalyticsStore, graphs: readonly FlowGraph[], filter: AnalyticsFilter, database: string): Promise<ReportData> {
    const flows: FlowReport[] = [];
    for (const graph of graphs) {
        const context = new FlowContext([graph]);
        const stats = await store.boxStats(context, filter);
        const conversions = await store.conversions(context, filter);
        const goals = conversions.map(c => c.goal);
        const funnels: Funnel[] = [];
        for (const goal of goals) funnels.push(await store.funnel(context, { goal }, filter));
        const own = new Set(graph.boxes.filter(b => !b.external).map(b => b.id));
        const edges = (await store.edges(context, filter)).filter(e => own.has(e.from) || own.has(e.to));
        const dwell = (await store.dwellBeforeDropOut(context, filter)).filter(d => own.has(d.box));
        const inRange = filter.version === undefined ? await store.versions(context, filter) : [];
        const pair = inRange.length >= 2 ? { a: inRange[inRange.length - 2].version, b: inRange[inRange.length - 1].version } : undefined;
        flows.push({
            flow: graph.flow,
            label: graph.label,
            boxes: graph.boxes.filter(b => !b.external).map(b => ({ ...stats[b.id], kind: b.kind, label: b.name })),
            conversions: conversions.filter(c => graph.goals.some(g => g.name === c.goal) || c.chats > 0),
            funnels,
            edges,
            dwell,
            versions: pair && { ...pair, goals: await store.compareVersions(context, pair.a, pair.b, filter) },
            experiments: await store.experiments(context, filter)
        });
    }
    return { database, generated: new Date().toISOString(), filter, overview: await store.overview(), flows };
}

/** Boxes with the most drop-outs, most first. */
export function topDropOuts(flow: FlowReport, count = 5): FlowReport['boxes'] {
    return flow.boxes.filter(b => b.dropOuts > 0).sort((a, b) => b.dropOuts - a.dropOuts || a.box.localeCompare(b.box)).slice(0, count);
}

export function percent(rate: number): string {
    return `${(rate * 100).toFixed(1)}%`;
}

/** The version comparison of one goal in words: the result of the test only when the samples suffice. */
export function comparisonInWords(comparison: VersionComparison): string {
    const { a, b, test } = comparison;
    const rates = `${b.version} ${percent(b.rate)} (${b.converted}/${b.chats}) vs ${a.version} ${percent(a.rate)} (${a.converted}/${a.chats})`;
    if (test.kind === 'insufficient-sample') return `${comparison.goal}: ${rates}: not enough chats to compare (${test.reason}).`;
    const points = `${test.difference >= 0 ? '+' : ''}${(test.difference * 100).toFixed(1)} points`;
    const p = test.pValue < 0.0001 ? 'p < 0.0001' : `p = ${test.pValue.toFixed(4)}`;
    return `${comparison.goal}: ${rates}, ${points}, z = ${test.z.toFixed(2)}, ${p}: ${test.significant ? 'a significant difference' : 'no significant difference'} at the 5% level.`;
}
