import type { InputValidation, VariableType } from '../flow-model.js';
import type { Atom } from './formula.js';

/** What an answer must be before any condition: its input's type and validation. */
export interface SlotSpec {
    type: VariableType;
    validation?: InputValidation;
}

/**
 * Candidates of one type: answers to try, or a proof that no value can satisfy the atoms.
 * `exhaustive`: every value that could satisfy them is among the texts (an `==` pins it), so
 * none being accepted is a proof too.
 */
export type Candidates = { unsat: true } | { unsat: false; texts: string[]; exhaustive?: boolean };

/** A stable text of a spec, for caches and state signatures. */
export function specKey(spec: SlotSpec): string {
    const v = spec.validation;
    return `${spec.type}${v ? (v.kind === 'range' ? `[${v.min},${v.max}]` : `/${v.pattern}/`) : ''}`;
}

/** The operator an atom amounts to with its negation applied, for operators that have an exact opposite. */
export function effectiveOperator(atom: Atom): string | undefined {
    if (!atom.negated) return atom.operator;
    switch (atom.operator) {
        case '==': return '!=';
        case '!=': return '==';
        case '<': return '>=';
        case '<=': return '>';
        case '>': return '<=';
        case '>=': return '<';
        case 'contains': return '!contains';
        default: return undefined;
    }
}
