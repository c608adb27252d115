import type { FlowContext } from './flow-context.js';
import type { EdgeTraffic } from './model.js';

/**
 * The path a goal's funnel follows when the caller names none: from the flow's start to a box
 * marking the goal, over the edges taken by chats that converted on the goal, the path whose
 * least-taken edge is taken by the most of them (the widest path; ties: fewer steps, then box
 * ids). Without such traffic, the flow's shortest path.
 */
export function funnelPath(context: FlowContext, goal: string, traffic: ReadonlyArray<Pick<EdgeTraffic, 'from' | 'to' | 'chats'>>): { steps: string[]; path: 'observed' | 'shortest' } {
    const targets = new Set(context.goalBoxes().get(goal) ?? []);
    const start = startFor(context, targets);
    if (!start || targets.size === 0) return { steps: [], path: 'shortest' };
    const observed = widestPath(start, targets, traffic.filter(e => e.chats > 0).map(e => ({ from: e.from, to: e.to, weight: e.chats })));
    if (observed) return { steps: observed, path: 'observed' };
    const edges = [...context.flows.values()].flatMap(g => g.edges).map(e => ({ from: e.from, to: e.to, weight: 1 }));
    return { steps: widestPath(start, targets, edges) ?? [], path: 'shortest' };
}

/** The start of the flow that owns a box marking the goal (else of any flow reaching one). */
function startFor(context: FlowContext, targets: Set<string>): string | undefined {
    const graphs = [...context.flows.values()].filter(g => g.start);
    const owner = graphs.find(g => g.boxes.some(b => targets.has(b.id) && !b.external))
        ?? graphs.find(g => g.boxes.some(b => targets.has(b.id)));
    return owner?.start;
}

interface WeightedEdge { from: string; to: string; weight: number }

function widestPath(start: string, targets: Set<string>, edges: readonly WeightedEdge[]): string[] | undefined {
    const outgoing = new Map<string, WeightedEdge[]>();
    for (const edge of edges) {
        if (edge.from === edge.to) continue;
        const list = outgoing.get(edge.from) ?? [];
        list.push(edge);
        outgoing.set(edge.from, list);
    }
    const best = new Map<string, { width: number; hops: number; previous?: string }>([[start, { width: Infinity, hops: 0 }]]);
    const done = new Set<string>();
    for (;;) {
        let current: string | undefined;
        for (const [box, label] of best) {
            if (done.has(box)) continue;
            const chosen = current === undefined ? undefined : best.get(current)!;
            if (!chosen || better(label, chosen) || (!better(chosen, label) && box < current!)) current = box;
        }
        if (current === undefined) return undefined;
        if (targets.has(current)) return trace(best, current);
        done.add(current);
        const here = best.get(current)!;
        for (const edge of outgoing.get(current) ?? []) {
            if (done.has(edge.to)) continue;
            const width = Math.min(here.width, edge.weight);
            const known = best.get(edge.to);
            if (!known || better({ width, hops: here.hops + 1 }, known)) {
                best.set(edge.to, { width, hops: here.hops + 1, previous: current });
            }
        }
    }
}

function better(a: { width: number; hops: number }, b: { width: number; hops: number }): boolean {
    return a.width > b.width || (a.width === b.width && a.hops < b.hops);
}

function trace(best: Map<string, { previous?: string }>, end: string): string[] {
    const steps = [end];
    for (let box = best.get(end)?.previous; box !== undefined; box = best.get(box)?.previous) steps.unshift(box);
    return steps;
}
