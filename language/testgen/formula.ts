import type { ComparisonOperator, ConditionExpr, LiteralValue } from '../flow-model.js';
import { evaluate } from '../simulator.js';

/**
 * Branch conditions as formulas over unknowns. An unknown (a "slot") is one answer typed into an
 * input box, or, in the flow-wide analysis, everything a variable may hold at a box. Variables
 * bound to a literal (a `set` or a default) or unset are evaluated right away, exactly as the
 * simulator does, so only comparisons on unknowns remain. Every comparison names one variable,
 * which keeps slots independent of each other: a conjunction is satisfiable exactly when each
 * slot's own comparisons are.
 */

/** One comparison on a slot, possibly negated. Holds for v exactly when the simulator's comparison does, xor `negated`. */
export interface Atom {
    slot: number;
    /** Undefined: the bare variable, "is set". */
    operator?: ComparisonOperator;
    value?: LiteralValue;
    negated: boolean;
}

export type Formula =
    | { kind: 'const'; value: boolean }
    | { kind: 'atom'; atom: Atom }
    | { kind: 'and' | 'or'; parts: Formula[] };

/** What a variable holds along a path: a literal, the answer in a slot; `undefined` for unset. */
export type Binding = { kind: 'value'; value: LiteralValue } | { kind: 'slot'; slot: number };

export const TRUE: Formula = { kind: 'const', value: true };
export const FALSE: Formula = { kind: 'const', value: false };

/** The condition with the variables' bindings put in, negation pushed down to the atoms. */
export function substitute(expr: ConditionExpr, lookup: (variable: string) => Binding | undefined, negated = false): Formula {
    switch (expr.op) {
        case 'not':
            return substitute(expr.operand, lookup, !negated);
        case 'and':
        case 'or': {
            // De Morgan: not (a and b) = not a or not b.
            const kind = (expr.op === 'and') !== negated ? 'and' : 'or';
            return combine(kind, [substitute(expr.left, lookup, negated), substitute(expr.right, lookup, negated)]);
        }
        case 'compare': {
            const binding = lookup(expr.variable);
            if (binding?.kind === 'slot') {
                return { kind: 'atom', atom: { slot: binding.slot, operator: expr.operator, value: expr.value, negated } };
            }
            const holds = evaluate(expr, binding ? { [expr.variable]: binding.value } : {});
            return holds !== negated ? TRUE : FALSE;
        }
    }
}

/** `and` / `or` of parts, with constants folded away. */
export function combine(kind: 'and' | 'or', parts: Formula[]): Formula {
    const absorbing = kind === 'or';
    const kept: Formula[] = [];
    for (const part of parts) {
        if (part.kind === 'const') {
            if (part.value === absorbing) return part;
            continue;
        }
        if (part.kind === kind) kept.push(...part.parts); else kept.push(part);
    }
    if (kept.length === 0) return { kind: 'const', value: !absorbing };
    return kept.length === 1 ? kept[0] : { kind, parts: kept };
}

/** Whether an atom holds for a value of its slot (undefined: the variable is unset). */
export function atomHolds(atom: Atom, value: LiteralValue | undefined): boolean {
    const variables: Record<string, LiteralValue> = value === undefined ? {} : { v: value };
    return evaluate({ op: 'compare', variable: 'v', operator: atom.operator, value: atom.value }, variables) !== atom.negated;
}

/**
 * The formula as a disjunction of conjunctions of atoms. `complete` is false when more than
 * `limit` conjunctions were needed and the rest were dropped: the formula may then hold where
 * none of the returned conjunctions does, so a caller must not conclude it is unsatisfiable.
 */
export function toDnf(formula: Formula, limit = 64): { conjunctions: Atom[][]; complete: boolean } {
    let complete = true;
    const cap = (list: Atom[][]): Atom[][] => {
        if (list.length <= limit) return list;
        complete = false;
        return list.slice(0, limit);
    };
    const walk = (f: Formula): Atom[][] => {
        switch (f.kind) {
            case 'const': return f.value ? [[]] : [];
            case 'atom': return [[f.atom]];
            case 'or': return cap(f.parts.flatMap(walk));
            case 'and': {
                let product: Atom[][] = [[]];
                for (const part of f.parts) {
                    const next: Atom[][] = [];
                    for (const left of product) for (const right of walk(part)) next.push([...left, ...right]);
                    product = cap(next);
                    if (product.length === 0) break;
                }
                return product;
            }
        }
    };
    return { conjunctions: walk(formula), complete };
}

/** A stable text of an atom, for caches and state signatures (the slot left out). */
export function atomKey(atom: Atom): string {
    return `${atom.negated ? '!' : ''}${atom.operator ?? 'set'}${atom.value === undefined ? '' : JSON.stringify(atom.value)}`;
}
