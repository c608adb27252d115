import type { FlowBox, FlowEdge, FlowGraph } from '../flow-model.js';
import { constrain } from './alternatives.js';
import { combine, substitute, toDnf, type Atom, type Binding, type Formula } from './formula.js';
import type { Alternative, PathState, PathStep, SlotInfo } from './path-state.js';
import { stateSignature } from './state-signature.js';

export type { Alternative, PathState, PathStep, SlotInfo } from './path-state.js';

/**
 * Plays a flow with unknown answers: every input creates a slot, every branch adds its condition
 * (and the negations of the branches before it) as atoms on the slots, and a transition whose
 * atoms the solver proves impossible is not taken. The same rules as the simulator: the first
 * `when` that holds wins, an input and a message follow their first `->`, a choice label or
 * outcome name repeated in a box only ever selects its first option; a split takes any of its arms.
 */
export class SymbolicFlow {
    readonly slots: SlotInfo[] = [];
    /** False once alternatives were cut: an edge never taken is then not proved infeasible. */
    complete = true;
    private readonly boxes = new Map<string, FlowBox>();
    private readonly outgoing = new Map<string, FlowEdge[]>();

    constructor(readonly graph: FlowGraph) {
        for (const box of graph.boxes) this.boxes.set(box.id, box);
        for (const edge of graph.edges) {
            const list = this.outgoing.get(edge.from) ?? [];
            list.push(edge);
            this.outgoing.set(edge.from, list);
        }
    }

    box(id: string): FlowBox | undefined {
        return this.boxes.get(id);
    }

    /** The chat at the start box (or `from`), defaults set, the box's own assignments applied. */
    start(from?: string): PathState | undefined {
        const first = from ?? this.graph.start;
        const box = first === undefined ? undefined : this.boxes.get(first);
        if (!box) return undefined;
        const bindings = new Map<string, Binding>();
        for (const variable of this.graph.variables) {
            if (variable.default !== undefined) bindings.set(variable.name, { kind: 'value', value: variable.default });
        }
        return { box: box.id, bindings: arrive(bindings, box), alternatives: [{ atoms: new Map(), certain: true }], depth: 0 };
    }

    /** The transitions a test can take from here, each with the state after it; infeasible ones are left out. */
    successors(state: PathState): Array<{ edge: FlowEdge; next: PathState }> {
        const box = this.boxes.get(state.box);
        const edges = this.outgoing.get(state.box) ?? [];
        if (!box || edges.length === 0) return [];
        const result: Array<{ edge: FlowEdge; next: PathState }> = [];
        const add = (edge: FlowEdge, step: PathStep | undefined, bindings: ReadonlyMap<string, Binding>, alternatives: readonly Alternative[]) => {
            const target = this.boxes.get(edge.to);
            if (!target || alternatives.length === 0) return;
            result.push({ edge, next: { box: target.id, bindings: arrive(bindings, target), alternatives, parent: state, edge, step, depth: state.depth + 1 } });
        };
        switch (box.kind) {
            case 'choice':
            case 'action': {
                const seen = new Set<string>();
                for (const edge of edges) {
                    const name = edge.label ?? edge.to;
                    if (seen.has(name)) continue;
                    seen.add(name);
                    add(edge, box.kind === 'choice' ? { kind: 'choose', label: name } : { kind: 'outcome', outcome: name }, state.bindings, state.alternatives);
                }
                break;
            }
            case 'message':
                add(edges[0], undefined, state.bindings, state.alternatives);
                break;
            case 'split':
                // Every arm can be taken: a test asks for it with `arm <name>`.
                for (const edge of edges.filter(e => e.kind === 'arm')) add(edge, { kind: 'arm', arm: edge.label ?? '' }, state.bindings, state.alternatives);
                break;
            case 'input': {
                const slot = this.slots.length;
                this.slots.push({ box: box.id, variable: box.input?.variable, type: box.input?.type ?? 'text', validation: box.input?.validation });
                const bindings = new Map(state.bindings);
                if (box.input?.variable) bindings.set(box.input.variable, { kind: 'slot', slot });
                // An answer the input accepts must exist at all (`between 5 and 1` has none).
                const alternatives = this.constrain(state.alternatives, [[]], [slot]);
                add(edges[0], { kind: 'answer', slot }, bindings, alternatives);
                break;
            }
            case 'condition': {
                const lookup = (variable: string) => state.bindings.get(variable);
                const earlier: Formula[] = [];
                for (const edge of edges.filter(e => e.kind === 'branch')) {
                    const holds = edge.condition ? substitute(edge.condition, lookup) : undefined;
                    if (!holds) continue;
                    add(edge, undefined, state.bindings, this.require(state.alternatives, combine('and', [...earlier, holds])));
                    earlier.push(edge.condition ? substitute(edge.condition, lookup, true) : holds);
                }
                const otherwise = edges.find(e => e.kind === 'else');
                if (otherwise) add(otherwise, undefined, state.bindings, this.require(state.alternatives, combine('and', earlier)));
                break;
            }
        }
        return result;
    }

    /** The alternatives that still hold once `formula` must hold too. */
    require(alternatives: readonly Alternative[], formula: Formula): Alternative[] {
        const { conjunctions, complete } = toDnf(formula);
        if (!complete) this.complete = false;
        return this.constrain(alternatives, conjunctions, []);
    }

    private constrain(alternatives: readonly Alternative[], conjunctions: Atom[][], fresh: number[]): Alternative[] {
        const { alternatives: kept, cut } = constrain(this.slots, alternatives, conjunctions, fresh);
        if (cut) this.complete = false;
        return kept;
    }

    /** See stateSignature: paths with the same signature go on alike. */
    signature(state: PathState): string {
        return stateSignature(this.slots, state);
    }
}

/** A box's `set` statements run when the chat enters it. */
function arrive(bindings: ReadonlyMap<string, Binding>, box: FlowBox): ReadonlyMap<string, Binding> {
    if (box.assignments.length === 0) return bindings;
    const next = new Map(bindings);
    for (const assignment of box.assignments) next.set(assignment.variable, { kind: 'value', value: assignment.value });
    return next;
}
