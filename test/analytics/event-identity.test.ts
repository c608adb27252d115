import * as assert from 'node:assert';
import { IdentityOrdinals } from '../../analytics/import/event-identity.js';

describe('identity ordinals of identical events in one log', () => {
    const at = (time: string) => Date.parse(`2026-11-02T09:${time}Z`);

    it('numbers a repeated answer in the same second 0, 1, 2 and everything else 0, per chat', () => {
        const ordinals = new IdentityOrdinals();
        const seen = [
            ordinals.next('intake-7', at('00:00'), 'enter', 'Clinic.ask_insured', ''),
            ordinals.next('intake-7', at('00:04'), 'answer', 'Clinic.ask_insured', ''),
            ordinals.next('intake-9', at('00:04'), 'answer', 'Clinic.ask_insured', ''), // another chat, same second
            ordinals.next('intake-7', at('00:04'), 'answer', 'Clinic.ask_insured', ''), // "yes" sent twice
            ordinals.next('intake-7', at('00:04'), 'enter', 'Clinic.ask_phone', ''),    // same second, another event
            ordinals.next('intake-7', at('00:04'), 'answer', 'Clinic.ask_insured', ''), // and a third time
            ordinals.next('intake-7', at('00:09'), 'answer', 'Clinic.ask_insured', ''), // a later second starts over
            ordinals.next('intake-7', at('00:09'), 'goal', 'Clinic.confirmed', 'appointment'),
            ordinals.next('intake-7', at('00:09'), 'goal', 'Clinic.confirmed', 'callback_requested')
        ];
        assert.deepStrictEqual(seen, [0, 0, 0, 1, 0, 2, 0, 0, 0]);
    });

    it('gives a re-export the same numbers line for line', () => {
        const lines: Array<[string, number, string, string, string]> = [
            ['intake-3', at('10:00'), 'answer', 'Clinic.ask_reason', ''],
            ['intake-3', at('10:00'), 'answer', 'Clinic.ask_reason', ''],
            ['intake-4', at('10:00'), 'enter', 'Clinic.welcome', ''],
            ['intake-3', at('10:00'), 'answer', 'Clinic.ask_reason', '']
        ];
        const number = () => {
            const ordinals = new IdentityOrdinals();
            return lines.map(line => ordinals.next(...line));
        };
        assert.deepStrictEqual(number(), [0, 1, 0, 2]);
        assert.deepStrictEqual(number(), number());
    });
});
