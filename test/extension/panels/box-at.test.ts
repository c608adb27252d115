import * as assert from 'node:assert';
import type { FlowGraph, Position } from '../../../language/flow-model.js';
import { boxAt, findBox } from '../../../extension/panels/box-at.js';
import { exampleText, exampleUri, flowsOf, lineOf } from '../example-graphs.js';

const clinicText = exampleText('clinic.chatflow');
const clinicUri = exampleUri('clinic.chatflow');

/** The position of `fragment` (plus `delta` characters) on its first line in the clinic example. */
function at(fragment: string, delta = 0): Position {
    const line = lineOf(clinicText, fragment);
    return { line, character: clinicText.split('\n')[line].indexOf(fragment) + delta };
}

describe('the box under the editor cursor (preview highlight)', () => {
    let clinic: FlowGraph[];
    before(async () => {
        clinic = (await flowsOf({ 'clinic.chatflow': clinicText })).get('clinic.chatflow')!;
    });

    it('is the box whose body holds the cursor, on its name or deep inside it', () => {
        assert.strictEqual(boxAt(clinic, clinicUri, at('input ask_age', 8))?.id, 'Clinic.ask_age');
        assert.strictEqual(boxAt(clinic, clinicUri, at('between 0 and 120', 3))?.id, 'Clinic.ask_age');
        assert.strictEqual(boxAt(clinic, clinicUri, at('on full -> slot_full'))?.id, 'Clinic.book_slot');
        assert.strictEqual(boxAt(clinic, clinicUri, at('when age < 18 -> minor_notice', 5))?.id, 'Clinic.check_age');
    });

    it('is none on goal declarations, variables and test blocks', () => {
        assert.strictEqual(boxAt(clinic, clinicUri, at('goal appointment "Appointment booked"', 6)), undefined);
        assert.strictEqual(boxAt(clinic, clinicUri, at('var age: number', 4)), undefined);
        assert.strictEqual(boxAt(clinic, clinicUri, at('answer "Jane Doe"', 2)), undefined);
    });

    it('is none for a cursor in another document at the same line', () => {
        assert.strictEqual(boxAt(clinic, exampleUri('dental.chatflow'), at('between 0 and 120', 3)), undefined);
    });

    it('includes the closing brace of a box, so the cursor just after it still highlights the box', () => {
        const braceLine = lineOf(clinicText, 'message callback_noted') + 4;
        assert.strictEqual(clinicText.split('\n')[braceLine].trim(), '}');
        assert.strictEqual(boxAt(clinic, clinicUri, { line: braceLine, character: 5 })?.id, 'Clinic.callback_noted');
    });
});

describe('finding a clicked box to reveal it', () => {
    it('prefers the box where it is defined over its external copy in another flow', async () => {
        const graphs = await flowsOf({
            'pharmacy-common.chatflow': exampleText('pharmacy-common.chatflow'),
            'pharmacy-refill.chatflow': exampleText('pharmacy-refill.chatflow')
        });
        const refill = graphs.get('pharmacy-refill.chatflow')!;
        const external = findBox(refill, 'Common.ask_dob');
        assert.strictEqual(external?.external, true);
        assert.strictEqual(external?.range.uri, exampleUri('pharmacy-common.chatflow'));
        const defined = findBox([...refill, ...graphs.get('pharmacy-common.chatflow')!], 'Common.ask_dob');
        assert.strictEqual(defined?.external, undefined);
        assert.strictEqual(defined?.nameRange.start.line, lineOf(exampleText('pharmacy-common.chatflow'), 'ask_dob "'));
        assert.strictEqual(findBox(refill, 'Refill.no_such_box'), undefined);
    });
});
