import type { ConditionExpr, LiteralValue, VariableType } from '../flow-model.js';
import { atomHolds, combine, substitute, toDnf, type Atom, type Formula } from './formula.js';
import { solveSlot } from './solve-slot.js';
import { describeSources, joinInto, single, type FeasibilityGraph, type Source, type Sources } from './value-sources.js';
import { conditionText } from './condition-text.js';

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
    const read = readVariables(graph);
    if (read.size === 0) return [];
    const names = [...read];
    const index = new Map(names.map((n, i) => [n, i]));
    const types = new Map(graph.variables.map(v => [v.name, (v.type ?? 'text') as VariableType]));
    const boxIndex = new Map(graph.boxes.map((b, i) => [b.id, i]));
    const outgoing = graph.boxes.map(() => [] as number[]);
    graph.edges.forEach((edge, e) => {
        const from = boxIndex.get(edge.from);
        if (from !== undefined && boxIndex.has(edge.to)) outgoing[from].push(e);
    });
    const atEntry: Array<Sources | undefined> = graph.boxes.map(() => undefined);
    const queue: number[] = [];
    const seed = (box: number | undefined, sources: Sources) => {
        if (box === undefined) return;
        if (!atEntry[box]) atEntry[box] = names.map(() => new Map());
        if (joinInto(atEntry[box]!, sources)) queue.push(box);
    };
    const defaults = new Map(graph.variables.map(v => [v.name, v.default]));
    seed(graph.start === undefined ? undefined : boxIndex.get(graph.start), names.map(name => {
        const value = defaults.get(name);
        return single(value === undefined ? { kind: 'unset' } : { kind: 'value', value: value as LiteralValue, boxes: [''] });
    }));
    for (const entry of entries) {
        seed(boxIndex.get(entry), names.map(name => new Map<string, Source>([['unset', { kind: 'unset' }], [`*${types.get(name)}`, { kind: 'any', spec: { type: types.get(name) ?? 'text' } }]])));
    }
    while (queue.length > 0) {
        const b = queue.pop()!;
        const box = graph.boxes[b];
        let out = afterAssignments(graph, b, atEntry[b]!, index, types);
        const saved = box.input?.variable === undefined ? undefined : index.get(box.input.variable);
        if (box.kind === 'input' && saved !== undefined) {
            out = [...out];
            out[saved] = single({ kind: 'answer', spec: { type: box.input?.type ?? 'text', validation: box.input?.validation }, boxes: [box.id] });
        }
        for (const e of outgoing[b]) seed(boxIndex.get(graph.edges[e].to), out);
    }
    const found: InfeasibleTransition[] = [];
    graph.boxes.forEach((box, b) => {
        if (box.kind !== 'condition' || !atEntry[b]) return;
        const sources = afterAssignments(graph, b, atEntry[b]!, index, types);
        found.push(...checkCondition(graph, box.id, outgoing[b], sources, index));
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

/** The sources once the box's `set` statements ran (a `set` whose value is still being typed may set anything). */
function afterAssignments(graph: FeasibilityGraph, b: number, sources: Sources, index: Map<string, number>, types: Map<string, VariableType>): Sources {
    const box = graph.boxes[b];
    if (box.assignments.length === 0) return sources;
    const out = [...sources];
    for (const assignment of box.assignments) {
        const i = index.get(assignment.variable);
        if (i === undefined) continue;
        out[i] = single(assignment.value !== undefined
            ? { kind: 'value', value: assignment.value, boxes: [box.id] }
            : { kind: 'any', spec: { type: types.get(assignment.variable) ?? 'text' } });
    }
    return out;
}

function readVariables(graph: FeasibilityGraph): Set<string> {
    const read = new Set<string>();
    for (const edge of graph.edges) if (edge.condition) variablesOf(edge.condition).forEach(v => read.add(v));
    const declared = new Set(graph.variables.map(v => v.name));
    return new Set([...read].filter(v => declared.has(v)));
}

function variablesOf(condition: ConditionExpr, into = new Set<string>()): Set<string> {
    switch (condition.op) {
        case 'and': case 'or': variablesOf(condition.left, into); variablesOf(condition.right, into); break;
        case 'not': variablesOf(condition.operand, into); break;
        case 'compare': into.add(condition.variable);
    }
    return into;
}
