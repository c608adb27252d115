import { FlowContext } from '../../analytics/flow-context.js';
import { untestedTraffic, type UntestedTraffic } from '../../analytics/untested-traffic.js';
import { uncoveredEdges } from '../../language/conversation-tests.js';
import type { FlowEdge } from '../../language/flow-model.js';
import { UsageError } from '../errors.js';
import { openCliStore, storeLocation } from '../store-args.js';
import type { CommandIO } from './io.js';
import { location, type FlowRun } from './test-run.js';

/** Transition coverage of one flow: its own transitions (not those of boxes of other flows it leads into). */
export interface FlowCoverage {
    flow: string;
    file: string;
    transitions: number;
    taken: number;
    percent: number;
    untaken: FlowEdge[];
    /** With --db: the real chats that take transitions no test takes. */
    traffic?: UntestedTraffic;
}

const TOP_UNTESTED = 5;

export function coverageOf(run: FlowRun): FlowCoverage {
    const graph = run.graph;
    const own = graph.edges.filter(e => !graph.boxes.find(b => b.id === e.from)?.external).length;
    const ids = new Set(uncoveredEdges(graph, run.outcomes));
    const untaken = graph.edges.filter(e => ids.has(e.id));
    const taken = own - untaken.length;
    return { flow: graph.flow, file: run.file, transitions: own, taken, percent: own === 0 ? 100 : (100 * taken) / own, untaken };
}

/** Weighs each flow's untaken transitions by the chats in the analytics database. */
export async function addTraffic(coverages: FlowCoverage[], runs: readonly FlowRun[], db: string, io: CommandIO): Promise<void> {
    const store = await openCliStore(storeLocation({ db }, io.cwd), 'existing', io.cwd);
    try {
        const context = new FlowContext(runs.map(r => r.graph));
        for (const [i, coverage] of coverages.entries()) {
            coverage.traffic = await untestedTraffic(store, context, runs[i].graph, coverage.untaken.map(e => e.id));
        }
    } finally {
        await store.close();
    }
}

/** The coverage lines. The first line of each flow is read by scripts: keep it exactly as it is. */
export function printCoverage(coverages: readonly FlowCoverage[], io: CommandIO, print = io.out): void {
    for (const coverage of coverages) {
        print(`Coverage of ${coverage.flow}: ${coverage.taken} of ${coverage.transitions} transitions taken by a test.`);
        for (const edge of coverage.untaken) print(`  not taken: ${describeEdge(edge)}  ${location(edge.range, io.cwd)}`);
        const traffic = coverage.traffic;
        if (!traffic) continue;
        print(`Untested traffic of ${coverage.flow}: ${formatPercent(traffic.percent)} of chats (${count(traffic.untestedChats)} of ${count(traffic.chats)}) take at least one transition no test takes.`);
        for (const edge of traffic.top.slice(0, TOP_UNTESTED)) {
            const described = coverage.untaken.find(e => e.id === edge.edge)!;
            print(`  ${count(edge.chats)} chat${edge.chats === 1 ? '' : 's'}: ${describeEdge(described)}  ${location(described.range, io.cwd)}`);
        }
        if (traffic.ambiguous.length > 0) {
            print(`  (${traffic.ambiguous.length} untested transition${traffic.ambiguous.length === 1 ? ' joins' : 's join'} the same boxes as a tested one; logs cannot tell them apart, so they are not counted)`);
        }
    }
}

export function coverageJson(coverages: readonly FlowCoverage[], cwd: string) {
    return coverages.map(c => ({
        flow: c.flow, file: c.file, transitions: c.transitions, taken: c.taken, percent: round(c.percent),
        untaken: c.untaken.map(e => ({ id: e.id, from: e.from, to: e.to, kind: e.kind, label: e.label, at: location(e.range, cwd) })),
        ...(c.traffic ? { traffic: { ...c.traffic, percent: round(c.traffic.percent) } } : {})
    }));
}

/** `--min-coverage 80`: a percentage from 0 to 100. */
export function parseMinCoverage(value: string): number {
    const percent = Number(value.replace(/%$/, ''));
    if (value.trim() === '' || !Number.isFinite(percent) || percent < 0 || percent > 100) {
        throw new UsageError(`--min-coverage takes a percentage from 0 to 100, like --min-coverage 80, not '${value}'.`);
    }
    return percent;
}

/** Every flow must reach the threshold; those below it are named with the transitions they miss (stderr). */
export function belowThreshold(coverages: readonly FlowCoverage[], min: number, io: CommandIO): FlowCoverage[] {
    const below = coverages.filter(c => c.percent < min);
    for (const coverage of below) {
        io.err(`Coverage of ${coverage.flow} is ${formatPercent(coverage.percent)} (${coverage.taken} of ${coverage.transitions} transitions), below --min-coverage ${min}%. Write tests that take:`);
        for (const edge of coverage.untaken) io.err(`  ${describeEdge(edge)}  ${location(edge.range, io.cwd)}`);
    }
    if (below.length > 0) io.err(`(chatflow test --generate prints tests that take them.)`);
    return below;
}

export function describeEdge(edge: FlowEdge): string {
    const label = edge.kind === 'else' ? ' (else)' : edge.label ? ` "${edge.label}"` : '';
    return `${edge.from} -> ${edge.to}${label}`;
}

function formatPercent(percent: number): string {
    return `${Number.isInteger(round(percent)) ? round(percent).toFixed(0) : round(percent).toFixed(1)}%`;
}

function round(percent: number): number {
    return Math.round(percent * 10) / 10;
}

function count(n: number): string {
    return n.toLocaleString('en-US');
}
