import type { FlowEdge } from '../flow-model.js';
import type { Exploration, SearchLimits } from './explore.js';

/** A transition no generated test takes, and why. */
export interface UntakenTransition {
    edge: string;
    from: string;
    to: string;
    label?: string;
    /** True when no chat can take it (proved); false when the generator only found no way. */
    infeasible: boolean;
    reason: string;
}

/** Why no test takes `edge`: proved impossible (with the analysis' reason), or not found and why not. */
export function untakenOf(edge: FlowEdge, proved: Map<string, string>, exploration: Exploration, limits: SearchLimits): UntakenTransition {
    const base = { edge: edge.id, from: edge.from, to: edge.to, ...(edge.label !== undefined && edge.kind !== 'next' ? { label: edge.label } : {}) };
    const reason = proved.get(edge.id);
    if (reason) return { ...base, infeasible: true, reason };
    if (exploration.witness.has(edge.id)) return { ...base, infeasible: false, reason: 'a path takes it, but no test playing it could be written' };
    if (exploration.undecided.has(edge.id)) return { ...base, infeasible: false, reason: 'no answers were found that satisfy the conditions on the way' };
    if (exploration.exhaustive && !exploration.boxes.has(edge.from)) {
        return { ...base, infeasible: true, reason: `no chat from the start reaches ${shortName(edge.from)}: every way there passes a transition no chat can take` };
    }
    if (exploration.exhaustive) return { ...base, infeasible: true, reason: 'no chat from the start can take it: on every path to it, the conditions on the way contradict it' };
    return { ...base, infeasible: false, reason: `not reached within the search limit (${limits.states} states)` };
}

function shortName(boxId: string): string {
    return boxId.slice(boxId.indexOf('.') + 1);
}
