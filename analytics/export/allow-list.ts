import type { TrackPlatform } from '../../language/flow-model.js';
import { wordsOf } from '../../language/tracking/phi-terms.js';
import { ExportError } from './export-error.js';
import type { TrackedGoal } from './tracked-goals.js';

/** Top-level and per-event fields each platform's payload may carry; nothing else leaves. */
const GA4_BODY = new Set(['client_id', 'timestamp_micros', 'events']);
const GA4_EVENT = new Set(['name', 'params']);
const META_BODY = new Set(['data']);
const META_EVENT = new Set(['event_name', 'event_time', 'action_source', 'event_id', 'user_data', 'custom_data']);
const META_USER_DATA = new Set(['external_id']);

/** Parameter names that say they carry who the patient is, refused even when a track lists them. */
const IDENTITY_WORDS = new Set(['email', 'mail', 'phone', 'mobile', 'address', 'street', 'zip', 'zipcode', 'postcode', 'dob',
    'birth', 'birthday', 'birthdate', 'ssn', 'mrn', 'patient', 'diagnosis', 'symptom', 'symptoms', 'ip', 'surname']);
const IDENTITY_NAMES = /^(first|last|full|given|family|patient|user)_?name$/i;

/**
 * Checks the payloads against the allow-list before anything is written or sent: the
 * platform's own fields, each event's parameters as its `track` declares them, hashed ids only,
 * user_data only when configured. Throws an ExportError naming the first offending field.
 */
export function checkPayloads(platform: TrackPlatform, bodies: readonly unknown[], goals: readonly TrackedGoal[], options: { userData: boolean }): void {
    // Parameters allowed per event name: the union of what each track declares for that name.
    // An event named by a built-in (goal.name) could be any name: its parameters count for all.
    const byName = new Map<string, Set<string>>();
    const anyName = new Set<string>();
    for (const goal of goals) {
        const names = goal.event.params?.map(p => p.name) ?? [];
        for (const name of names) {
            if (IDENTITY_NAMES.test(name) || wordsOf(name).some(word => IDENTITY_WORDS.has(word))) {
                throw new ExportError(`${goal.where}: parameter '${name}' names personal information; it is never exported. Remove it from the track.`, name);
            }
        }
        const literal = goal.event.name.kind === 'literal' ? String(goal.event.name.value) : undefined;
        let target = anyName;
        if (literal !== undefined) {
            target = byName.get(literal) ?? new Set();
            byName.set(literal, target);
        }
        names.forEach(name => target.add(name));
    }
    const allowed = (name: string): Set<string> => new Set([...(byName.get(name) ?? []), ...anyName]);
    bodies.forEach((body, b) => {
        const at = `request ${b + 1}`;
        if (platform === 'ga4') {
            const ga4 = onlyFields(body, GA4_BODY, at, '');
            if (typeof ga4.client_id !== 'string' || !/^[0-9a-f]{32}$/.test(ga4.client_id)) {
                refuse(at, 'client_id', 'is not a hashed id');
            }
            asArray(ga4.events, at, 'events').forEach((event, e) => {
                const fields = onlyFields(event, GA4_EVENT, at, `events[${e}].`);
                checkParams(fields.params, allowed(String(fields.name)), at, `events[${e}].params`);
            });
        } else {
            const meta = onlyFields(body, META_BODY, at, '');
            asArray(meta.data, at, 'data').forEach((event, e) => {
                const fields = onlyFields(event, META_EVENT, at, `data[${e}].`);
                if (fields.user_data !== undefined) {
                    if (!options.userData) refuse(at, `data[${e}].user_data`, 'is not configured (pass --user-data external_id to send it)');
                    const user = onlyFields(fields.user_data, META_USER_DATA, at, `data[${e}].user_data.`);
                    asArray(user.external_id, at, `data[${e}].user_data.external_id`).forEach((id, i) => {
                        if (typeof id !== 'string' || !/^[0-9a-f]{64}$/.test(id)) refuse(at, `data[${e}].user_data.external_id[${i}]`, 'is not a SHA-256 hash');
                    });
                }
                if (fields.custom_data !== undefined) checkParams(fields.custom_data, allowed(String(fields.event_name)), at, `data[${e}].custom_data`);
            });
        }
    });
}

function checkParams(params: unknown, allowed: Set<string>, at: string, path: string): void {
    const fields = onlyFields(params, allowed, at, `${path}.`);
    for (const [name, value] of Object.entries(fields)) {
        if (typeof value !== 'string' && typeof value !== 'number') refuse(at, `${path}.${name}`, 'is not a string or number');
    }
}

function onlyFields(value: unknown, allowed: Set<string>, at: string, prefix: string): Record<string, unknown> {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) refuse(at, prefix.replace(/\.$/, '') || '(body)', 'is not an object');
    for (const key of Object.keys(value as object)) {
        if (!allowed.has(key)) refuse(at, `${prefix}${key}`, 'is not on the allow-list');
    }
    return value as Record<string, unknown>;
}

function asArray(value: unknown, at: string, path: string): unknown[] {
    if (!Array.isArray(value)) refuse(at, path, 'is not a list');
    return value as unknown[];
}

function refuse(at: string, field: string, why: string): never {
    throw new ExportError(`export refused: field '${field}' of ${at} ${why}. Nothing was written or sent.`, field);
}
