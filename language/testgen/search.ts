import { closesChat } from '../flow-model.js';
import type { PathState, SymbolicFlow } from './symbolic-flow.js';

/** How much a search may look at before it settles for what it found. */
export interface SearchLimits {
    /** Distinct states the breadth-first exploration visits. */
    states: number;
    /** States one completion to an end box looks at. */
    completion: number;
}

/** How many steps a transition still to be taken is worth: a detour that takes one more is welcome. */
const WANTED_BONUS = 2;

/** Wanted transitions a completion goes out of its way for, at most: tests stay readable, and the search short. */
const MAX_DETOUR_GAIN = 8;

export const DEFAULT_LIMITS: SearchLimits = { states: 20_000, completion: 4_000 };

export interface Exploration {
    /**
     * Per edge id: a path that takes it with answers found for every step: the shortest, unless a
     * longer one takes more `wanted` transitions on the way (each is worth WANTED_BONUS steps).
     */
    witness: Map<string, PathState>;
    /** Edges only taken by paths whose answers the solver could neither find nor rule out. */
    undecided: Set<string>;
    /** Boxes some explored path reached. */
    boxes: Set<string>;
    /** True when every state was seen and no alternative was cut: an edge never taken cannot be taken. */
    exhaustive: boolean;
}

/**
 * Breadth-first over symbolic states, from the start. States with the same signature go on
 * alike, so each is expanded once (from the path that took the most wanted transitions for its length);
 * the number of signatures is finite (values come from the flow's literals, atoms from its
 * conditions), so without the limit the search ends by itself.
 */
export function explore(flow: SymbolicFlow, limits: SearchLimits = DEFAULT_LIMITS, wanted: ReadonlySet<string> = new Set()): Exploration {
    const witness = new Map<string, PathState>();
    const gains = new Map<PathState, number>();
    const gainOf = (state: PathState): number => {
        let gain = gains.get(state);
        if (gain === undefined) {
            const parent = state.parent ? gainOf(state.parent) : 0;
            gain = parent + (state.edge && wanted.has(state.edge.id) && !takenBefore(state.parent, state.edge.id) ? 1 : 0);
            gains.set(state, gain);
        }
        return gain;
    };
    const score = (state: PathState) => WANTED_BONUS * gainOf(state) - state.depth;
    const undecided = new Set<string>();
    const boxes = new Set<string>();
    const first = flow.start();
    if (!first) return { witness, undecided, boxes, exhaustive: true };
    // Per signature, where its state is in the queue: while it waits there, a path to the same
    // state that took enough more wanted transitions to be worth its extra steps takes its place.
    const seen = new Map<string, number>([[flow.signature(first), 0]]);
    const queue: PathState[] = [first];
    let exhaustive = true;
    for (let head = 0; head < queue.length; head++) {
        boxes.add(queue[head].box);
        for (const { edge, next } of flow.successors(queue[head])) {
            if (next.alternatives.some(a => a.certain)) {
                const best = witness.get(edge.id);
                if (!best || score(next) > score(best)) witness.set(edge.id, next);
                undecided.delete(edge.id);
            } else if (!witness.has(edge.id)) {
                undecided.add(edge.id);
            }
            const signature = flow.signature(next);
            const at = seen.get(signature);
            if (at !== undefined) {
                if (at > head && score(next) > score(queue[at])) queue[at] = next;
                continue;
            }
            if (seen.size >= limits.states) {
                exhaustive = false;
                continue;
            }
            seen.set(signature, queue.length);
            queue.push(next);
        }
    }
    return { witness, undecided, boxes, exhaustive: exhaustive && flow.complete };
}


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

/** A binary min-heap by a key: the completion's open list. */
class MinHeap<T> {
    private readonly items: T[] = [];
    constructor(private readonly key: (item: T) => number) {}

    get size(): number {
        return this.items.length;
    }

    push(item: T): void {
        const items = this.items;
        items.push(item);
        for (let i = items.length - 1; i > 0;) {
            const parent = (i - 1) >> 1;
            if (this.key(items[parent]) <= this.key(items[i])) break;
            [items[parent], items[i]] = [items[i], items[parent]];
            i = parent;
        }
    }

    pop(): T | undefined {
        const items = this.items;
        const top = items[0];
        const last = items.pop();
        if (items.length > 0 && last !== undefined) {
            items[0] = last;
            for (let i = 0; ;) {
                const l = 2 * i + 1, r = l + 1;
                let smallest = i;
                if (l < items.length && this.key(items[l]) < this.key(items[smallest])) smallest = l;
                if (r < items.length && this.key(items[r]) < this.key(items[smallest])) smallest = r;
                if (smallest === i) break;
                [items[smallest], items[i]] = [items[i], items[smallest]];
                i = smallest;
            }
        }
        return top;
    }
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

function takenBefore(state: PathState | undefined, edge: string): boolean {
    for (let s = state; s; s = s.parent) if (s.edge?.id === edge) return true;
    return false;
}

/** The states of a path from its start, in order. */
export function pathOf(state: PathState): PathState[] {
    const states: PathState[] = [];
    for (let s: PathState | undefined = state; s; s = s.parent) states.push(s);
    return states.reverse();
}
