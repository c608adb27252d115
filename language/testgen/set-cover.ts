import type { GeneratedTest } from './generated-test.js';

/**
 * Greedy set cover: repeatedly the test that takes the most targets not yet taken (fewer steps on
 * a tie). Lazily: a test's gain only shrinks as others are chosen, so a recomputed gain that still
 * beats every other test's last known gain is the best.
 */
export function setCover(candidates: GeneratedTest[], targets: ReadonlySet<string>): GeneratedTest[] {
    const chosen: GeneratedTest[] = [];
    const left = new Set(targets);
    const pool = candidates.map(test => {
        const edges = [...new Set(test.edges.filter(e => targets.has(e)))];
        return { test, edges, gain: edges.length };
    });
    const better = (a: typeof pool[number], b: typeof pool[number]) => b.gain - a.gain || a.test.steps.length - b.test.steps.length;
    pool.sort(better);
    while (left.size > 0 && pool.length > 0) {
        const top = pool[0];
        top.gain = top.edges.reduce((n, e) => n + (left.has(e) ? 1 : 0), 0);
        if (pool.length > 1 && better(top, pool[1]) > 0) {
            // Stale: put it back in its place and look again.
            pool.shift();
            const at = pool.findIndex(c => better(top, c) <= 0);
            pool.splice(at < 0 ? pool.length : at, 0, top);
            continue;
        }
        pool.shift();
        if (top.gain === 0) break;
        chosen.push(top.test);
        top.edges.forEach(e => left.delete(e));
    }
    // In the order the flow reads: by the first target each takes.
    const order = new Map([...targets].map((id, i) => [id, i]));
    const first = (t: GeneratedTest) => Math.min(...t.edges.map(e => order.get(e) ?? Infinity));
    return chosen.map(t => ({ t, at: first(t) })).sort((a, b) => a.at - b.at).map(x => x.t);
}
