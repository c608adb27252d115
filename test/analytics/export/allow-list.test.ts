import * as assert from 'node:assert';
import type { TrackedEvent } from '../../../language/flow-model.js';
import { checkPayloads } from '../../../analytics/export/allow-list.js';
import { ExportError } from '../../../analytics/export/export-error.js';
import { ga4Bodies, hashedId, metaBodies } from '../../../analytics/export/payloads.js';
import type { TrackedGoal } from '../../../analytics/export/tracked-goals.js';
import { parseTimeZone } from '../../../analytics/time-zone.js';

/** The store's salt and zone every payload is built with. */
const ids = { key: Buffer.from('5a'.repeat(32), 'hex'), zone: parseTimeZone('UTC') };

const range = { uri: 'file:///clinic/clinic.chatflow', start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function tracked(platform: 'ga4' | 'meta', name: string, params: string[]): TrackedGoal {
    const event: TrackedEvent = {
        platform, name: { kind: 'literal', value: name }, range,
        params: params.map(p => ({ name: p, value: { kind: 'literal', value: p === 'value' ? 1 : 'USD' }, range }))
    };
    return { flow: 'Clinic', goal: 'appointment', event, where: 'clinic.chatflow:212' };
}

const rows = [
    { goal: 'appointment', chat: 'c-0042', flow: 'Clinic', version: 'v3', ts: Date.parse('2026-11-03T14:22:05Z') },
    { goal: 'appointment', chat: 'c-0043', flow: 'Clinic', version: 'v3', ts: Date.parse('2026-11-03T15:01:40Z') }
];

function refusedField(run: () => void): string | undefined {
    try {
        run();
    } catch (error) {
        assert.ok(error instanceof ExportError, String(error));
        assert.match(error.message, /Nothing was written or sent\.$|never exported/);
        return error.field;
    }
    assert.fail('the payload was accepted');
}

describe('export allow-list', () => {
    const ga4 = [tracked('ga4', 'generate_lead', ['value', 'currency'])];
    const meta = [tracked('meta', 'Schedule', ['value'])];

    it('accepts the payloads the exporter builds from declared parameters', () => {
        const bodies = ga4Bodies(ga4, rows, ids);
        assert.deepStrictEqual(bodies[0], {
            client_id: hashedId('c-0042', ids.key, 32), timestamp_micros: Date.parse('2026-11-03T14:22:05Z') * 1000,
            events: [{ name: 'generate_lead', params: { value: 1, currency: 'USD' } }]
        });
        checkPayloads('ga4', bodies, ga4, { ...ids, userData: false });
        checkPayloads('meta', metaBodies(meta, rows, { ...ids, userData: true }), meta, { userData: true });
    });

    it('names a GA4 parameter the track does not list, an unknown top-level field and a raw client id', () => {
        const extraParam = ga4Bodies(ga4, rows, ids);
        (extraParam[1].events[0].params as Record<string, unknown>).reason = 'follow-up on blood pressure';
        assert.strictEqual(refusedField(() => checkPayloads('ga4', extraParam, ga4, { ...ids, userData: false })), 'events[0].params.reason');
        const extraField = ga4Bodies(ga4, rows, ids).map(b => ({ ...b, user_id: 'c-0042' }));
        assert.strictEqual(refusedField(() => checkPayloads('ga4', extraField, ga4, { ...ids, userData: false })), 'user_id');
        const rawId = ga4Bodies(ga4, rows, ids).map(b => ({ ...b, client_id: 'c-0042' }));
        assert.strictEqual(refusedField(() => checkPayloads('ga4', rawId, ga4, { ...ids, userData: false })), 'client_id');
    });

    it('names Meta user_data that was not configured, and custom_data beyond the track', () => {
        const userData = metaBodies(meta, rows, { ...ids, userData: true });
        assert.strictEqual(refusedField(() => checkPayloads('meta', userData, meta, { ...ids, userData: false })), 'data[0].user_data');
        const custom = metaBodies(meta, rows, { ...ids, userData: false });
        custom[0].data[1].custom_data = { value: 1, content_name: 'Diabetes consult' };
        assert.strictEqual(refusedField(() => checkPayloads('meta', custom, meta, { ...ids, userData: false })), 'data[1].custom_data.content_name');
        const email = metaBodies(meta, rows, { ...ids, userData: true });
        (email[0].data[0].user_data as Record<string, unknown>).em = ['jane@example.com'];
        assert.strictEqual(refusedField(() => checkPayloads('meta', email, meta, { ...ids, userData: true })), 'data[0].user_data.em');
    });

    it('allows each goal the parameters its own track lists when two goals share an event name', () => {
        const booked = tracked('ga4', 'generate_lead', ['value', 'currency']);
        const callback = { ...tracked('ga4', 'generate_lead', ['value']), goal: 'callback_requested' };
        const bodies = [...ga4Bodies([booked], rows.slice(0, 1), ids), ...ga4Bodies([callback], [{ ...rows[1], goal: 'callback_requested' }], ids)];
        assert.deepStrictEqual(bodies.map(b => b.events[0].params), [{ value: 1, currency: 'USD' }, { value: 1 }]);
        checkPayloads('ga4', bodies, [booked, callback], { ...ids, userData: false });
    });

    it('never builds a value from an answer, a box text or an unknown built-in, even if validation was skipped', () => {
        const cases: Array<[TrackedEvent['name'], RegExp]> = [
            [{ kind: 'variable', variable: 'symptoms', sensitive: true }, /built from variable 'symptoms'/],
            [{ kind: 'boxText', box: 'Clinic.ask_symptoms' }, /text of box 'Clinic.ask_symptoms'/],
            [{ kind: 'unknown', text: 'flow.owner' }, /'flow.owner' is not a built-in/]
        ];
        for (const [value, message] of cases) {
            const goal = tracked('ga4', 'generate_lead', []);
            goal.event.params = [{ name: 'detail', value, range }];
            assert.throws(() => ga4Bodies([goal], rows, ids), (error: unknown) => error instanceof ExportError && message.test(error.message) && error.message.startsWith('clinic.chatflow:212'));
        }
    });

    it('refuses parameters named like personal data even when a track lists them', () => {
        for (const name of ['patient_email', 'phone', 'firstName', 'date_of_birth', 'mrn']) {
            const goals = [tracked('ga4', 'generate_lead', [name])];
            assert.strictEqual(refusedField(() => checkPayloads('ga4', ga4Bodies(goals, rows, ids), goals, { userData: false })), name);
        }
    });
});
