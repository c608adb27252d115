import { closesChat } from '../flow-model.js';
import type { PathState, SymbolicFlow } from './symbolic-flow.js';

/** How much a search may look at before it settles for what it found. */
export interface SearchLimits {
    /** Distinct states the breadth-first exploration visits. */
    states: number;
    /** States one completion to an end box looks at. */
    completion: number;
}

export const DEFAULT_LIMITS: SearchLimits = { states: 20_000, completion: 4_000 };

export interface Exploration {
    /** Per edge id: the first (so shortest) path that takes it with answers found for every step. */
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
 * alike, so each is expanded once; the number of signatures is finite (values come from the
 * flow's literals, atoms from its conditions), so without the limit the search ends by itself.
 */
export function explore(flow: SymbolicFlow, limits: SearchLimits = DEFAULT_LIMITS): Exploration {
    const witness = new Map<string, PathState>();
    const undecided = new Set<string>();
    const boxes = new Set<string>();
    const first = flow.start();
    if (!first) return { witness, undecided, boxes, exhaustive: true };
    const seen = new Set<string>([flow.signature(first)]);
    const queue: PathState[] = [first];
    let exhaustive = true;
    for (let head = 0; head < queue.length; head++) {
        boxes.add(queue[head].box);
        for (const { edge, next } of flow.successors(queue[head])) {
            if (next.alternatives.some(a => a.certain)) {
                if (!witness.has(edge.id)) witness.set(edge.id, next);
                undecided.delete(edge.id);
            } else if (!witness.has(edge.id)) {
                undecided.add(edge.id);
            }
            const signature = flow.signature(next);
            if (seen.has(signature)) continue;
            if (seen.size >= limits.states) {
                exhaustive = false;
                continue;
            }
            seen.add(signature);
            queue.push(next);
        }
    }
    return { witness, undecided, boxes, exhaustive: exhaustive && flow.complete };
}

/**
 * Goes on from `state` to a box that ends the chat (end or handoff), along transitions whose
 * answers can be found: depth-first, nearest end box first (by the graph's distances), taking
 * `prefer`red edges first among equals. Undefined when no such continuation was found.
 */
export function completeToEnd(flow: SymbolicFlow, state: PathState, distance: ReadonlyMap<string, number>, prefer: ReadonlySet<string>, limit: number): PathState | undefined {
    const seen = new Set<string>();
    const stack: PathState[] = [state];
    while (stack.length > 0 && seen.size < limit) {
        const current = stack.pop()!;
        const box = flow.box(current.box);
        if (box && closesChat(box.kind)) return current;
        const signature = flow.signature(current);
        if (seen.has(signature)) continue;
        seen.add(signature);
        const next = flow.successors(current)
            .filter(s => s.next.alternatives.some(a => a.certain) && distance.has(s.edge.to))
            .sort((a, b) => rank(b) - rank(a));
        // Pushed worst first, so the best is popped next.
        for (const s of next) stack.push(s.next);
    }
    return undefined;

    function rank(s: { edge: { id: string; to: string } }): number {
        return -(distance.get(s.edge.to)! - (prefer.has(s.edge.id) ? 0.5 : 0));
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

/** The states of a path from its start, in order. */
export function pathOf(state: PathState): PathState[] {
    const states: PathState[] = [];
    for (let s: PathState | undefined = state; s; s = s.parent) states.push(s);
    return states.reverse();
}
