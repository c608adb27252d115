import * as assert from 'node:assert';
import { IssueCodes } from '../../../language/chatflow-validator.js';
import { edit, fixture, issues, none, single, validate, validateWorkspace } from './validate.js';

const dental = fixture('dental.chatflow');
const refill = fixture('pharmacy/refill.chatflow');
const delivery = fixture('pharmacy/delivery.chatflow');

describe('validation: unresolved references', () => {
    it('suggests the near box name for a misspelt transition, in the message and in data', async () => {
        const doc = await validate(edit(dental, '-> ask_budget', '-> ask_budjet'));
        const error = single(doc, IssueCodes.UnresolvedReference);
        assert.strictEqual(error.text, 'ask_budjet');
        assert.match(error.message, /Did you mean 'ask_budget'\?/);
        assert.strictEqual((error.data as { suggestion: string }).suggestion, 'ask_budget');
        assert.strictEqual(error.code, IssueCodes.UnresolvedReference);
    });

    it('suggests near goal and variable names too', async () => {
        const goal = await validate(edit(dental, 'goal consult_booked\n    }', 'goal consult_bookd\n    }'));
        assert.strictEqual((single(goal, IssueCodes.UnresolvedReference).data as { suggestion: string }).suggestion, 'consult_booked');
        const variable = await validate(edit(dental, 'save budget', 'save budgte'));
        assert.strictEqual((single(variable, IssueCodes.UnresolvedReference).data as { suggestion: string }).suggestion, 'budget');
    });

    it('offers no suggestion when nothing is close', async () => {
        const doc = await validate(edit(dental, '-> ask_budget', '-> insurance_question'));
        const error = single(doc, IssueCodes.UnresolvedReference);
        assert.doesNotMatch(error.message, /Did you mean/);
        assert.strictEqual((error.data as { suggestion?: string }).suggestion, undefined);
    });

    it('resolves Flow.box across two files built in the same workspace', async () => {
        const [refillDoc, deliveryDoc] = await validateWorkspace({ 'refill.chatflow': refill, 'delivery.chatflow': delivery });
        none(refillDoc, IssueCodes.UnresolvedReference);
        none(deliveryDoc, IssueCodes.UnresolvedReference);
    });

    it('suggests the right qualified name for a misspelt cross-file reference', async () => {
        const [refillDoc] = await validateWorkspace({
            'refill.chatflow': edit(refill, 'else -> Delivery.ask_address', 'else -> Delivery.ask_adress'),
            'delivery.chatflow': delivery
        });
        const error = single(refillDoc, IssueCodes.UnresolvedReference);
        assert.strictEqual(error.text, 'Delivery.ask_adress');
        assert.strictEqual((error.data as { suggestion: string }).suggestion, 'Delivery.ask_address');
    });

    it('reports the cross-file reference when the other file is missing', async () => {
        const doc = await validate(refill, 'refill.chatflow');
        const errors = issues(doc, IssueCodes.UnresolvedReference);
        assert.deepStrictEqual(errors.map(e => doc.textDocument.getText(e.range)), ['Delivery.ask_address', 'Delivery.ask_address']);
    });
});
