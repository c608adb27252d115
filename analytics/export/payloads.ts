import { createHmac } from 'node:crypto';
import type { TrackValueSpec } from '../../language/flow-model.js';
import { dayOf, type TimeZone } from '../time-zone.js';
import { ExportError } from './export-error.js';
import type { ConversionRow } from './exported-conversions.js';
import type { TrackedGoal } from './tracked-goals.js';

/** A GA4 Measurement Protocol request body (one per conversion: its timestamp is the request's). */
export interface Ga4Body {
    client_id: string;
    timestamp_micros: number;
    events: Array<{ name: string; params: Record<string, string | number> }>;
}

/** One event of a Meta Conversions API request. */
export interface MetaEvent {
    event_name: string;
    event_time: number;
    action_source: 'chat';
    event_id: string;
    user_data?: { external_id: string[] };
    custom_data?: Record<string, string | number>;
}

export interface MetaBody { data: MetaEvent[] }

/** Meta accepts at most 1,000 events per request. */
export const META_BATCH = 1000;

/** What every payload is built with: the store's secret for ids, and the zone its days are in. */
export interface PayloadOptions {
    /**
     * The store's privacy salt (privacy/salt-file.ts, the one the 'hash' policy uses). Ids keyed
     * with it cannot be recomputed from a guessed chat id, nor linked to the ids of another
     * store; the same store exports the same ids again, so the platforms drop a re-sent event.
     */
    key: Uint8Array;
    /** `goal.day` is the day in this zone (the report's and the filters' zone). */
    zone: TimeZone;
}

/**
 * A chat id as the platforms see it: an HMAC-SHA-256 under the store's salt, hex, never the raw
 * id (which the chat logs, and so anyone with the database, could link back to a transcript),
 * nor its plain SHA-256 (anyone could hash candidate ids and match). Meta takes it as an opaque
 * external_id of the same 64 hex digits.
 */
export function hashedId(chat: string, key: Uint8Array, length = 64): string {
    return createHmac('sha256', key).update(`chatflow:${chat}`, 'utf8').digest('hex').slice(0, length);
}

export function ga4Bodies(goals: readonly TrackedGoal[], rows: readonly ConversionRow[], options: PayloadOptions): Ga4Body[] {
    const byGoal = indexByGoal(goals);
    return rows.flatMap(row => {
        const tracked = byGoal.get(`${row.flow}\n${row.goal}`);
        if (!tracked) return [];
        return [{
            client_id: hashedId(row.chat, options.key, 32),
            timestamp_micros: row.ts * 1000,
            events: [{ name: eventName(tracked, row, options), params: params(tracked, row, options) }]
        }];
    });
}

export function metaBodies(goals: readonly TrackedGoal[], rows: readonly ConversionRow[], options: PayloadOptions & { userData: boolean }): MetaBody[] {
    const byGoal = indexByGoal(goals);
    const events: MetaEvent[] = [];
    for (const row of rows) {
        const tracked = byGoal.get(`${row.flow}\n${row.goal}`);
        if (!tracked) continue;
        const event: MetaEvent = {
            event_name: eventName(tracked, row, options),
            event_time: Math.floor(row.ts / 1000),
            action_source: 'chat',
            // The same conversion exported again gets the same id, so Meta drops the duplicate.
            event_id: hashedId(`${row.chat}\n${row.goal}`, options.key)
        };
        if (options.userData) event.user_data = { external_id: [hashedId(row.chat, options.key)] };
        const custom = params(tracked, row, options);
        if (Object.keys(custom).length > 0) event.custom_data = custom;
        events.push(event);
    }
    const bodies: MetaBody[] = [];
    for (let i = 0; i < events.length; i += META_BATCH) bodies.push({ data: events.slice(i, i + META_BATCH) });
    return bodies;
}

/** Chats are exported for the goals their own flow tracks. */
function indexByGoal(goals: readonly TrackedGoal[]): Map<string, TrackedGoal> {
    return new Map(goals.map(g => [`${g.flow}\n${g.goal}`, g]));
}

function eventName(tracked: TrackedGoal, row: ConversionRow, options: PayloadOptions): string {
    return String(valueOf(tracked.event.name, row, `${tracked.where}: the event name`, options));
}

function params(tracked: TrackedGoal, row: ConversionRow, options: PayloadOptions): Record<string, string | number> {
    const result: Record<string, string | number> = {};
    for (const param of tracked.event.params ?? []) {
        result[param.name] = valueOf(param.value, row, `${tracked.where}: parameter '${param.name}'`, options);
    }
    return result;
}

/** Literals and built-ins only: anything else is patient data, which the linter reports and the export refuses. */
function valueOf(spec: TrackValueSpec, row: ConversionRow, what: string, options: PayloadOptions): string | number {
    switch (spec.kind) {
        case 'literal':
            return typeof spec.value === 'boolean' ? (spec.value ? 'yes' : 'no') : spec.value;
        case 'builtin':
            switch (spec.name) {
                case 'flow.name': return row.flow;
                case 'flow.version': return row.version;
                case 'goal.name': return row.goal;
                case 'goal.day': return dayOf(options.zone, row.ts);
            }
            break;
        case 'variable':
            throw new ExportError(`${what} is built from variable '${spec.variable}', an answer the patient gave: it is never exported. Use a literal or a built-in (chatflow validate shows the problem).`);
        case 'boxText':
            throw new ExportError(`${what} is built from the text of box '${spec.box}': it is never exported. Use a literal or a built-in (chatflow validate shows the problem).`);
        case 'unknown':
            throw new ExportError(`${what}: '${spec.text}' is not a built-in. Use flow.name, flow.version, goal.name or goal.day.`);
    }
    throw new ExportError(`${what} has an unknown value.`);
}
