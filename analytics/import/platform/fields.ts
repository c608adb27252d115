import { parseTimestamp } from '../timestamps.js';

/** Reading the loosely typed fields of platform records: absent, null, '' and the wrong type all read as undefined. */
export function str(value: unknown): string | undefined {
    if (typeof value === 'string') return value.trim() === '' ? undefined : value;
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    return undefined;
}

export function obj(value: unknown): Record<string, unknown> | undefined {
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value as Record<string, unknown> : undefined;
}

export function list(value: unknown): unknown[] {
    return Array.isArray(value) ? value : [];
}

/** A JSON column that an export may write as a JSON string (BigQuery's JSON type in some tools). */
export function jsonObject(value: unknown): Record<string, unknown> | undefined {
    if (typeof value !== 'string') return obj(value);
    try {
        return obj(JSON.parse(value));
    } catch {
        return undefined;
    }
}

/**
 * A platform timestamp as epoch ms, or why not: ISO 8601 (any fraction, any offset), BigQuery's
 * `2026-11-02 09:14:03.123456 UTC`, epoch seconds or milliseconds.
 */
export function timestampOf(value: unknown, field: string): number | string {
    const text = typeof value === 'string' ? value.replace(/ UTC$/, '') : value;
    const ts = parseTimestamp(text);
    return typeof ts === 'string' ? `"${field}": ${ts}` : ts;
}

/** The entry source in a free map of parameters or attributes the bot's owner sets (utm_source, or source). */
export function sourceIn(map: unknown): string | undefined {
    const m = obj(map);
    return m ? str(m.utm_source) ?? str(m.source) : undefined;
}

/** SSML spoken text as plain text (Lex and Voiceflow voice replies). */
export function plainSpeech(text: string): string {
    return text.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim();
}
