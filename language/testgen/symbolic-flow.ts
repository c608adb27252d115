import type { FlowBox, FlowEdge, FlowGraph } from '../flow-model.js';
import { atomKey, combine, substitute, toDnf, type Atom, type Binding, type Formula } from './formula.js';
import { solveSlot, specKey, type SlotSpec } from './solve-slot.js';

/** One answer typed along a path: at which input, into which variable, of what type and validation. */
export interface SlotInfo extends SlotSpec { box: string; variable?: string }

/** What a test does at a waiting box. Messages and conditions move on by themselves. */
export type PathStep =
    | { kind: 'choose'; label: string }
    | { kind: 'answer'; slot: number }
    | { kind: 'outcome'; outcome: string };

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

/** More ways than this to meet a path's conditions are cut (and the search is no longer a proof). */
const MAX_ALTERNATIVES = 16;

/**
 * Plays a flow with unknown answers: every input creates a slot, every branch adds its condition
 * (and the negations of the branches before it) as atoms on the slots, and a transition whose
 * atoms the solver proves impossible is not taken. The same rules as the simulator: the first
 * `when` that holds wins, an input and a message follow their first `->`, a choice label or
 * outcome name repeated in a box only ever selects its first option.
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

    /** Each alternative joined with each conjunction; the solver drops those that cannot hold. */
    private constrain(alternatives: readonly Alternative[], conjunctions: Atom[][], fresh: number[]): Alternative[] {
        const result: Alternative[] = [];
        const keys = new Set<string>();
        for (const alternative of alternatives) {
            for (const conjunction of conjunctions) {
                const atoms = new Map(alternative.atoms);
                for (const slot of fresh) atoms.set(slot, []);
                const touched = new Set<number>(fresh);
                for (const atom of conjunction) {
                    const list = atoms.get(atom.slot) ?? [];
                    // A condition met again on the same answer adds nothing (and must not make the state look new).
                    if (list.some(a => atomKey(a) === atomKey(atom))) continue;
                    atoms.set(atom.slot, [...list, atom]);
                    touched.add(atom.slot);
                }
                let certain = alternative.certain;
                let possible = true;
                for (const slot of touched) {
                    const solved = solveSlot(this.slots[slot], atoms.get(slot)!);
                    if (solved.status === 'unsat') { possible = false; break; }
                    if (solved.status === 'unknown') certain = false;
                }
                if (!possible) continue;
                const key = this.alternativeKey(atoms, certain);
                if (keys.has(key)) continue;
                keys.add(key);
                result.push({ atoms, certain });
            }
        }
        // Alternatives with answers found first: they are the ones a test can be written from.
        result.sort((a, b) => Number(b.certain) - Number(a.certain));
        if (result.length > MAX_ALTERNATIVES) {
            this.complete = false;
            result.length = MAX_ALTERNATIVES;
        }
        return result;
    }

    private alternativeKey(atoms: ReadonlyMap<number, readonly Atom[]>, certain: boolean): string {
        const parts: string[] = [];
        for (const [slot, list] of atoms) if (list.length > 0) parts.push(`${slot}:${list.map(atomKey).sort().join('&')}`);
        return `${certain}|${parts.sort().join(';')}`;
    }

    /**
     * What decides the rest of the chat from here: the box, the variables, and the atoms on the
     * answers variables still hold. Two paths with the same signature can go on in the same ways,
     * so a search needs to go on from one of them only.
     */
    signature(state: PathState): string {
        const bindings: string[] = [];
        const live = new Map<number, string>();
        for (const [name, binding] of [...state.bindings].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
            if (binding.kind === 'value') bindings.push(`${name}=${JSON.stringify(binding.value)}`);
            else {
                bindings.push(`${name}=?${specKey(this.slots[binding.slot])}`);
                live.set(binding.slot, name);
            }
        }
        const alternatives = new Set<string>();
        for (const alternative of state.alternatives) {
            const parts: string[] = [];
            for (const [slot, name] of live) {
                const atoms = alternative.atoms.get(slot) ?? [];
                parts.push(`${name}:${atoms.map(atomKey).sort().join('&')}`);
            }
            alternatives.add(`${alternative.certain}|${parts.sort().join(';')}`);
        }
        return `${state.box}|${bindings.join(',')}|${[...alternatives].sort().join('/')}`;
    }
}

/** A box's `set` statements run when the chat enters it. */
function arrive(bindings: ReadonlyMap<string, Binding>, box: FlowBox): ReadonlyMap<string, Binding> {
    if (box.assignments.length === 0) return bindings;
    const next = new Map(bindings);
    for (const assignment of box.assignments) next.set(assignment.variable, { kind: 'value', value: assignment.value });
    return next;
}
