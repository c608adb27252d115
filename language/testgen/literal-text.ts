import type { LiteralValue } from '../flow-model.js';

/**
 * A value as a Chatflow literal: `yes`/`no`, a number, or a quoted string with `\` and `"`
 * escaped (and control characters, so a test stays on one line); Langium reads it back unchanged.
 */
export function literalText(value: LiteralValue): string {
    if (typeof value === 'boolean') return value ? 'yes' : 'no';
    if (typeof value === 'number') return String(value);
    return stringText(value);
}

export function stringText(text: string): string {
    const escaped = text.replace(/[\\"\n\r\t\b\f\v\0]/g, c => {
        switch (c) {
            case '\n': return '\\n';
            case '\r': return '\\r';
            case '\t': return '\\t';
            case '\b': return '\\b';
            case '\f': return '\\f';
            case '\v': return '\\v';
            case '\0': return '\\0';
            default: return `\\${c}`;
        }
    });
    return `"${escaped}"`;
}
