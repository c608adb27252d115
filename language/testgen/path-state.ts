import type { FlowEdge } from '../flow-model.js';
import type { Atom, Binding } from './formula.js';
import type { SlotSpec } from './slot-spec.js';

/** One answer typed along a path: at which input, into which variable, of what type and validation. */
export interface SlotInfo extends SlotSpec { box: string; variable?: string }

/** What a test does at a waiting box, or the arm it asks a split for. Messages and conditions move on by themselves. */
export type PathStep =
    | { kind: 'choose'; label: string }
    | { kind: 'answer'; slot: number }
    | { kind: 'outcome'; outcome: string }
    /** The split's arm: a test asks for it (`arm b`) before the chat gets there. */
    | { kind: 'arm'; arm: string };

/**
 * One way the conditions along a path can all hold: the atoms each slot's answer must satisfy.
 * `certain` when an answer was found for every slot; otherwise the solver could not decide some.
 */
export interface Alternative { atoms: ReadonlyMap<number, readonly Atom[]>; certain: boolean }

/** A chat played symbolically: where it is, what the variables hold, and how it got there. */
export interface PathState {
    box: string;
    bindings: ReadonlyMap<string, Binding>;
    /** Never empty: a path none of whose alternatives can hold is dropped. */
    alternatives: readonly Alternative[];
    parent?: PathState;
    edge?: FlowEdge;
    step?: PathStep;
    depth: number;
}

/** The states of a path from its start, in order. */
export function pathOf(state: PathState): PathState[] {
    const states: PathState[] = [];
    for (let s: PathState | undefined = state; s; s = s.parent) states.push(s);
    return states.reverse();
}
