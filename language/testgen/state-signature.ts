import { atomKey } from './formula.js';
import type { PathState, SlotInfo } from './path-state.js';
import { specKey } from './slot-spec.js';

/**
 * What decides the rest of the chat from here: the box, the variables, and the atoms on the
 * answers variables still hold. Two paths with the same signature can go on in the same ways,
 * so a search needs to go on from one of them only.
 */
export function stateSignature(slots: readonly SlotInfo[], state: PathState): string {
    const bindings: string[] = [];
    const live = new Map<number, string>();
    for (const [name, binding] of [...state.bindings].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
        if (binding.kind === 'value') bindings.push(`${name}=${JSON.stringify(binding.value)}`);
        else {
            bindings.push(`${name}=?${specKey(slots[binding.slot])}`);
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
