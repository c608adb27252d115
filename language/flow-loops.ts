import type { IndexedGraph } from './flow-analysis.js';

/**
 * Strongly connected components (iterative Tarjan) among reachable boxes that form a loop
 * (more than one box, or a box leading to itself) and have no edge leaving the component.
 */
export function trappedLoops(g: IndexedGraph, reached: Uint8Array): string[][] {
    const n = g.ids.length;
    const order = new Int32Array(n).fill(-1);
    const low = new Int32Array(n);
    const onStack = new Uint8Array(n);
    const component = new Int32Array(n).fill(-1);
    const sccStack: number[] = [];
    const callStack: number[] = [];
    const edgeCursor = new Int32Array(n);
    const components: number[][] = [];
    let counter = 0;
    for (let root = 0; root < n; root++) {
        if (!reached[root] || order[root] !== -1) continue;
        callStack.push(root);
        order[root] = low[root] = counter++;
        edgeCursor[root] = g.outStart[root];
        sccStack.push(root); onStack[root] = 1;
        while (callStack.length > 0) {
            const v = callStack[callStack.length - 1];
            if (edgeCursor[v] < g.outStart[v + 1]) {
                const w = g.outTargets[edgeCursor[v]++];
                if (order[w] === -1) {
                    order[w] = low[w] = counter++;
                    edgeCursor[w] = g.outStart[w];
                    sccStack.push(w); onStack[w] = 1;
                    callStack.push(w);
                } else if (onStack[w] && order[w] < low[v]) {
                    low[v] = order[w];
                }
                continue;
            }
            callStack.pop();
            if (callStack.length > 0) {
                const parent = callStack[callStack.length - 1];
                if (low[v] < low[parent]) low[parent] = low[v];
            }
            if (low[v] === order[v]) {
                const members: number[] = [];
                let w: number;
                do {
                    w = sccStack.pop()!;
                    onStack[w] = 0;
                    component[w] = components.length;
                    members.push(w);
                } while (w !== v);
                components.push(members);
            }
        }
    }
    const result: string[][] = [];
    components.forEach((members, c) => {
        let loops = members.length > 1;
        let exits = false;
        for (const m of members) {
            for (let e = g.outStart[m]; e < g.outStart[m + 1]; e++) {
                const t = g.outTargets[e];
                if (component[t] !== c) exits = true;
                else if (t === m) loops = true;
            }
        }
        if (loops && !exits) result.push(members.sort((a, b) => a - b).map(m => g.ids[m]));
    });
    return result;
}
