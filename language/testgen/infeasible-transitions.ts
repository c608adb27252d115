import type { ConditionExpr } from '../flow-model.js';
import { conditionText } from './condition-text.js';
import { atomHolds, combine, substitute, toDnf, type Atom, type Formula } from './formula.js';
import { solveSlot } from './solve-slot.js';
import { valueFlow, variablesOf } from './value-flow.js';
import { describeSources, type FeasibilityGraph, type Source, type Sources } from './value-sources.js';

/** A branch or else no chat can take, and why in words. */
export interface InfeasibleTransition {
    /** Index of the edge in `graph.edges`. */
    edge: number;
    box: string;
    /** never-holds: its condition is false for every value the variables can have there;
     *  earlier-branch: whenever it holds, a branch before it holds too (and wins);
     *  else-covered: some branch above always holds. */
    why: 'never-holds' | 'earlier-branch' | 'else-covered';
    reason: string;
}

/**
 * Branches and elses no chat can take, proved on the values each variable can have at the
 * condition box over all paths to it (a forward dataflow: defaults, `set` and `save` of inputs,
 * joined where paths meet). The join forgets which values go together on one path, so what this
 * finds is certainly infeasible; it misses what only a path-by-path search would find. Only the
 * variables conditions read are tracked. Boxes entered from other flows (`entries`) may see any value.
 */
export function infeasibleTransitions(graph: FeasibilityGraph, entries: Iterable<string> = []): InfeasibleTransition[] {
    const flow = valueFlow(graph, entries);
    if (!flow) return [];
    const found: InfeasibleTransition[] = [];
    graph.boxes.forEach((box, b) => {
        const sources = box.kind === 'condition' ? flow.at(b) : undefined;
        if (sources) found.push(...checkCondition(graph, box.id, flow.outgoing[b], sources, flow.index));
    });
    return found;
}

function checkCondition(graph: FeasibilityGraph, box: string, edges: number[], sources: Sources, index: Map<string, number>): InfeasibleTransition[] {
    const lookup = (variable: string) => {
        const slot = index.get(variable);
        return slot === undefined ? undefined : { kind: 'slot' as const, slot };
    };
    const possible = (formula: Formula) => satisfiable(formula, sources);
    const found: InfeasibleTransition[] = [];
    const earlier: Array<{ negation: Formula; condition: ConditionExpr }> = [];
    const why = (vars: Set<string>) => [...vars].filter(v => index.has(v)).map(v => describeSources(v, sources[index.get(v)!])).join('; ');
    for (const e of edges) {
        const edge = graph.edges[e];
        if (edge.kind === 'branch' && edge.condition) {
            const holds = substitute(edge.condition, lookup);
            const text = conditionText(edge.condition);
            if (!possible(holds)) {
                found.push({ edge: e, box, why: 'never-holds', reason: `'${text}' never holds here: ${why(variablesOf(edge.condition))}` });
            } else if (!possible(combine('and', [...earlier.map(x => x.negation), holds]))) {
                const before = earlier.map(x => `'${conditionText(x.condition)}'`).join(', ');
                const vars = variablesOf(edge.condition);
                earlier.forEach(x => variablesOf(x.condition).forEach(v => vars.add(v)));
                found.push({ edge: e, box, why: 'earlier-branch', reason: `whenever '${text}' holds here, a branch above it (${before}) holds too and is taken first: ${why(vars)}` });
            }
            earlier.push({ negation: substitute(edge.condition, lookup, true), condition: edge.condition });
        } else if (edge.kind === 'else') {
            if (earlier.length > 0 && !possible(combine('and', earlier.map(x => x.negation)))) {
                const vars = new Set<string>();
                earlier.forEach(x => variablesOf(x.condition).forEach(v => vars.add(v)));
                found.push({ edge: e, box, why: 'else-covered', reason: `the branches above it hold for every value: ${why(vars)}` });
            }
            // Only the first else is ever taken; a second one is an error of its own.
            break;
        }
    }
    return found;
}

/** True unless proved false: some conjunction of the formula has, for each variable it reads, a source satisfying its atoms. */
function satisfiable(formula: Formula, sources: Sources): boolean {
    const { conjunctions, complete } = toDnf(formula);
    if (!complete) return true;
    return conjunctions.some(conjunction => {
        const byVariable = new Map<number, Atom[]>();
        for (const atom of conjunction) byVariable.set(atom.slot, [...(byVariable.get(atom.slot) ?? []), atom]);
        return [...byVariable].every(([variable, atoms]) => [...sources[variable].values()].some(source => sourceSatisfies(source, atoms)));
    });
}

function sourceSatisfies(source: Source, atoms: Atom[]): boolean {
    switch (source.kind) {
        case 'unset': return atoms.every(atom => atomHolds(atom, undefined));
        case 'value': return atoms.every(atom => atomHolds(atom, source.value));
        case 'answer':
        case 'any': return solveSlot(source.spec, atoms).status !== 'unsat';
    }
}
