const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * The years a chat log can be from. A timestamp outside them is a placeholder or a bug in the
 * logger (0001-01-01, 9999-12-31, epoch 0 read as seconds of the wrong unit), and stored it would
 * stretch every chart and date filter over centuries.
 */
export const FIRST_YEAR = 1970;
export const LAST_YEAR = 2100;
const WINDOW = `${FIRST_YEAR}-${LAST_YEAR}`;
const WINDOW_END = Date.UTC(LAST_YEAR + 1, 0, 1);
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * Reads a log timestamp as epoch ms: ISO 8601 (`2026-11-02T09:14:03Z`, an offset, or no zone:
 * then UTC), or a number of epoch seconds (Rasa) or milliseconds (above 10^11). Returns a reason
 * string, saying what to write instead, when it is neither, is not a day of the calendar
 * (2026-02-30: Date.parse would roll it over to March 2) or lies outside 1970-2100.
 */
export function parseTimestamp(value: unknown): number | string {
    if (typeof value === 'number') return epoch(value, String(value));
    if (typeof value !== 'string' || value.trim() === '') return 'missing timestamp: add the time of the event, e.g. 2026-11-02T09:14:03Z';
    // Fast path: the canonical form `2026-11-02T09:14:03Z`. Date.parse reads it as UTC but rolls an
    // impossible day over into the next month, so the day it lands on must be the day written.
    if (value.length === 20 && value.charCodeAt(10) === 84 && value.charCodeAt(19) === 90) {
        const ms = Date.parse(value);
        if (ms >= 0 && ms < WINDOW_END && new Date(ms).getUTCDate() === (value.charCodeAt(8) - 48) * 10 + value.charCodeAt(9) - 48) return ms;
    }
    const text = value.trim();
    if (/^\d+(\.\d+)?$/.test(text)) return epoch(Number(text), text);
    const match = ISO.exec(text);
    if (!match) return `'${text}' is not a timestamp: use ISO 8601 like 2026-11-02T09:14:03Z, or epoch seconds`;
    const [, y, mo, d, h, mi, s = '0', fraction = '', rawZone] = match;
    const year = Number(y);
    const month = Number(mo);
    const day = Number(d);
    if (year < FIRST_YEAR || year > LAST_YEAR) return `'${text}': the year ${y} is outside ${WINDOW}; fix the logger's clock or the line`;
    if (month < 1 || month > 12) return `'${text}': there is no month ${mo}; use YYYY-MM-DD`;
    const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
    if (day < 1 || day > days) return `'${text}' is not a date: ${MONTHS[month - 1]} ${y} has ${days} days`;
    if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return `'${text}' is not a time of day: use hours 00-23, minutes and seconds 00-59`;
    const ms = Date.UTC(year, month - 1, day, Number(h), Number(mi), Number(s), Math.round(Number(`0.${fraction || '0'}`) * 1000));
    const offset = zoneMinutes(rawZone ?? 'Z');
    if (offset === undefined) return `'${text}': the offset ${rawZone} is not a time zone offset; use Z or one between -14:00 and +14:00`;
    return inWindow(ms - offset * 60_000, text);
}

function zoneMinutes(zone: string): number | undefined {
    if (zone.toUpperCase() === 'Z') return 0;
    const match = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone)!;
    const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
    if (minutes > 14 * 60 || Number(match[3] ?? 0) > 59) return undefined;
    return match[1] === '-' ? -minutes : minutes;
}

function epoch(value: number, text: string): number | string {
    if (!Number.isFinite(value) || value < 0) return `${text} is not an epoch timestamp: use seconds or milliseconds since 1970-01-01, or ISO 8601`;
    return inWindow(Math.round(value > 1e11 ? value : value * 1000), text);
}

function inWindow(ms: number, text: string): number | string {
    if (ms < 0 || ms >= WINDOW_END) return `'${text}' is outside the years ${WINDOW}; fix the logger's clock or the line`;
    return ms;
}
