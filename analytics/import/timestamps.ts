const ISO = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * Reads a log timestamp as epoch ms: ISO 8601 (`2026-11-02T09:14:03Z`, an offset, or no zone:
 * then UTC), or a number of epoch seconds (Rasa) or milliseconds (above 10^11). Returns a reason
 * string when it is neither.
 */
export function parseTimestamp(value: unknown): number | string {
    if (typeof value === 'number') return epoch(value);
    if (typeof value !== 'string' || value.trim() === '') return 'missing timestamp';
    // Fast path: the canonical form `2026-11-02T09:14:03Z` (Date.parse reads it as UTC).
    if (value.length === 20 && value.charCodeAt(10) === 84 && value.charCodeAt(19) === 90) {
        const ms = Date.parse(value);
        if (!Number.isNaN(ms)) return ms;
    }
    const text = value.trim();
    if (/^\d+(\.\d+)?$/.test(text)) return epoch(Number(text));
    const match = ISO.exec(text);
    if (!match) return `'${text}' is not a timestamp: use ISO 8601 like 2026-11-02T09:14:03Z, or epoch seconds`;
    let zone = match[3] ?? 'Z';
    if (/^[+-]\d{2}$/.test(zone)) zone += ':00';
    else if (/^[+-]\d{4}$/.test(zone)) zone = `${zone.slice(0, 3)}:${zone.slice(3)}`;
    const ms = Date.parse(`${match[1]}T${match[2].replace(',', '.')}${zone.toUpperCase()}`);
    return Number.isNaN(ms) ? `'${text}' is not a valid date and time` : ms;
}

function epoch(value: number): number | string {
    if (!Number.isFinite(value) || value < 0) return `${value} is not an epoch timestamp`;
    return Math.round(value > 1e11 ? value : value * 1000);
}
