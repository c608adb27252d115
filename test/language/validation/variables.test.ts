import * as assert from 'node:assert';
import { IssueCodes } from '../../../language/chatflow-validator.js';
import { edit, fixture, issues, none, single, validate } from './validate.js';

const dental = fixture('dental.chatflow');

describe('validation: {variable} in texts', () => {
    it('reports an unknown variable in a box text, exactly on the name, with a suggestion', async () => {
        const doc = await validate(edit(dental, 'Thanks {first_name}.', 'Thanks {firstname}.'));
        const error = single(doc, IssueCodes.UnknownVariable);
        assert.strictEqual(error.text, 'firstname');
        assert.strictEqual(error.severity, 1);
        assert.match(error.message, /Did you mean 'first_name'\?/);
        assert.strictEqual((error.data as { suggestion: string }).suggestion, 'first_name');
    });

    it('reports an unknown variable in retry text', async () => {
        const doc = await validate(edit(dental, 'retry "Just your first name, please."', 'retry "Just your first name, please, {patient}."'));
        assert.strictEqual(single(doc, IssueCodes.UnknownVariable).text, 'patient');
    });

    it('accepts texts that only name declared variables', async () => {
        none(await validate(dental), IssueCodes.UnknownVariable);
    });
});

describe('validation: variables used before every path assigns them', () => {
    it('warns where a value is read on a path that skipped its `set`, in texts and in conditions', async () => {
        const doc = await validate(edit(dental, '        set treatment = "check-up"\n', ''));
        const warnings = issues(doc, IssueCodes.UnassignedVariable);
        assert.deepStrictEqual(warnings.map(w => doc.textDocument.getText(w.range)), ['treatment', 'treatment']);
        const lines = warnings.map(w => doc.textDocument.getText({ start: { line: w.range.start.line, character: 0 }, end: { line: w.range.start.line + 1, character: 0 } }).trim());
        assert.ok(lines[0].startsWith('when budget < 500 and treatment == "invisalign"'), lines[0]);
        assert.ok(lines[1].startsWith('input ask_email'), lines[1]);
        assert.match(warnings[0].message, /Variable 'treatment' may be unset in 'check_budget'/);
        assert.strictEqual(warnings[0].severity, 2);
    });

    it('counts a default as assigned on every path', async () => {
        none(await validate(dental), IssueCodes.UnassignedVariable);
        const doc = await validate(edit(dental, 'var wants_whitening: yesno = no', 'var wants_whitening: yesno'));
        const warning = single(doc, IssueCodes.UnassignedVariable);
        assert.strictEqual(warning.text, 'wants_whitening');
    });

    it('does not count an input\'s own answer in its own question', async () => {
        const doc = await validate(edit(dental, 'Roughly what budget do you have in mind, in dollars?', 'Is {budget} dollars about right?'));
        assert.match(single(doc, IssueCodes.UnassignedVariable).message, /'budget' may be unset in 'ask_budget'/);
    });

    it('treats a bare `when variable` as a test of whether it is set, not a use', async () => {
        const doc = await validate(edit(dental, 'when wants_whitening == yes -> whitening_offer', 'when phone -> whitening_offer'));
        none(doc, IssueCodes.UnassignedVariable);
    });
});
