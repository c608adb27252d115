import type { FlowEdge } from '../../language/flow-model.js';
import { parseAnswer } from '../../language/input-values.js';
import type { PathState } from '../../language/testgen/path-state.js';
import type { SymbolicFlow } from '../../language/testgen/symbolic-flow.js';
import { isProtected, type Visit } from './chat-visits.js';

/** Boxes the replay may pass without a log entry of their own (bots often log only what the user sees). */
const UNLOGGED_STEPS = 3;

/** The transition from `visit` to `to`, through at most a few unlogged automatic boxes, that the chat's answer allows. */
export function follow(flow: SymbolicFlow, state: PathState, visit: Visit, to: string): { state: PathState; slot?: number; text?: string } | undefined {
    const box = flow.box(state.box);
    let options = flow.successors(state);
    if (box?.kind === 'choice' && visit.answer !== undefined) {
        const clicked = visit.answer.trim().toLowerCase();
        const labelled = options.filter(o => o.edge.label?.trim().toLowerCase() === clicked);
        if (labelled.length > 0) options = labelled;
    }
    let slot: number | undefined;
    let text: string | undefined;
    if (box?.kind === 'input' && options.length > 0) {
        slot = flow.slots.length - 1;
        text = usableAnswer(flow, box.id, visit.answer);
        if (text !== undefined) {
            const parsed = parseAnswer(text, box.input!.type, box.input!.validation);
            const pinned = parsed.ok ? flow.require(options[0].next.alternatives, { kind: 'atom', atom: { slot, operator: '==', value: parsed.value, negated: false } }) : [];
            options = pinned.length > 0 ? [{ ...options[0], next: { ...options[0].next, alternatives: pinned } }] : options;
            if (pinned.length === 0) text = undefined;
        }
    }
    const found = reach(flow, options, to, UNLOGGED_STEPS);
    return found && { state: found, slot, text };
}

function reach(flow: SymbolicFlow, options: Array<{ edge: FlowEdge; next: PathState }>, to: string, depth: number): PathState | undefined {
    const direct = options.find(o => o.edge.to === to && o.next.alternatives.some(a => a.certain));
    if (direct || depth === 0) return direct?.next;
    for (const option of options) {
        const kind = flow.box(option.edge.to)?.kind;
        if (kind !== 'message' && kind !== 'condition' && kind !== 'split') continue;
        const found = reach(flow, flow.successors(option.next), to, depth - 1);
        if (found) return found;
    }
    return undefined;
}

/** The answer as typed, when it may go into a test: not sensitive, not protected by the privacy policy. */
function usableAnswer(flow: SymbolicFlow, boxId: string, answer: string | undefined): string | undefined {
    const box = flow.box(boxId);
    const variable = flow.graph.variables.find(v => v.name === box?.input?.variable);
    if (answer === undefined || box?.input?.sensitive || variable?.sensitive || isProtected(answer)) return undefined;
    return answer.trim();
}
