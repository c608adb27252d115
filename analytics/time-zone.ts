/**
 * Days in a time zone without SQL date functions (they differ between SQLite and PostgreSQL):
 * SQL groups timestamps into 15-minute slots (`ts / 900000`), and this file maps slots to local
 * days. Every real zone offset is a multiple of 15 minutes, so a local midnight is always a slot
 * boundary and a day is exactly a range of slots: a drill-down into a day asks SQL for
 * `[dayStart(day), dayStart(next day))` and gets the same chats the day's count was made of.
 */

export const SLOT_MS = 15 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export type TimeZone = { kind: 'fixed'; offsetMinutes: number; name: string } | { kind: 'iana'; name: string; format: Intl.DateTimeFormat };

/** Parses `UTC`, `Z`, `+02:00`, `-0530` or an IANA name; throws a RangeError naming what is accepted. */
export function parseTimeZone(text: string | undefined): TimeZone {
    if (text === undefined || text === '' || /^(utc|z|gmt)$/i.test(text)) return { kind: 'fixed', offsetMinutes: 0, name: 'UTC' };
    const fixed = /^(?:utc|gmt)?([+-])(\d{1,2}):?(\d{2})?$/i.exec(text);
    if (fixed) {
        const minutes = (Number(fixed[2]) * 60 + Number(fixed[3] ?? 0)) * (fixed[1] === '-' ? -1 : 1);
        if (Math.abs(minutes) > 14 * 60 || minutes % 15 !== 0) {
            throw new RangeError(`time zone offset '${text}' is not a real offset: use a multiple of 15 minutes between -14:00 and +14:00`);
        }
        return { kind: 'fixed', offsetMinutes: minutes, name: text };
    }
    try {
        const format = new Intl.DateTimeFormat('en-US', {
            timeZone: text, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit'
        });
        return { kind: 'iana', name: text, format };
    } catch {
        throw new RangeError(`unknown time zone '${text}': use UTC, an offset like +02:00, or an IANA name like America/Chicago`);
    }
}

/** The zone's offset from UTC at instant `ts`, in minutes. */
export function offsetAt(zone: TimeZone, ts: number): number {
    if (zone.kind === 'fixed') return zone.offsetMinutes;
    const parts: Record<string, number> = {};
    for (const part of zone.format.formatToParts(new Date(ts))) {
        if (part.type !== 'literal') parts[part.type] = Number(part.value);
    }
    const local = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute);
    return Math.round((local - Math.floor(ts / 60000) * 60000) / 60000);
}

/** The local day (`YYYY-MM-DD`) of an instant. */
export function dayOf(zone: TimeZone, ts: number): string {
    return new Date(ts + offsetAt(zone, ts) * 60000).toISOString().slice(0, 10);
}

/** The first instant of a local day. */
export function dayStart(zone: TimeZone, day: string): number {
    const midnight = parseDay(day);
    let guess = midnight - offsetAt(zone, midnight) * 60000;
    // Twice: the offset at the guess may differ from the offset at UTC midnight (DST change that day).
    guess = midnight - offsetAt(zone, guess) * 60000;
    return midnight - offsetAt(zone, guess) * 60000;
}

/** The day after `day`. */
export function nextDay(day: string): string {
    return new Date(parseDay(day) + DAY_MS).toISOString().slice(0, 10);
}

/** `[start, end)` in epoch ms for a filter's inclusive from/to days; missing ends are open. */
export function dayRange(zone: TimeZone, from?: string, to?: string): { start?: number; end?: number } {
    return {
        start: from === undefined ? undefined : dayStart(zone, from),
        end: to === undefined ? undefined : dayStart(zone, nextDay(to))
    };
}

export function parseDay(day: string): number {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
    const ms = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : NaN;
    if (!match || Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== day) {
        throw new RangeError(`'${day}' is not a day: use YYYY-MM-DD, e.g. 2026-11-01`);
    }
    return ms;
}
