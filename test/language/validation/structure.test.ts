import * as assert from 'node:assert';
import { IssueCodes } from '../../../language/chatflow-validator.js';
import { edit, fixture, issues, none, single, validate } from './validate.js';

const dental = fixture('dental.chatflow');

describe('validation: start, statements a box holds once, saves, else', () => {
    it('reports a flow without start, on the flow name', async () => {
        const doc = await validate(edit(dental, '    start hello\n', ''));
        const error = single(doc, IssueCodes.MissingStart);
        assert.strictEqual(error.text, 'Dental');
        assert.match(error.message, /Add 'start <box>'/);
        none(await validate(dental), IssueCodes.MissingStart);
    });

    it('reports a second start, on the second one', async () => {
        const doc = await validate(edit(dental, '    start hello\n', '    start hello\n    start pick_treatment\n'));
        assert.strictEqual(single(doc, IssueCodes.MultipleStarts).text, 'start pick_treatment');
        none(await validate(dental), IssueCodes.MultipleStarts);
    });

    const repeated: Array<[string, string, string, string]> = [
        ["'->' in a message", '        -> pick_treatment\n', '        -> pick_treatment\n        -> reception\n', 'reception'],
        ["'save' in an input", '        save budget\n', '        save budget\n        save treatment\n', 'treatment'],
        ["'retry' in an input", '        retry "Just your first name, please."\n', '        retry "Just your first name, please."\n        retry "Again?"\n', '"Again?"'],
        ['validation in an input', '        between 0 and 20000\n', '        between 0 and 20000\n        matches "^[0-9]+$"\n', 'matches "^[0-9]+$"'],
        ["'->' in an input", '        -> ask_date\n', '        -> ask_date\n        -> reception\n', 'reception'],
        ["'else' in a condition", '        else -> ask_email\n', '        else -> ask_email\n        else -> reception\n', 'else -> reception'],
        ["'call' in an action", '        call "crm.createLead"\n', '        call "crm.createLead"\n        call "crm.updateLead"\n', '"crm.updateLead"'],
        ["'queue' in a handoff", '        queue "reception"\n', '        queue "reception"\n        queue "billing"\n', '"billing"']
    ];
    for (const [what, from, to, reported] of repeated) {
        it(`reports a second ${what}, on the second one`, async () => {
            const error = single(await validate(edit(dental, from, to)), IssueCodes.RepeatedStatement);
            assert.strictEqual(error.text, reported);
            assert.match(error.message, /already has a/);
        });
    }

    it('reports no repeated statement in the clean flow', async () => {
        none(await validate(dental), IssueCodes.RepeatedStatement);
    });

    it('reports an input that does not save its answer', async () => {
        const doc = await validate(edit(dental, '        save visit_date\n', ''));
        const error = single(doc, IssueCodes.MissingSave);
        assert.strictEqual(error.text, 'ask_date');
        assert.strictEqual(error.severity, 1);
        none(await validate(dental), IssueCodes.MissingSave);
    });

    it('warns about a condition without else, on its name', async () => {
        const doc = await validate(edit(dental, '        else -> ask_email\n', ''));
        const warning = single(doc, IssueCodes.MissingElse);
        assert.strictEqual(warning.text, 'check_budget');
        assert.strictEqual(warning.severity, 2);
        none(await validate(dental), IssueCodes.MissingElse);
    });
});

describe('validation: dead ends', () => {
    it('reports a message that leads nowhere, telling how to lead on', async () => {
        const doc = await validate(edit(dental, '        set treatment = "check-up"\n        -> ask_name\n', '        set treatment = "check-up"\n'));
        const error = single(doc, IssueCodes.DeadEnd);
        assert.strictEqual(error.text, 'set_checkup');
        assert.match(error.message, /Add '-> <box>'/);
    });

    it('reports a choice without options, a condition without branches and an action without outcomes', async () => {
        let text = edit(dental, '    choice pick_treatment "What are you interested in?" {', '    choice empty_menu "Anything?" {\n    }\n\n    choice pick_treatment "What are you interested in?" {');
        text = edit(text, '    condition check_budget {', '    condition empty_check {\n    }\n\n    condition check_budget {');
        text = edit(text, '    action book_consult', '    action notify_crm {\n        call "crm.notify"\n    }\n\n    action book_consult');
        const doc = await validate(text);
        assert.deepStrictEqual(issues(doc, IssueCodes.DeadEnd).map(d => doc.textDocument.getText(d.range)), ['empty_menu', 'empty_check', 'notify_crm']);
    });

    it('accepts end and handoff boxes, which end the chat on purpose', async () => {
        const doc = await validate(dental);
        none(doc, IssueCodes.DeadEnd);
        assert.ok(doc.textDocument.getText().includes('handoff reception'));
    });

    it('does not call a box with an unresolved target a dead end (the linking error says it)', async () => {
        const doc = await validate(edit(dental, '-> pick_treatment', '-> pick_treatmnt'));
        none(doc, IssueCodes.DeadEnd);
        single(doc, IssueCodes.UnresolvedReference);
    });
});
