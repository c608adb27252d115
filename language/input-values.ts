import type { InputValidation, LiteralValue, VariableType } from './flow-model.js';

/** The outcome of reading a typed answer: its value, or why it does not fit. */
export type ParsedAnswer = { ok: true; value: LiteralValue } | { ok: false; reason: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const YES = new Set(['yes', 'y', 'true']);
const NO = new Set(['no', 'n', 'false']);

/** Reads an answer typed by a user as a value of the input's type, applying its validation. */
export function parseAnswer(raw: string, type: VariableType, validation?: InputValidation): ParsedAnswer {
    const text = raw.trim();
    if (text.length === 0) return { ok: false, reason: 'the answer is empty' };
    const typed = parseTyped(text, type);
    if (!typed.ok) return typed;
    if (validation?.kind === 'range' && typeof typed.value === 'number') {
        if (typed.value < validation.min || typed.value > validation.max) {
            return { ok: false, reason: `${typed.value} is not between ${validation.min} and ${validation.max}` };
        }
    }
    if (validation?.kind === 'pattern' && !matchesPattern(text, validation.pattern)) {
        return { ok: false, reason: `the answer does not match ${validation.pattern}` };
    }
    return typed;
}

function parseTyped(text: string, type: VariableType): ParsedAnswer {
    switch (type) {
        case 'number': {
            const value = Number(text.replace(',', '.'));
            return Number.isFinite(value) && /\d/.test(text) ? { ok: true, value } : { ok: false, reason: `'${text}' is not a number` };
        }
        case 'email':
            return isEmail(text) ? { ok: true, value: text } : { ok: false, reason: `'${text}' is not an email address` };
        case 'phone':
            return isPhone(text) ? { ok: true, value: text } : { ok: false, reason: `'${text}' is not a phone number` };
        case 'date':
            return isIsoDate(text) ? { ok: true, value: text } : { ok: false, reason: `'${text}' is not a date (YYYY-MM-DD)` };
        case 'yesno': {
            const lower = text.toLowerCase();
            if (YES.has(lower)) return { ok: true, value: true };
            if (NO.has(lower)) return { ok: true, value: false };
            return { ok: false, reason: `'${text}' is not yes or no` };
        }
        case 'text':
            return { ok: true, value: text };
    }
}

export function isEmail(text: string): boolean {
    return EMAIL.test(text);
}

/** 7 to 15 digits, optionally with +, spaces, dots, dashes and parentheses. */
export function isPhone(text: string): boolean {
    if (!/^\+?[\d\s().-]+$/.test(text)) return false;
    const digits = text.replace(/\D/g, '').length;
    return digits >= 7 && digits <= 15;
}

export function isIsoDate(text: string): boolean {
    const match = ISO_DATE.exec(text);
    if (!match) return false;
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The whole answer must match; an invalid pattern matches nothing (the validator reports it). */
export function matchesPattern(text: string, pattern: string): boolean {
    try {
        return new RegExp(`^(?:${pattern})$`).test(text);
    } catch {
        return false;
    }
}

/** Replaces `{variable}` with its value; unset variables stay visible as `{variable}`. */
export function interpolate(text: string, variables: Readonly<Record<string, LiteralValue>>): string {
    return text.replace(/\{([A-Za-z_]\w*)\}/g, (whole, name: string) => {
        const value = variables[name];
        if (value === undefined) return whole;
        if (typeof value === 'boolean') return value ? 'yes' : 'no';
        return String(value);
    });
}

/** Names used as `{variable}` in a text, with their offsets inside the text. */
export function interpolations(text: string): Array<{ name: string; offset: number }> {
    const result: Array<{ name: string; offset: number }> = [];
    for (const match of text.matchAll(/\{([A-Za-z_]\w*)\}/g)) {
        result.push({ name: match[1], offset: match.index! + 1 });
    }
    return result;
}
