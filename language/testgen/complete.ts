import { closesChat } from '../flow-model.js';
import { WANTED_BONUS } from './explore.js';
import { MinHeap } from './min-heap.js';
import type { PathState, SymbolicFlow } from './symbolic-flow.js';

/** Wanted transitions a completion goes out of its way for, at most: tests stay readable, and the search short. */
const MAX_DETOUR_GAIN = 8;

/**
 * Goes on from `state` to a box that ends the chat (end or handoff), along transitions whose
 * answers can be found. Best first by cost = steps so far + distance to the nearest end box
 * - WANTED_BONUS per `wanted` transition taken on the way (up to MAX_DETOUR_GAIN of them), so the
 * path detours through transitions no test takes yet when that is cheap, and otherwise ends soon. Undefined when no end was found
 * within `limit` states.
 */
export function completeToEnd(flow: SymbolicFlow, state: PathState, distance: ReadonlyMap<string, number>, wanted: ReadonlySet<string>, limit: number): PathState | undefined {
    interface Entry { state: PathState; steps: number; taken: ReadonlySet<string>; cost: number }
    const heap = new MinHeap<Entry>(e => e.cost);
    const seen = new Set<string>();
    heap.push({ state, steps: 0, taken: new Set(), cost: distance.get(state.box) ?? Infinity });
    while (heap.size > 0 && seen.size < limit) {
        const { state: current, steps, taken } = heap.pop()!;
        const box = flow.box(current.box);
        if (box && closesChat(box.kind)) return current;
        const signature = flow.signature(current);
        if (seen.has(signature)) continue;
        seen.add(signature);
        for (const { edge, next } of flow.successors(current)) {
            const left = distance.get(edge.to);
            if (left === undefined || !next.alternatives.some(a => a.certain)) continue;
            const gained = wanted.has(edge.id) && !taken.has(edge.id);
            const nowTaken = gained ? new Set([...taken, edge.id]) : taken;
            heap.push({ state: next, steps: steps + 1, taken: nowTaken, cost: steps + 1 + left - WANTED_BONUS * Math.min(nowTaken.size, MAX_DETOUR_GAIN) });
        }
    }
    return undefined;
}

/** Boxes from which an end or handoff box can be reached, with the number of transitions to the nearest. */
export function distancesToEnd(flow: SymbolicFlow): Map<string, number> {
    const incoming = new Map<string, string[]>();
    for (const edge of flow.graph.edges) {
        const list = incoming.get(edge.to) ?? [];
        list.push(edge.from);
        incoming.set(edge.to, list);
    }
    const distance = new Map<string, number>();
    const queue: string[] = [];
    for (const box of flow.graph.boxes) {
        if (closesChat(box.kind)) { distance.set(box.id, 0); queue.push(box.id); }
    }
    for (let head = 0; head < queue.length; head++) {
        const id = queue[head];
        for (const from of incoming.get(id) ?? []) {
            if (distance.has(from)) continue;
            distance.set(from, distance.get(id)! + 1);
            queue.push(from);
        }
    }
    return distance;
}
