import * as assert from 'node:assert';
import { IssueCodes } from '../../../language/chatflow-validator.js';
import { edit, fixture, none, single, validate, validateWorkspace } from './validate.js';

const dental = fixture('dental.chatflow');

describe('validation: test blocks', () => {
    it('reports `choose` of a label no choice box offers, suggesting the closest one', async () => {
        const doc = await validate(edit(dental, 'choose "Teeth whitening"', 'choose "Teeth whitning"'));
        const error = single(doc, IssueCodes.UnknownChoice);
        assert.strictEqual(error.text, '"Teeth whitning"');
        assert.match(error.message, /No choice box of flow 'Dental' offers "Teeth whitning"\. Did you mean 'Teeth whitening'\?/);
        assert.strictEqual((error.data as { suggestion: string }).suggestion, '"Teeth whitening"');
    });

    it('reports `outcome` no action of the flow has', async () => {
        const doc = await validate(edit(dental, 'outcome booked', 'outcome boked'));
        const error = single(doc, IssueCodes.UnknownOutcome);
        assert.strictEqual(error.text, 'boked');
        assert.strictEqual((error.data as { suggestion: string }).suggestion, 'booked');
    });

    it('reports `expect variable == literal` of the wrong type', async () => {
        const doc = await validate(edit(dental, 'expect wants_whitening == yes', 'expect wants_whitening == "yes"'));
        const error = single(doc, IssueCodes.LiteralTypeMismatch);
        assert.strictEqual(error.text, '"yes"');
        assert.match(error.message, /'wants_whitening' is a yesno variable, so this expectation can never hold/);
    });

    it('reports unknown boxes and goals in tests as unresolved references', async () => {
        const box = await validate(edit(dental, 'expect box whitening_offer', 'expect box whitening_ofer'));
        assert.strictEqual((single(box, IssueCodes.UnresolvedReference).data as { suggestion: string }).suggestion, 'whitening_offer');
        const goal = await validate(edit(dental, 'expect goal consult_booked', 'expect goal consultation'));
        single(goal, IssueCodes.UnresolvedReference);
    });

    it('accepts choices and outcomes of the flow, and of boxes in another file the flow leads into', async () => {
        const doc = await validate(dental);
        none(doc, IssueCodes.UnknownChoice);
        none(doc, IssueCodes.UnknownOutcome);
        const refill = edit(fixture('pharmacy/refill.chatflow'), '        answer "12 Elm Street"\n', '        answer "12 Elm Street"\n        choose "Leave it at the door"\n');
        const delivery = edit(fixture('pharmacy/delivery.chatflow'), '        -> delivery_booked\n', '        -> drop_off\n    }\n\n    choice drop_off "Where should we leave it?" {\n        "Leave it at the door" -> delivery_booked\n        "Hand it to me" -> delivery_booked\n');
        const [refillDoc] = await validateWorkspace({ 'refill.chatflow': refill, 'delivery.chatflow': delivery });
        none(refillDoc, IssueCodes.UnknownChoice);
    });
});
