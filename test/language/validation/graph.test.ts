import * as assert from 'node:assert';
import { IssueCodes } from '../../../language/chatflow-validator.js';
import { edit, fixture, issues, none, single, validate, validateWorkspace } from './validate.js';

const dental = fixture('dental.chatflow');
const refill = fixture('pharmacy/refill.chatflow');
const delivery = fixture('pharmacy/delivery.chatflow');

/** The dental flow with its only way into `financing_info` gone (the branch now goes to ask_email). */
const financingOrphaned = edit(dental, "when budget < 500 and treatment == \"invisalign\" -> financing_info", "when budget < 500 and treatment == \"invisalign\" -> ask_email");

describe('validation: reachability', () => {
    it('warns about a box no chat can reach from start, on its name', async () => {
        const doc = await validate(financingOrphaned);
        const warning = single(doc, IssueCodes.UnreachableBox);
        assert.strictEqual(warning.text, 'financing_info');
        assert.strictEqual(warning.severity, 2);
        assert.match(warning.message, /cannot be reached from start 'hello'/);
        none(await validate(dental), IssueCodes.UnreachableBox);
    });

    it('counts a box that another file\'s flow leads into as reachable', async () => {
        const [, deliveryDoc] = await validateWorkspace({ 'refill.chatflow': refill, 'delivery.chatflow': delivery });
        none(deliveryDoc, IssueCodes.UnreachableBox);
        const alone = await validate(delivery, 'delivery.chatflow');
        assert.deepStrictEqual(issues(alone, IssueCodes.UnreachableBox).map(d => alone.textDocument.getText(d.range)), ['ask_address', 'delivery_booked']);
    });

    it('does not pile reachability warnings on a flow with an unresolved transition', async () => {
        const doc = await validate(edit(dental, '-> pick_treatment', '-> pick_treatmnt'));
        single(doc, IssueCodes.UnresolvedReference);
        none(doc, IssueCodes.UnreachableBox);
    });
});

describe('validation: loops no chat can leave', () => {
    it('warns about a loop of boxes with no way out', async () => {
        // The whitening offer now loops back to the budget question, which always comes back to it.
        let text = edit(dental, '    message whitening_offer "This month whitening is 20% off for new patients." {\n        -> ask_email',
            '    message whitening_offer "This month whitening is 20% off for new patients." {\n        -> ask_again');
        text = edit(text, '    message financing_info', '    input ask_again "Would you like to change your budget?" {\n        save budget\n        -> whitening_offer\n    }\n\n    message financing_info');
        const doc = await validate(text);
        const warning = single(doc, IssueCodes.TrappedLoop);
        assert.match(warning.message, /Boxes 'ask_again', 'whitening_offer' form a loop no chat can leave/);
        assert.strictEqual(warning.text, 'ask_again');
        assert.strictEqual(warning.severity, 2);
    });

    it('accepts loops with a way out (a retry loop back to the menu that can also end)', async () => {
        const doc = await validate(readClinic());
        none(doc, IssueCodes.TrappedLoop);
        assert.ok(doc.textDocument.getText().includes('"Pick another day" -> pick_day'));
    });

    it('warns about a box that leads to itself only', async () => {
        const doc = await validate(edit(dental, '    input ask_date "Which day would you like to come in? (YYYY-MM-DD)" {\n        save visit_date\n        -> book_consult',
            '    input ask_date "Which day would you like to come in? (YYYY-MM-DD)" {\n        save visit_date\n        -> ask_date'));
        assert.match(single(doc, IssueCodes.TrappedLoop).message, /'ask_date' form a loop/);
    });
});

describe('validation: goals', () => {
    it('warns about a goal no box marks, on its declaration', async () => {
        const doc = await validate(edit(dental, 'goal lead "Lead captured"', 'goal lead "Lead captured"\ngoal referral "Referral sent"'));
        const warning = single(doc, IssueCodes.UnmarkedGoal);
        assert.strictEqual(warning.text, 'referral');
        none(await validate(dental), IssueCodes.UnmarkedGoal);
    });

    it('counts marks in other files of the workspace: a goal declared in one file and marked in another is fine', async () => {
        const withoutLocalMark = edit(refill, '        goal refill_ordered\n', '');
        const [refillDoc] = await validateWorkspace({ 'refill.chatflow': withoutLocalMark, 'delivery.chatflow': delivery });
        none(refillDoc, IssueCodes.UnmarkedGoal);
        const alone = await validate(withoutLocalMark, 'refill.chatflow');
        assert.strictEqual(single(alone, IssueCodes.UnmarkedGoal).text, 'refill_ordered');
    });

    it('warns about a goal marked only on boxes no chat can reach, on the mark', async () => {
        const text = edit(edit(financingOrphaned, '        goal lead\n', ''), '    message financing_info "Invisalign starts at $3,000, and we offer 0% financing over 24 months." {\n',
            '    message financing_info "Invisalign starts at $3,000, and we offer 0% financing over 24 months." {\n        goal lead\n');
        const doc = await validate(text);
        const warning = single(doc, IssueCodes.UnreachableGoal);
        assert.strictEqual(warning.text, 'lead');
        assert.match(warning.message, /marked only on boxes no chat can reach from start \('financing_info'\)/);
    });

    it('does not warn when a goal has at least one reachable mark', async () => {
        const doc = await validate(edit(financingOrphaned, '    message financing_info "Invisalign starts at $3,000, and we offer 0% financing over 24 months." {\n',
            '    message financing_info "Invisalign starts at $3,000, and we offer 0% financing over 24 months." {\n        goal lead\n'));
        single(doc, IssueCodes.UnreachableBox);
        none(doc, IssueCodes.UnreachableGoal);
    });
});

function readClinic(): string {
    return fixture('../../../examples/clinic.chatflow');
}
