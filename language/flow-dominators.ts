/**
 * Dominators of a graph given as compressed adjacency (CSR): box A dominates box B when every path
 * from an entry to B passes through A. Lengauer-Tarjan with path compression, O(E log N), written
 * without recursion so that chains of tens of thousands of boxes cannot overflow the stack.
 * Used by flow-analysis.ts: a variable assigned by one box is set at B exactly when that box dominates B.
 */
export interface Dominance {
    /** True when `a` dominates `b` (every box dominates itself). False when either is unreachable. */
    dominates(a: number, b: number): boolean;
}

/**
 * `n` boxes; successors of i are outTargets[outStart[i] .. outStart[i+1]), predecessors likewise;
 * `entries` are where chats begin (a virtual root leads to each of them).
 */
export function dominators(n: number, outStart: Int32Array, outTargets: Int32Array, inStart: Int32Array, inSources: Int32Array, entries: number[]): Dominance {
    const root = n;
    const none = -1;
    // Depth-first numbering from the virtual root (which leads to every entry).
    const dfnum = new Int32Array(n + 1).fill(none);
    const vertex = new Int32Array(n + 1);
    const parent = new Int32Array(n + 1).fill(none);
    let count = 0;
    const stack: number[] = [root];
    const parentOf: number[] = [none];
    while (stack.length > 0) {
        const v = stack.pop()!;
        const p = parentOf.pop()!;
        if (dfnum[v] !== none) continue;
        dfnum[v] = count;
        vertex[count++] = v;
        parent[v] = p;
        const successors = v === root ? entries : outTargets.subarray(outStart[v], outStart[v + 1]);
        for (let i = successors.length - 1; i >= 0; i--) {
            if (dfnum[successors[i]] === none) { stack.push(successors[i]); parentOf.push(v); }
        }
    }
    const isEntry = new Uint8Array(n + 1);
    for (const e of entries) isEntry[e] = 1;
    const semi = new Int32Array(n + 1).fill(none);
    const ancestor = new Int32Array(n + 1).fill(none);
    const label = new Int32Array(n + 1);
    const idom = new Int32Array(n + 1).fill(none);
    const bucketHead = new Int32Array(n + 1).fill(none);
    const bucketNext = new Int32Array(n + 1).fill(none);
    for (let i = 0; i < count; i++) { semi[vertex[i]] = i; label[vertex[i]] = vertex[i]; }
    const path: number[] = [];
    const evaluate = (v: number): number => {
        if (ancestor[v] === none) return v;
        // Iterative path compression: walk up to the forest root, then fold labels downwards.
        for (let x = v; ancestor[ancestor[x]] !== none; x = ancestor[x]) path.push(x);
        while (path.length > 0) {
            const x = path.pop()!;
            const a = ancestor[x];
            if (semi[label[a]] < semi[label[x]]) label[x] = label[a];
            ancestor[x] = ancestor[a];
        }
        return label[v];
    };
    for (let i = count - 1; i >= 1; i--) {
        const w = vertex[i];
        const predecessors = isEntry[w] ? [root] : [];
        for (let e = inStart[w]; e < inStart[w + 1]; e++) predecessors.push(inSources[e]);
        for (const v of predecessors) {
            if (dfnum[v] === none) continue;
            const u = evaluate(v);
            if (semi[u] < semi[w]) semi[w] = semi[u];
        }
        const s = vertex[semi[w]];
        bucketNext[w] = bucketHead[s];
        bucketHead[s] = w;
        const p = parent[w];
        ancestor[w] = p;
        for (let v = bucketHead[p]; v !== none; v = bucketNext[v]) {
            const u = evaluate(v);
            idom[v] = semi[u] < semi[v] ? u : p;
        }
        bucketHead[p] = none;
    }
    for (let i = 1; i < count; i++) {
        const w = vertex[i];
        if (idom[w] !== vertex[semi[w]]) idom[w] = idom[idom[w]];
    }
    return treeIntervals(n, idom, dfnum, vertex, count);
}

/** Numbers the dominator tree in pre- and post-order, so that a dominance query is two comparisons. */
function treeIntervals(n: number, idom: Int32Array, dfnum: Int32Array, vertex: Int32Array, count: number): Dominance {
    const childHead = new Int32Array(n + 1).fill(-1);
    const childNext = new Int32Array(n + 1).fill(-1);
    for (let i = 1; i < count; i++) {
        const w = vertex[i];
        childNext[w] = childHead[idom[w]];
        childHead[idom[w]] = w;
    }
    const pre = new Int32Array(n + 1).fill(-1);
    const post = new Int32Array(n + 1).fill(-1);
    let clock = 0;
    const stack: number[] = [n];
    const cursor = new Int32Array(n + 1).fill(-2);
    while (stack.length > 0) {
        const v = stack[stack.length - 1];
        if (cursor[v] === -2) { pre[v] = clock++; cursor[v] = childHead[v]; }
        const child = cursor[v];
        if (child === -1) { post[v] = clock++; stack.pop(); continue; }
        cursor[v] = childNext[child];
        stack.push(child);
    }
    return {
        dominates: (a, b) => dfnum[a] !== -1 && dfnum[b] !== -1 && pre[a] <= pre[b] && post[b] <= post[a]
    };
}
