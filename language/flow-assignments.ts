import type { AnalysisGraph, IndexedGraph } from './flow-analysis.js';
import { dominators, type Dominance } from './flow-dominators.js';

/** How a variable gets its value: a default, or the boxes that `set` it (on entry) or `save` it (after the answer). */
interface Assigners { hasDefault: boolean; sets: number[]; saves: number[] }

/**
 * Must-assign analysis: is a variable set on every path from an entry to box b (counting `set`
 * in b itself, but not b's own `save`)? Near-linear on big flows, where every section brings its
 * own variables:
 * - a variable assigned by one box A (the usual case: one input saves it) is set at b exactly when
 *   A dominates b (strictly, for a save), answered from one dominator tree for all such variables;
 * - only variables assigned by several boxes go through a bit-vector dataflow with a worklist:
 *   IN(b) = AND of OUT(p) over reachable predecessors (nothing at entries); OUT(b) = IN(b) | set(b) | save(b).
 * Returns undefined for unreachable boxes and unknown variables.
 */
export function mustAssign(graph: AnalysisGraph, g: IndexedGraph, entries: number[], reached: Uint8Array): (box: number, variable: string) => boolean | undefined {
    const assigners = new Map<string, Assigners>();
    const of = (name: string): Assigners => {
        let a = assigners.get(name);
        if (!a) assigners.set(name, a = { hasDefault: false, sets: [], saves: [] });
        return a;
    };
    for (const variable of graph.variables) of(variable.name).hasDefault ||= variable.default !== undefined;
    graph.boxes.forEach((box, b) => {
        for (const a of box.assignments) of(a.variable).sets.push(b);
        if (box.input?.variable) of(box.input.variable).saves.push(b);
    });
    const multi = new Map<string, number>();
    let needsDominators = false;
    for (const [name, a] of assigners) {
        const count = a.sets.length + a.saves.length;
        if (a.hasDefault || count === 0) continue;
        if (count === 1) needsDominators = true; else multi.set(name, multi.size);
    }
    const dominance: Dominance | undefined = needsDominators
        ? dominators(g.ids.length, g.outStart, g.outTargets, g.inStart, g.inSources, entries) : undefined;
    const dataflow = multi.size > 0 ? multiAssignedDataflow(graph, g, entries, reached, multi) : undefined;
    return (b, name) => {
        const a = assigners.get(name);
        if (!a || !reached[b]) return undefined;
        if (a.hasDefault) return true;
        const m = multi.get(name);
        if (m !== undefined) return (dataflow!.atBox[b * dataflow!.words + (m >>> 5)] & (1 << (m & 31))) !== 0;
        if (a.sets.length === 1) return dominance!.dominates(a.sets[0], b);
        if (a.saves.length === 1) return a.saves[0] !== b && dominance!.dominates(a.saves[0], b);
        return false;
    };
}

/** Bit-vector must-assign over the variables in `ids` only; `atBox` holds IN(b) | set(b). */
function multiAssignedDataflow(graph: AnalysisGraph, g: IndexedGraph, entries: number[], reached: Uint8Array, ids: Map<string, number>): { words: number; atBox: Uint32Array } {
    const n = g.ids.length;
    const words = Math.ceil(ids.size / 32);
    const sets = new Uint32Array(n * words);
    const gen = new Uint32Array(n * words);
    const mark = (arr: Uint32Array, b: number, v: number | undefined) => { if (v !== undefined) arr[b * words + (v >>> 5)] |= 1 << (v & 31); };
    graph.boxes.forEach((box, b) => {
        for (const a of box.assignments) { mark(sets, b, ids.get(a.variable)); mark(gen, b, ids.get(a.variable)); }
        if (box.input?.variable) mark(gen, b, ids.get(box.input.variable));
    });
    const isEntry = new Uint8Array(n);
    for (const e of entries) isEntry[e] = 1;
    const out = new Uint32Array(n * words).fill(0xffffffff);
    const atBox = new Uint32Array(n * words);
    const inSet = new Uint32Array(words);
    const queue: number[] = [];
    const queued = new Uint8Array(n);
    for (let b = 0; b < n; b++) if (reached[b]) { queue.push(b); queued[b] = 1; }
    for (let head = 0; head < queue.length; head++) {
        const b = queue[head];
        queued[b] = 0;
        inSet.fill(isEntry[b] ? 0 : 0xffffffff);
        for (let e = g.inStart[b]; e < g.inStart[b + 1]; e++) {
            const p = g.inSources[e];
            if (!reached[p]) continue;
            for (let w = 0; w < words; w++) inSet[w] &= out[p * words + w];
        }
        let changed = false;
        for (let w = 0; w < words; w++) {
            const i = b * words + w;
            atBox[i] = inSet[w] | sets[i];
            const next = inSet[w] | gen[i];
            if (next !== out[i]) { out[i] = next; changed = true; }
        }
        if (!changed) continue;
        for (let e = g.outStart[b]; e < g.outStart[b + 1]; e++) {
            const t = g.outTargets[e];
            if (!queued[t] && reached[t]) { queued[t] = 1; queue.push(t); }
        }
    }
    return { words, atBox };
}
