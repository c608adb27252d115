import type { PathState, SymbolicFlow } from './symbolic-flow.js';

/** How much a search may look at before it settles for what it found. */
export interface SearchLimits {
    /** Distinct states the breadth-first exploration visits. */
    states: number;
    /** States one completion to an end box looks at. */
    completion: number;
}

/** How many steps a transition still to be taken is worth: a detour that takes one more is welcome. */
export const WANTED_BONUS = 2;

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


function takenBefore(state: PathState | undefined, edge: string): boolean {
    for (let s = state; s; s = s.parent) if (s.edge?.id === edge) return true;
    return false;
}
