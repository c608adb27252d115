import type { ConditionExpr, LiteralValue, VariableType } from '../flow-model.js';
import { MinHeap } from './min-heap.js';
import { joinInto, single, type FeasibilityGraph, type Source, type Sources } from './value-sources.js';

/** What the forward dataflow found: per condition box, the sources of each variable conditions read. */
export interface ValueFlow {
    /** The variables conditions read, in the order of each Sources array. */
    names: string[];
    index: Map<string, number>;
    /** Outgoing edge indices per box index. */
    outgoing: number[][];
    /** The sources at a box once its `set`s ran; undefined for a box no path reaches. */
    at(box: number): Sources | undefined;
}

/**
 * Where each variable a condition reads may get its value, at every box, over all paths: a
 * forward dataflow from the start (defaults, or unset) and from `entries` (anything of the type),
 * through `set` (the literal) and `save` (the input's answer), joined where paths meet. The
 * sources are finite (the flow's literals and inputs), so the worklist ends. Undefined when no
 * condition reads a variable.
 */
export function valueFlow(graph: FeasibilityGraph, entries: Iterable<string>): ValueFlow | undefined {
    const read = readVariables(graph);
    if (read.size === 0) return undefined;
    const names = [...read];
    const index = new Map(names.map((n, i) => [n, i]));
    const types = new Map(graph.variables.map(v => [v.name, (v.type ?? 'text') as VariableType]));
    const boxIndex = new Map(graph.boxes.map((b, i) => [b.id, i]));
    const outgoing = graph.boxes.map(() => [] as number[]);
    graph.edges.forEach((edge, e) => {
        const from = boxIndex.get(edge.from);
        if (from !== undefined && boxIndex.has(edge.to)) outgoing[from].push(e);
    });
    const atEntry: Array<Sources | undefined> = graph.boxes.map(() => undefined);
    // Boxes in reverse postorder of a walk from the start: taken in that order, a box is mostly
    // analysed after every box leading into it (once, not once per path that reaches it), and
    // queued at most once at a time. A last-in-first-out list re-analysed boxes quadratically.
    const order = reversePostorder(graph.boxes.length, outgoing.map(edges => edges.map(e => boxIndex.get(graph.edges[e].to)!)),
        [graph.start, ...entries].flatMap(id => (id === undefined || !boxIndex.has(id) ? [] : [boxIndex.get(id)!])));
    const queue = new MinHeap<number>(box => order[box]);
    const queued = new Uint8Array(graph.boxes.length);
    const seed = (box: number | undefined, sources: Sources) => {
        if (box === undefined) return;
        let changed: boolean;
        if (!atEntry[box]) {
            // The first way in: its sources, shared (joinInto replaces a map rather than change it).
            atEntry[box] = [...sources];
            changed = true;
        } else {
            changed = joinInto(atEntry[box]!, sources);
        }
        if (changed && !queued[box]) {
            queued[box] = 1;
            queue.push(box);
        }
    };
    const defaults = new Map(graph.variables.map(v => [v.name, v.default]));
    seed(graph.start === undefined ? undefined : boxIndex.get(graph.start), names.map(name => {
        const value = defaults.get(name);
        return single(value === undefined ? { kind: 'unset' } : { kind: 'value', value: value as LiteralValue, boxes: [''] });
    }));
    for (const entry of entries) {
        seed(boxIndex.get(entry), names.map(name => new Map<string, Source>([['unset', { kind: 'unset' }], [`*${types.get(name)}`, { kind: 'any', spec: { type: types.get(name) ?? 'text' } }]])));
    }
    const after = (b: number) => afterAssignments(graph, b, atEntry[b]!, index, types);
    while (queue.size > 0) {
        const b = queue.pop()!;
        queued[b] = 0;
        const box = graph.boxes[b];
        let out = after(b);
        const saved = box.input?.variable === undefined ? undefined : index.get(box.input.variable);
        if (box.kind === 'input' && saved !== undefined) {
            out = [...out];
            out[saved] = single({ kind: 'answer', spec: { type: box.input?.type ?? 'text', validation: box.input?.validation }, boxes: [box.id] });
        }
        for (const e of outgoing[b]) seed(boxIndex.get(graph.edges[e].to), out);
    }
    return { names, index, outgoing, at: b => (atEntry[b] ? after(b) : undefined) };
}

/** The sources once the box's `set` statements ran (a `set` whose value is still being typed may set anything). */
function afterAssignments(graph: FeasibilityGraph, b: number, sources: Sources, index: Map<string, number>, types: Map<string, VariableType>): Sources {
    const box = graph.boxes[b];
    if (box.assignments.length === 0) return sources;
    const out = [...sources];
    for (const assignment of box.assignments) {
        const i = index.get(assignment.variable);
        if (i === undefined) continue;
        out[i] = single(assignment.value !== undefined
            ? { kind: 'value', value: assignment.value, boxes: [box.id] }
            : { kind: 'any', spec: { type: types.get(assignment.variable) ?? 'text' } });
    }
    return out;
}

function readVariables(graph: FeasibilityGraph): Set<string> {
    const read = new Set<string>();
    for (const edge of graph.edges) if (edge.condition) variablesOf(edge.condition).forEach(v => read.add(v));
    const declared = new Set(graph.variables.map(v => v.name));
    return new Set([...read].filter(v => declared.has(v)));
}

export function variablesOf(condition: ConditionExpr, into = new Set<string>()): Set<string> {
    switch (condition.op) {
        case 'and': case 'or': variablesOf(condition.left, into); variablesOf(condition.right, into); break;
        case 'not': variablesOf(condition.operand, into); break;
        case 'compare': into.add(condition.variable);
    }
    return into;
}

/** Each box's position in reverse postorder of depth-first walks from `roots` (boxes no walk reaches come last). */
function reversePostorder(count: number, successors: readonly number[][], roots: readonly number[]): Int32Array {
    const order = new Int32Array(count).fill(count);
    const visited = new Uint8Array(count);
    const post: number[] = [];
    for (const root of roots) {
        if (visited[root]) continue;
        // Iterative: a flow of 10,000 boxes would overflow the stack of a recursive walk.
        const stack: Array<[number, number]> = [[root, 0]];
        visited[root] = 1;
        while (stack.length > 0) {
            const top = stack[stack.length - 1];
            const next = successors[top[0]][top[1]++];
            if (next === undefined) {
                post.push(top[0]);
                stack.pop();
            } else if (!visited[next]) {
                visited[next] = 1;
                stack.push([next, 0]);
            }
        }
    }
    post.reverse().forEach((box, i) => { order[box] = i; });
    return order;
}
