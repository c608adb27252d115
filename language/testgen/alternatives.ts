import { atomKey, type Atom } from './formula.js';
import type { Alternative, SlotInfo } from './path-state.js';
import { solveSlot } from './solve-slot.js';

/** More ways than this to meet a path's conditions are cut (and the search is no longer a proof). */
const MAX_ALTERNATIVES = 16;

/**
 * Each alternative joined with each conjunction (and `fresh` slots that need an answer at all);
 * the solver drops those that cannot hold. `cut` when some were dropped only for being too many.
 */
export function constrain(slots: readonly SlotInfo[], alternatives: readonly Alternative[], conjunctions: Atom[][], fresh: number[]): { alternatives: Alternative[]; cut: boolean } {
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
                const solved = solveSlot(slots[slot], atoms.get(slot)!);
                if (solved.status === 'unsat') { possible = false; break; }
                if (solved.status === 'unknown') certain = false;
            }
            if (!possible) continue;
            const key = alternativeKey(atoms, certain);
            if (keys.has(key)) continue;
            keys.add(key);
            result.push({ atoms, certain });
        }
    }
    // Alternatives with answers found first: they are the ones a test can be written from.
    result.sort((a, b) => Number(b.certain) - Number(a.certain));
    const cut = result.length > MAX_ALTERNATIVES;
    if (cut) result.length = MAX_ALTERNATIVES;
    return { alternatives: result, cut };
}

function alternativeKey(atoms: ReadonlyMap<number, readonly Atom[]>, certain: boolean): string {
    const parts: string[] = [];
    for (const [slot, list] of atoms) if (list.length > 0) parts.push(`${slot}:${list.map(atomKey).sort().join('&')}`);
    return `${certain}|${parts.sort().join(';')}`;
}
