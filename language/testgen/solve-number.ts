import { atomHolds, type Atom } from './formula.js';
import { effectiveOperator, type Candidates, type SlotSpec } from './slot-spec.js';

/** An end of the interval of numbers still allowed; `fromCondition` when a branch condition put it there. */
interface Bound { value: number; open: boolean; fromCondition: boolean }

/**
 * Numbers for a number input: the comparisons with number literals narrow one interval (the
 * `between` range to start with) minus the excluded values, so an empty interval, an excluded
 * single point or two different `==` are proofs that no answer fits. The values tried first are
 * the boundaries the conditions set (17 for `age < 18`, 18 for its else): the answers a tester
 * would pick.
 */
export function numberCandidates(spec: SlotSpec, atoms: readonly Atom[]): Candidates {
    const range = spec.validation?.kind === 'range' ? spec.validation : undefined;
    let lo: Bound = { value: range ? range.min : -Infinity, open: false, fromCondition: false };
    let hi: Bound = { value: range ? range.max : Infinity, open: false, fromCondition: false };
    const excluded = new Set<number>();
    let equal: number | undefined;
    const filters: Atom[] = [];
    for (const atom of atoms) {
        const op = effectiveOperator(atom);
        if (typeof atom.value !== 'number' || op === undefined || op === 'contains' || op === '!contains') {
            // Its truth does not depend on which number was typed (`age == "x"`, a bare `age`), except `contains`.
            if (atom.operator === 'contains') filters.push(atom);
            else if (!atomHolds(atom, 1)) return { unsat: true };
            continue;
        }
        const value = atom.value;
        switch (op) {
            case '==':
                if (equal !== undefined && equal !== value) return { unsat: true };
                equal = value;
                break;
            case '!=': excluded.add(value); break;
            case '<': hi = tighterHi(hi, { value, open: true, fromCondition: true }); break;
            case '<=': hi = tighterHi(hi, { value, open: false, fromCondition: true }); break;
            case '>': lo = tighterLo(lo, { value, open: true, fromCondition: true }); break;
            case '>=': lo = tighterLo(lo, { value, open: false, fromCondition: true }); break;
        }
    }
    const inside = (n: number) => (n > lo.value || (n === lo.value && !lo.open)) && (n < hi.value || (n === hi.value && !hi.open)) && !excluded.has(n);
    if (equal !== undefined) return inside(equal) ? { unsat: false, texts: [show(equal)], exhaustive: true } : { unsat: true };
    if (lo.value > hi.value || (lo.value === hi.value && (lo.open || hi.open || excluded.has(lo.value)))) return { unsat: true };
    const picks: number[] = [];
    const above = (b: Bound) => (b.open ? (Number.isInteger(b.value) ? b.value + 1 : Math.ceil(b.value)) : Math.ceil(b.value));
    const below = (b: Bound) => (b.open ? (Number.isInteger(b.value) ? b.value - 1 : Math.floor(b.value)) : Math.floor(b.value));
    if (lo.fromCondition) picks.push(above(lo));
    if (hi.fromCondition) picks.push(below(hi));
    const finite = Number.isFinite(lo.value) && Number.isFinite(hi.value);
    if (finite) picks.push(Math.round((lo.value + hi.value) / 2));
    if (Number.isFinite(lo.value)) picks.push(above(lo));
    if (Number.isFinite(hi.value)) picks.push(below(hi));
    picks.push(42, 1, 0, 100);
    // Step off excluded values; then values between the bounds for intervals holding no integer.
    const stepped = picks.flatMap(n => [n, n + 1, n - 1, n + 2, n - 2, n + 3]);
    if (finite) stepped.push((lo.value + hi.value) / 2, lo.value + (hi.value - lo.value) / 4, hi.value - (hi.value - lo.value) / 4);
    for (const atom of filters) {
        const digits = String(atom.value).match(/-?\d+(\.\d+)?/);
        if (digits) stepped.push(Number(digits[0]));
    }
    if (filters.length > 0 && Number.isFinite(lo.value)) for (let n = above(lo), i = 0; i < 1000; n++, i++) stepped.push(n);
    const texts = [...new Set(stepped.filter(inside).map(show))].filter(t => /^-?\d+(\.\d+)?$/.test(t));
    return { unsat: false, texts };
}

function tighterLo(a: Bound, b: Bound): Bound {
    if (b.value > a.value || (b.value === a.value && b.open && !a.open)) return b;
    return b.value === a.value ? { ...a, fromCondition: a.fromCondition || b.fromCondition } : a;
}

function tighterHi(a: Bound, b: Bound): Bound {
    if (b.value < a.value || (b.value === a.value && b.open && !a.open)) return b;
    return b.value === a.value ? { ...a, fromCondition: a.fromCondition || b.fromCondition } : a;
}

/** How the number is typed as an answer (and printed as a literal in a test). */
function show(n: number): string {
    return Object.is(n, -0) ? '0' : String(n);
}
