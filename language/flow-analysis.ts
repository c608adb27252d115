import type { BoxKind } from './flow-model.js';
import { mustAssign } from './flow-assignments.js';
import { trappedLoops } from './flow-loops.js';

/**
 * What the analysis reads of a flow: a FlowGraph satisfies it, and so does the slimmer graph the
 * validator builds without source ranges (language/validation/analysis-graph.ts).
 */
export interface AnalysisGraph {
    start?: string;
    boxes: ReadonlyArray<{ id: string; kind: BoxKind; goals: readonly string[]; assignments: ReadonlyArray<{ variable: string }>; input?: { variable?: string } }>;
    edges: ReadonlyArray<{ from: string; to: string }>;
    variables: ReadonlyArray<{ name: string; default?: unknown }>;
}

/**
 * Pure graph analysis over a FlowGraph: which boxes a chat can reach, which boxes lead nowhere,
 * which loops no chat can leave, and which variables are assigned on every path to a box.
 * Every algorithm is linear in boxes + edges (times the variable count / 32 for the dataflow) and
 * iterative, so flows of tens of thousands of boxes neither slow down nor overflow the stack.
 */

export interface FlowAnalysis {
    /** Box ids a chat can reach from the start or from an extra entry. */
    reachable: Set<string>;
    /** Non-terminal boxes with no way on (terminal: end, handoff). */
    deadEnds: string[];
    /** Reachable loops (box ids in graph order) with no edge leading out and no terminal box. */
    trappedLoops: string[][];
    /** Per goal: the boxes of the graph that mark it, and whether any of them is reachable. */
    goals: Map<string, { markedBy: string[]; reachable: boolean }>;
    /**
     * True when `variable` holds a value on every path from an entry to `box`, counting its default,
     * `save` of earlier inputs and `set` (including the box's own). Undefined for unreachable boxes
     * and unknown variables.
     */
    isAssigned(box: string, variable: string): boolean | undefined;
}

const TERMINAL = new Set(['end', 'handoff']);

/** Analyses a flow graph. `entries` are boxes entered from elsewhere (e.g. other flows), besides the start. */
export function analyzeFlow(graph: AnalysisGraph, entries: Iterable<string> = []): FlowAnalysis {
    const indexed = indexGraph(graph);
    const seeds: number[] = [];
    const startIndex = graph.start !== undefined ? indexed.index.get(graph.start) : undefined;
    if (startIndex !== undefined) seeds.push(startIndex);
    for (const entry of entries) {
        const i = indexed.index.get(entry);
        if (i !== undefined) seeds.push(i);
    }
    const reached = reach(indexed, seeds);
    const reachable = new Set<string>();
    for (let i = 0; i < indexed.ids.length; i++) if (reached[i]) reachable.add(indexed.ids[i]);
    const assigned = mustAssign(graph, indexed, seeds, reached);
    return {
        reachable,
        deadEnds: graph.boxes.filter((box, i) => !TERMINAL.has(box.kind) && indexed.outStart[i] === indexed.outStart[i + 1]).map(b => b.id),
        trappedLoops: trappedLoops(indexed, reached),
        goals: goalReachability(graph, reachable),
        isAssigned: (box, variable) => {
            const b = indexed.index.get(box);
            return b === undefined ? undefined : assigned(b, variable);
        }
    };
}

/** Compressed adjacency (CSR) of a graph, with box ids mapped to dense indices. */
export interface IndexedGraph {
    ids: string[];
    index: Map<string, number>;
    /** Successors of box i: outTargets[outStart[i] .. outStart[i+1]). */
    outStart: Int32Array;
    outTargets: Int32Array;
    inStart: Int32Array;
    inSources: Int32Array;
}

function indexGraph(graph: AnalysisGraph): IndexedGraph {
    const ids = graph.boxes.map(b => b.id);
    const index = new Map<string, number>();
    ids.forEach((id, i) => { if (!index.has(id)) index.set(id, i); });
    const froms = new Int32Array(graph.edges.length);
    const tos = new Int32Array(graph.edges.length);
    let count = 0;
    for (const edge of graph.edges) {
        const from = index.get(edge.from);
        const to = index.get(edge.to);
        if (from === undefined || to === undefined) continue;
        froms[count] = from;
        tos[count++] = to;
    }
    const [outStart, outTargets] = csr(ids.length, froms.subarray(0, count), tos.subarray(0, count));
    const [inStart, inSources] = csr(ids.length, tos.subarray(0, count), froms.subarray(0, count));
    return { ids, index, outStart, outTargets, inStart, inSources };
}

/** Adjacency lists of `keys -> values` in one array, sliced by `start`. */
function csr(n: number, keys: Int32Array, values: Int32Array): [Int32Array, Int32Array] {
    const start = new Int32Array(n + 1);
    for (const key of keys) start[key + 1]++;
    for (let i = 0; i < n; i++) start[i + 1] += start[i];
    const fill = start.slice(0, n);
    const targets = new Int32Array(keys.length);
    keys.forEach((key, e) => { targets[fill[key]++] = values[e]; });
    return [start, targets];
}

function reach(g: IndexedGraph, seeds: number[]): Uint8Array {
    const seen = new Uint8Array(g.ids.length);
    const stack = [...seeds];
    for (const s of seeds) seen[s] = 1;
    while (stack.length > 0) {
        const b = stack.pop()!;
        for (let e = g.outStart[b]; e < g.outStart[b + 1]; e++) {
            const t = g.outTargets[e];
            if (!seen[t]) { seen[t] = 1; stack.push(t); }
        }
    }
    return seen;
}

function goalReachability(graph: AnalysisGraph, reachable: Set<string>): FlowAnalysis['goals'] {
    const goals: FlowAnalysis['goals'] = new Map();
    for (const box of graph.boxes) {
        for (const goal of box.goals) {
            let entry = goals.get(goal);
            if (!entry) goals.set(goal, entry = { markedBy: [], reachable: false });
            entry.markedBy.push(box.id);
            if (reachable.has(box.id)) entry.reachable = true;
        }
    }
    return goals;
}
