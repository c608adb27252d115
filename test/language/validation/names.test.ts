import * as assert from 'node:assert';
import { IssueCodes } from '../../../language/chatflow-validator.js';
import { edit, fixture, issues, none, single, validate, validateWorkspace } from './validate.js';

const dental = fixture('dental.chatflow');
const refill = fixture('pharmacy/refill.chatflow');
const delivery = fixture('pharmacy/delivery.chatflow');

describe('validation: duplicate names', () => {
    it('reports a second box with the same name in a flow, on its name', async () => {
        const doc = await validate(edit(dental, 'message financing_info', 'message whitening_offer'));
        const error = single(doc, IssueCodes.DuplicateBox);
        assert.strictEqual(error.text, 'whitening_offer');
        const text = doc.textDocument.getText();
        // The second definition is the one reported; the first keeps its references.
        assert.strictEqual(error.range.start.line, doc.textDocument.positionAt(text.lastIndexOf('message whitening_offer')).line);
        assert.match(error.message, /already defined in flow 'Dental' \(line \d+\)/);
        none(await validate(dental), IssueCodes.DuplicateBox);
    });

    it('allows the same box name in two different flows', async () => {
        const twoFlows = `${dental}\nflow Recall {\n    start hello\n    end hello "Time for your six-month check-up!"\n}\n`;
        none(await validate(twoFlows), IssueCodes.DuplicateBox);
    });

    it('reports a variable declared twice in a flow', async () => {
        const doc = await validate(edit(dental, '    var budget: number\n', '    var budget: number\n    var budget: text\n'));
        assert.strictEqual(single(doc, IssueCodes.DuplicateVariable).text, 'budget');
        none(await validate(dental), IssueCodes.DuplicateVariable);
    });

    it('reports a goal declared twice in one document', async () => {
        const doc = await validate(edit(dental, 'goal lead "Lead captured"', 'goal lead "Lead captured"\ngoal lead "New lead"'));
        const error = single(doc, IssueCodes.DuplicateGoal);
        assert.strictEqual(error.range.start.line, 3);
        none(await validate(dental), IssueCodes.DuplicateGoal);
    });

    it('reports a goal also declared in another file of the workspace, in both files', async () => {
        const [refillDoc, deliveryDoc] = await validateWorkspace({
            'refill.chatflow': refill,
            'delivery.chatflow': `goal refill_ordered "Refill delivered"\n${delivery}`
        });
        assert.match(single(refillDoc, IssueCodes.DuplicateGoal).message, /also declared in delivery\.chatflow/);
        assert.match(single(deliveryDoc, IssueCodes.DuplicateGoal).message, /also declared in refill\.chatflow/);
        const [cleanRefill, cleanDelivery] = await validateWorkspace({ 'refill.chatflow': refill, 'delivery.chatflow': delivery });
        none(cleanRefill, IssueCodes.DuplicateGoal);
        none(cleanDelivery, IssueCodes.DuplicateGoal);
    });

    it('reports duplicate flow names in a document and across files', async () => {
        const local = await validate(`${dental}\nflow Dental {\n    start bye\n    end bye\n}\n`);
        assert.strictEqual(single(local, IssueCodes.DuplicateFlow).text, 'Dental');
        const [refillDoc] = await validateWorkspace({
            'refill.chatflow': refill,
            'delivery.chatflow': delivery,
            'old-refill.chatflow': 'flow Refill {\n    start closed\n    end closed "Refills moved to the new line."\n}\n'
        });
        assert.match(single(refillDoc, IssueCodes.DuplicateFlow).message, /also defined in old-refill\.chatflow/);
        none(await validate(dental), IssueCodes.DuplicateFlow);
    });

    it('reports two options with the same label in one choice box', async () => {
        const doc = await validate(edit(dental, '"A check-up" -> set_checkup', '"Invisalign" -> set_checkup'));
        const error = single(doc, IssueCodes.DuplicateChoiceLabel);
        assert.strictEqual(error.text, '"Invisalign"');
        assert.strictEqual(error.severity, 1);
        assert.strictEqual(issues(await validate(dental), IssueCodes.DuplicateChoiceLabel).length, 0);
    });
});
