import type { InputValidation, LiteralValue, VariableType } from '../flow-model.js';
import { parseAnswer } from '../input-values.js';
import { atomHolds, atomKey, type Atom } from './formula.js';
import { numberCandidates } from './solve-number.js';
import { textCandidates } from './solve-text.js';

/** What an answer must be before any condition: its input's type and validation. */
export interface SlotSpec {
    type: VariableType;
    validation?: InputValidation;
}

/**
 * sat: `text` is an answer the simulator accepts at the input and whose value satisfies every
 * atom; unsat: proved that none exists; unknown: none was found, nothing was proved.
 */
export type SlotResult =
    | { status: 'sat'; text: string; value: LiteralValue }
    | { status: 'unsat' }
    | { status: 'unknown' };

/**
 * Candidates of one type: answers to try, or a proof that no value can satisfy the atoms.
 * `exhaustive`: every value that could satisfy them is among the texts (an `==` pins it), so
 * none being accepted is a proof too.
 */
export type Candidates = { unsat: true } | { unsat: false; texts: string[]; exhaustive?: boolean };

const cache = new Map<string, SlotResult>();
const CACHE_LIMIT = 50_000;

/** Finds an answer for a slot that satisfies all its atoms (a conjunction), or proves there is none. */
export function solveSlot(spec: SlotSpec, atoms: readonly Atom[]): SlotResult {
    const key = `${specKey(spec)}|${atoms.map(atomKey).sort().join('&')}`;
    let result = cache.get(key);
    if (!result) {
        result = solveUncached(spec, atoms);
        if (cache.size >= CACHE_LIMIT) cache.clear();
        cache.set(key, result);
    }
    return result;
}

export function specKey(spec: SlotSpec): string {
    const v = spec.validation;
    return `${spec.type}${v ? (v.kind === 'range' ? `[${v.min},${v.max}]` : `/${v.pattern}/`) : ''}`;
}

function solveUncached(spec: SlotSpec, atoms: readonly Atom[]): SlotResult {
    const candidates: Candidates = spec.type === 'yesno' ? { unsat: false, texts: ['yes', 'no'], exhaustive: true }
        : spec.type === 'number' ? numberCandidates(spec, atoms)
        : textCandidates(spec, atoms);
    if (candidates.unsat) return { status: 'unsat' };
    for (const text of candidates.texts) {
        const value = accepted(spec, text, atoms);
        if (value !== undefined) return { status: 'sat', text, value };
    }
    return candidates.exhaustive ? { status: 'unsat' } : { status: 'unknown' };
}

/** The value the simulator stores for `text` at this input, when it accepts it and every atom holds; else undefined. */
export function accepted(spec: SlotSpec, text: string, atoms: readonly Atom[]): LiteralValue | undefined {
    const parsed = parseAnswer(text, spec.type, spec.validation);
    if (!parsed.ok || !atoms.every(atom => atomHolds(atom, parsed.value))) return undefined;
    return parsed.value;
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
