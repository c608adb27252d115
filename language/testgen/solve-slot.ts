import type { LiteralValue } from '../flow-model.js';
import { parseAnswer } from '../input-values.js';
import { atomHolds, atomKey, type Atom } from './formula.js';
import { specKey, type Candidates, type SlotSpec } from './slot-spec.js';
import { numberCandidates } from './solve-number.js';
import { textCandidates } from './solve-text.js';

/**
 * sat: `text` is an answer the simulator accepts at the input and whose value satisfies every
 * atom; unsat: proved that none exists; unknown: none was found, nothing was proved.
 */
export type SlotResult =
    | { status: 'sat'; text: string; value: LiteralValue }
    | { status: 'unsat' }
    | { status: 'unknown' };

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

export type { SlotSpec } from './slot-spec.js';
export { specKey } from './slot-spec.js';
