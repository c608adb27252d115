import type { FlowGraph } from '../../language/flow-model.js';
import { FlowContext } from '../flow-context.js';
import type {
    AnalyticsFilter, BoxStats, CompletePath, DropOutDwell, EdgeTraffic, ExperimentResult, Funnel, GoalConversions, OutcomeCounts, Outcomes,
    ProblemBox, SegmentBy, TimeToConvert, VersionComparison
} from '../model.js';
import { compareSegments } from '../segment-comparison.js';
import type { SegmentDifference } from '../segment-significance.js';
import type { AnalyticsStore } from '../store.js';

/** The complete paths a report lists per flow (and per segment). */
export const REPORT_PATHS = 10;

/** The numbers of a flow's chats (all of them, or one segment's): counts that add up across segments, and distributions. */
export interface FlowNumbers {
    /** Chats that started in the flow: the outcomes add up to it. */
    chats: number;
    outcomes: OutcomeCounts;
    /** Per day the chats started: the outcomes' trend. */
    outcomeDays: Outcomes['days'];
    /** The flow's own boxes in source order, with their kind. */
    boxes: Array<BoxStats & { kind: string; label: string }>;
    conversions: GoalConversions[];
    edges: EdgeTraffic[];
    dwell: DropOutDwell[];
    /** Boxes with drop-outs, retries or repeats, ranked by lost conversions: fix these first. */
    fixFirst: ProblemBox[];
    /** The most taken complete paths, with conversions. */
    paths: CompletePath[];
    timeToConvert: TimeToConvert[];
}

/** One value of `--segment`: the same numbers as the flow's totals, for its chats only; the segments add up to the totals. */
export interface SegmentReport extends FlowNumbers {
    segment: SegmentBy;
    /** null: the chats with no value (no channel logged, the variable never answered). */
    value: string | null;
    /** Its conversion rate per goal, and its outcome rates, against the other segments (Benjamini–Hochberg over all of them). */
    differences: SegmentDifference[];
}

export interface FlowReport extends FlowNumbers {
    flow: string;
    label?: string;
    funnels: Funnel[];
    /** The two most recent versions compared, when the range holds at least two. */
    versions: { a: string; b: string; goals: VersionComparison[] } | undefined;
    /** The flow's split boxes, analysed. */
    experiments: ExperimentResult[];
    /** With `--segment`: one entry per value. */
    segments?: SegmentReport[];
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
export function buildReport(store: AnalyticsStore, graphs: readonly FlowGraph[], filter: AnalyticsFilter, database: string, segment?: SegmentBy): Promise<ReportData> {
    return store.snapshot(() => gather(store, graphs, filter, database, segment));
}

async function gather(store: AnalyticsStore, graphs: readonly FlowGraph[], filter: AnalyticsFilter, database: string, segment?: SegmentBy): Promise<ReportData> {
    const flows: FlowReport[] = [];
    for (const graph of graphs) {
        const context = new FlowContext([graph]);
        const numbers = await flowNumbers(store, graph, context, filter);
        const funnels: Funnel[] = [];
        for (const goal of numbers.conversions.map(c => c.goal)) funnels.push(await store.funnel(context, { goal }, filter));
        const inRange = filter.version === undefined ? await store.versions(context, filter) : [];
        const pair = inRange.length >= 2 ? { a: inRange[inRange.length - 2].version, b: inRange[inRange.length - 1].version } : undefined;
        flows.push({
            flow: graph.flow,
            label: graph.label,
            ...numbers,
            funnels,
            versions: pair && { ...pair, goals: await store.compareVersions(context, pair.a, pair.b, filter) },
            experiments: await store.experiments(context, filter),
            ...(segment ? { segments: await segmentReports(store, graph, context, filter, segment) } : {})
        });
    }
    return { database, generated: new Date().toISOString(), filter, overview: await store.overview(), flows };
}

/** The numbers of the flow's chats under `filter` (all chats, or one segment's). */
async function flowNumbers(store: AnalyticsStore, graph: FlowGraph, context: FlowContext, filter: AnalyticsFilter): Promise<FlowNumbers> {
    const stats = await store.boxStats(context, filter);
    const conversions = await store.conversions(context, filter);
    const own = new Set(graph.boxes.filter(b => !b.external).map(b => b.id));
    const { days, chats, ...outcomes } = await store.outcomes(context, filter);
    return {
        chats,
        outcomes,
        outcomeDays: days,
        boxes: graph.boxes.filter(b => !b.external).map(b => ({ ...stats[b.id], kind: b.kind, label: b.name })),
        conversions: conversions.filter(c => graph.goals.some(g => g.name === c.goal) || c.chats > 0),
        edges: (await store.edges(context, filter)).filter(e => own.has(e.from) || own.has(e.to)),
        dwell: (await store.dwellBeforeDropOut(context, filter)).filter(d => own.has(d.box)),
        fixFirst: await store.fixFirst(context, filter),
        paths: await store.completePaths(context, REPORT_PATHS, filter),
        timeToConvert: await store.timeToConvert(context, filter)
    };
}

/** Every value of the segment with its numbers, and how its rates differ from the other segments'. */
async function segmentReports(store: AnalyticsStore, graph: FlowGraph, context: FlowContext, filter: AnalyticsFilter, by: SegmentBy): Promise<SegmentReport[]> {
    const values = await store.segmentValues(context, by, filter);
    const reports: Array<Omit<SegmentReport, 'differences'>> = [];
    for (const { value } of values) {
        reports.push({ segment: by, value, ...await flowNumbers(store, graph, context, { ...filter, segment: { by, value } }) });
    }
    const differences = compareSegments(reports);
    return reports.map((report, i) => ({ ...report, differences: differences[i] }));
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
