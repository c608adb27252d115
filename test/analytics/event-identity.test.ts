import * as assert from 'node:assert';
import { IdentityOrdinals } from '../../analytics/import/event-identity.js';

describe('identity ordinals of identical events in one log', () => {
    const at = (time: string) => Date.parse(`2026-11-02T09:${time}Z`);

    it('gives an exact repeat of the chat\'s previous line its ordinal (stored once), and different events in the same second 0, 1, 2', () => {
        const ordinals = new IdentityOrdinals();
        const seen = [
            ordinals.next('intake-7', at('00:00'), 'enter', 'Clinic.ask_insured', '', ''),
            ordinals.next('intake-7', at('00:04'), 'answer', 'Clinic.ask_insured', '', 'yes'),
            ordinals.next('intake-9', at('00:04'), 'answer', 'Clinic.ask_insured', '', 'yes'), // another chat, same second
            ordinals.next('intake-7', at('00:04'), 'answer', 'Clinic.ask_insured', '', 'yes'), // the same line again
            ordinals.next('intake-7', at('00:04'), 'answer', 'Clinic.ask_insured', '', 'no'),  // another answer, same second
            ordinals.next('intake-7', at('00:04'), 'enter', 'Clinic.ask_phone', '', ''),       // same second, another event
            ordinals.next('intake-7', at('00:04'), 'answer', 'Clinic.ask_insured', '', 'yes'), // after something else: a third answer
            ordinals.next('intake-7', at('00:09'), 'answer', 'Clinic.ask_insured', '', 'yes'), // a later second starts over
            ordinals.next('intake-7', at('00:09'), 'goal', 'Clinic.confirmed', 'appointment', ''),
            ordinals.next('intake-7', at('00:09'), 'goal', 'Clinic.confirmed', 'callback_requested', '')
        ];
        assert.deepStrictEqual(seen, [0, 0, 0, 0, 1, 0, 2, 0, 0, 0]);
    });

    it('numbers a duplicated line the same whether it is next to the original or elsewhere in the file', () => {
        const enter = (ordinals: IdentityOrdinals, time: string, box: string) => ordinals.next('r1', at(time), 'enter', box, '', '');
        const adjacent = new IdentityOrdinals();
        assert.deepStrictEqual([enter(adjacent, '00:01', 'welcome'), enter(adjacent, '00:01', 'welcome'), enter(adjacent, '00:02', 'main_menu')], [0, 0, 0]);
        const separated = new IdentityOrdinals();
        assert.deepStrictEqual([enter(separated, '00:01', 'welcome'), enter(separated, '00:02', 'main_menu'), enter(separated, '00:01', 'welcome')], [0, 0, 0]);
    });

    it('keeps a box entered again in the same second after an answer (a retry) as a second entry', () => {
        const ordinals = new IdentityOrdinals();
        assert.deepStrictEqual([
            ordinals.next('r2', at('00:01'), 'enter', 'ask_phone', '', ''),
            ordinals.next('r2', at('00:01'), 'answer', 'ask_phone', '', 'abc'),
            ordinals.next('r2', at('00:01'), 'enter', 'ask_phone', '', '')
        ], [0, 0, 1]);
    });

    it('gives a re-export the same numbers line for line', () => {
        const lines: Array<[string, number, string, string, string, string]> = [
            ['intake-3', at('10:00'), 'answer', 'Clinic.ask_reason', '', 'a'],
            ['intake-3', at('10:00'), 'answer', 'Clinic.ask_reason', '', 'b'],
            ['intake-4', at('10:00'), 'enter', 'Clinic.welcome', '', ''],
            ['intake-3', at('10:00'), 'answer', 'Clinic.ask_reason', '', 'b'],
            ['intake-3', at('10:00'), 'answer', 'Clinic.ask_reason', '', 'c']
        ];
        const number = () => {
            const ordinals = new IdentityOrdinals();
            return lines.map(line => ordinals.next(...line));
        };
        assert.deepStrictEqual(number(), [0, 1, 0, 1, 2]);
        assert.deepStrictEqual(number(), number());
    });
});
