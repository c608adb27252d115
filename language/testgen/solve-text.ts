import type { VariableType } from '../flow-model.js';
import { atomHolds, type Atom } from './formula.js';
import { patternSamples } from './pattern-samples.js';
import { effectiveOperator, type Candidates, type SlotSpec } from './slot-spec.js';

/** Answers that read like a person's, tried before anything generated. Fictional: 555 numbers, example.com. */
const READABLE: Record<Exclude<VariableType, 'number' | 'yesno'>, string[]> = {
    text: ['example answer', 'Alex Morgan', '12345', '1234567', 'A1'],
    email: ['alex@example.com'],
    phone: ['(555) 010-0199', '555-010-0199'],
    date: ['2000-01-01']
};

/**
 * Answers for text, email, phone and date inputs (dates compare as `YYYY-MM-DD` strings, as the
 * simulator compares them). Equality pins the answer to one literal; `contains`, `!= `, the string
 * order and the input's `matches` pattern narrow what is generated. Proved impossible: two
 * different `==`, a `contains` of a text that must not be contained, an empty string interval.
 */
export function textCandidates(spec: SlotSpec, atoms: readonly Atom[]): Candidates {
    let equal: string | undefined;
    const contains: string[] = [];
    const absent: string[] = [];
    let lower: { value: string; open: boolean } | undefined;
    let upper: { value: string; open: boolean } | undefined;
    for (const atom of atoms) {
        const op = effectiveOperator(atom);
        if (atom.operator === 'contains') {
            // `contains` reads its literal as text, whatever its type.
            (op === 'contains' ? contains : absent).push(String(typeof atom.value === 'boolean' ? (atom.value ? 'true' : 'false') : atom.value).toLowerCase());
            continue;
        }
        if (typeof atom.value !== 'string' || op === undefined) {
            // A bare variable, or a number or yes/no literal: true or false whatever text was typed.
            if (!atomHolds(atom, 'x')) return { unsat: true };
            continue;
        }
        const value = atom.value;
        switch (op) {
            case '==':
                if (equal !== undefined && equal !== value) return { unsat: true };
                equal = value;
                break;
            case '<': case '<=':
                if (!upper || value < upper.value || (value === upper.value && op === '<')) upper = { value, open: op === '<' };
                break;
            case '>': case '>=':
                if (!lower || value > lower.value || (value === lower.value && op === '>')) lower = { value, open: op === '>' };
                break;
        }
    }
    if (equal !== undefined) return { unsat: false, texts: [equal], exhaustive: true };
    if (absent.some(a => a === '' || contains.some(c => c.includes(a)))) return { unsat: true };
    if (lower && upper && (lower.value > upper.value || (lower.value === upper.value && (lower.open || upper.open)))) return { unsat: true };
    const bases = [...READABLE[spec.type as keyof typeof READABLE] ?? READABLE.text];
    if (spec.validation?.kind === 'pattern') bases.push(...patternSamples(spec.validation.pattern));
    if (spec.type === 'date') bases.unshift(...dateCandidates(lower, upper));
    else {
        if (lower) bases.push(lower.value, `${lower.value}a`, `${lower.value} a`);
        if (upper) bases.push(before(upper.value), upper.value);
    }
    const texts: string[] = [];
    const wanted = contains.filter((c, i) => !contains.some((d, j) => j !== i && d.includes(c) && (d !== c || j < i)));
    for (const base of bases) {
        texts.push(base);
        if (wanted.length > 0) texts.push(`${base} ${wanted.join(' ')}`, wanted.join(' '), `${wanted.join('')}${base}`);
        for (const suffix of [' 2', ' b', 'x']) texts.push(`${base}${suffix}`);
    }
    return { unsat: false, texts: [...new Set(texts)] };
}

/** A text just below `value` in string order, when there is an obvious one. */
function before(value: string): string {
    const last = value.charCodeAt(value.length - 1);
    return value.length > 1 && last > 33 ? value.slice(0, -1) + String.fromCharCode(last - 1) : value.slice(0, -1);
}

/** Dates at the bounds of the comparisons (the day itself or the next/previous one), and between them. */
function dateCandidates(lower?: { value: string; open: boolean }, upper?: { value: string; open: boolean }): string[] {
    const result: string[] = [];
    const lo = lower && dayNumber(lower.value);
    const hi = upper && dayNumber(upper.value);
    if (lo !== undefined) result.push(dayText(lo + (lower!.open ? 1 : 0)));
    if (hi !== undefined) result.push(dayText(hi - (upper!.open ? 1 : 0)));
    if (lo !== undefined && hi !== undefined) result.unshift(dayText(Math.floor((lo + hi) / 2)));
    return result;
}

function dayNumber(text: string): number | undefined {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (!match) return undefined;
    const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
    return Number.isNaN(ms) ? undefined : Math.round(ms / 86_400_000);
}

function dayText(day: number): string {
    return new Date(day * 86_400_000).toISOString().slice(0, 10);
}
