import * as assert from 'node:assert';
import { analyzeFlow } from '../../../language/flow-analysis.js';
import { dominators } from '../../../language/flow-dominators.js';
import type { BoxKind } from '../../../language/flow-model.js';

/** The fast paths of the analysis (dominators, bit vectors) against plain searches, on random graphs. */
describe('flow analysis agrees with brute force', () => {
    it('agrees with a brute-force search on 300 random flows (single and multiple assigners, two entries)', () => {
        let seed = 12345;
        const random = (n: number) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
        for (let round = 0; round < 300; round++) {
            const n = 3 + random(25);
            const ids = Array.from({ length: n }, (_, i) => `R.b${i}`);
            const edges: Array<{ from: string; to: string }> = [];
            for (let e = random(3 * n); e > 0; e--) edges.push({ from: ids[random(n)], to: ids[random(n)] });
            const variables = ['v0', 'v1', 'v2', 'v3'].map(name => ({ name, default: random(8) === 0 ? 'x' : undefined }));
            const boxes = ids.map(id => {
                const saves = random(4) === 0 ? `v${random(4)}` : undefined;
                return { id, kind: (saves ? 'input' : 'message') as BoxKind, goals: [], assignments: random(5) === 0 ? [{ variable: `v${random(4)}` }] : [], input: saves ? { variable: saves } : undefined };
            });
            const entries = [ids[random(n)]];
            const analysis = analyzeFlow({ start: ids[0], boxes, edges, variables }, entries);
            for (const variable of variables) {
                // Boxes a chat can enter without the variable having a value: search that never passes an assignment.
                const unassigned = new Set<string>();
                const queue = [ids[0], ...entries].filter(id => !boxes.find(b => b.id === id)!.assignments.some(a => a.variable === variable.name));
                for (const id of queue) unassigned.add(id);
                while (queue.length > 0) {
                    const next = queue.shift()!;
                    const box = boxes.find(b => b.id === next)!;
                    if (box.input?.variable === variable.name) continue;
                    for (const edge of edges.filter(e => e.from === box.id)) {
                        const target = boxes.find(b => b.id === edge.to)!;
                        if (unassigned.has(target.id) || target.assignments.some(a => a.variable === variable.name)) continue;
                        unassigned.add(target.id);
                        queue.push(target.id);
                    }
                }
                for (const id of analysis.reachable) {
                    const expected = variable.default !== undefined || !unassigned.has(id);
                    assert.strictEqual(analysis.isAssigned(id, variable.name), expected, `round ${round}: ${variable.name} at ${id}`);
                }
            }
        }
    });

    it('computes dominators that agree with a brute-force search on 300 random graphs', () => {
        let seed = 777;
        const random = (n: number) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
        const csr = (n: number, pairs: Array<[number, number]>): [Int32Array, Int32Array] => {
            const start = new Int32Array(n + 1);
            const lists = Array.from({ length: n }, () => [] as number[]);
            for (const [a, b] of pairs) lists[a].push(b);
            lists.forEach((list, i) => { start[i + 1] = start[i] + list.length; });
            return [start, Int32Array.from(lists.flat())];
        };
        for (let round = 0; round < 300; round++) {
            const n = 2 + random(60);
            const pairs: Array<[number, number]> = [];
            for (let e = random(4 * n); e > 0; e--) pairs.push([random(n), random(n)]);
            const entries = [...new Set([random(n), random(n)])].slice(0, 1 + random(2));
            const [outStart, outTargets] = csr(n, pairs);
            const [inStart, inSources] = csr(n, pairs.map(([a, b]) => [b, a]));
            const dominance = dominators(n, outStart, outTargets, inStart, inSources, entries);
            const reachableWithout = (removed: number): Set<number> => {
                const seen = new Set(entries.filter(e => e !== removed));
                const queue = [...seen];
                while (queue.length > 0) {
                    const v = queue.pop()!;
                    for (const [a, b] of pairs) if (a === v && b !== removed && !seen.has(b)) { seen.add(b); queue.push(b); }
                }
                return seen;
            };
            const reachable = reachableWithout(-1);
            for (let a = 0; a < n; a++) {
                const without = reachableWithout(a);
                for (let b = 0; b < n; b++) {
                    const expected = reachable.has(a) && reachable.has(b) && (a === b || !without.has(b));
                    assert.strictEqual(dominance.dominates(a, b), expected, `round ${round}: ${a} dominates ${b}`);
                }
            }
        }
    });
});
