import * as assert from 'node:assert';
import { IssueCodes } from '../../../language/chatflow-validator.js';
import { edit, fixture, none, single, validate } from './validate.js';

const dental = fixture('dental.chatflow');
const clean = () => validate(dental);

async function reported(from: string, to: string, code: string): Promise<{ text: string; message: string }> {
    const error = single(await validate(edit(dental, from, to)), code);
    assert.strictEqual(error.severity, 1);
    return error;
}

describe('validation: literals that do not fit a type', () => {
    it('reports comparison literals of the wrong type: a text against a number, a number against yes/no', async () => {
        const number = await reported('when budget < 500', 'when budget < "cheap"', IssueCodes.LiteralTypeMismatch);
        assert.strictEqual(number.text, '"cheap"');
        assert.match(number.message, /'budget' is a number variable: "cheap" is not a number value/);
        const yesno = await reported('when wants_whitening == yes', 'when wants_whitening == 3', IssueCodes.LiteralTypeMismatch);
        assert.strictEqual(yesno.text, '3');
    });

    it('reports operators that do not suit the type: contains on a number, < on yes/no', async () => {
        const contains = await reported('when budget < 500', 'when budget contains "5"', IssueCodes.OperatorTypeMismatch);
        assert.strictEqual(contains.text, 'contains');
        const ordered = await reported('when wants_whitening == yes', 'when wants_whitening < yes', IssueCodes.OperatorTypeMismatch);
        assert.strictEqual(ordered.text, '<');
    });

    it('accepts contains on a text variable and < on a number', async () => {
        const doc = await validate(edit(dental, 'treatment == "invisalign"', 'treatment contains "invis"'));
        none(doc, IssueCodes.OperatorTypeMismatch);
        none(doc, IssueCodes.LiteralTypeMismatch);
        none(await clean(), IssueCodes.OperatorTypeMismatch);
    });

    it('reports `set` and default values of the wrong type', async () => {
        const set = await reported('set wants_whitening = yes', 'set wants_whitening = "yes"', IssueCodes.LiteralTypeMismatch);
        assert.strictEqual(set.text, '"yes"');
        const byDefault = await reported('var budget: number', 'var budget: number = "none"', IssueCodes.LiteralTypeMismatch);
        assert.strictEqual(byDefault.text, '"none"');
        none(await clean(), IssueCodes.LiteralTypeMismatch);
    });

    it('reports malformed email, phone and date literals', async () => {
        const date = await reported('expect visit_date == "2026-12-01"', 'expect visit_date == "12/01/2026"', IssueCodes.MalformedLiteral);
        assert.match(date.message, /"12\/01\/2026" is not a valid date: expected "2026-03-27" \(YYYY-MM-DD\)/);
        const impossible = await reported('expect visit_date == "2026-12-01"', 'expect visit_date == "2026-02-30"', IssueCodes.MalformedLiteral);
        assert.strictEqual(impossible.text, '"2026-02-30"');
        const email = await reported('var email: email sensitive', 'var email: email sensitive = "front desk"', IssueCodes.MalformedLiteral);
        assert.strictEqual(email.text, '"front desk"');
        const phone = await reported('var phone: phone sensitive', 'var phone: phone sensitive = "call me"', IssueCodes.MalformedLiteral);
        assert.strictEqual(phone.text, '"call me"');
        const fine = await validate(edit(dental, 'var phone: phone sensitive', 'var phone: phone sensitive = "+1 (555) 201-3344"'));
        none(fine, IssueCodes.MalformedLiteral);
        none(await clean(), IssueCodes.MalformedLiteral);
    });

    it('reports `between` on an input that does not save a number, and an empty range', async () => {
        const wrongType = await validate(edit(dental, 'matches "^[A-Za-z\' -]{1,40}$"', 'between 1 and 40'));
        assert.strictEqual(single(wrongType, IssueCodes.ValidationTypeMismatch).text, 'between');
        const empty = await reported('between 0 and 20000', 'between 20000 and 0', IssueCodes.InvalidRange);
        assert.strictEqual(empty.text, '0');
        assert.match(empty.message, /Write 'between 0 and 20000'/);
        none(await clean(), IssueCodes.InvalidRange);
        none(await clean(), IssueCodes.ValidationTypeMismatch);
    });

    it('reports `matches` on a number input, and a pattern that is not a regular expression', async () => {
        const wrongType = await reported('between 0 and 20000', 'matches "^[0-9]+$"', IssueCodes.ValidationTypeMismatch);
        assert.strictEqual(wrongType.text, 'matches');
        const invalid = await reported('matches "^[A-Za-z\' -]{1,40}$"', 'matches "^[A-Za-z\' -{1,40}$"', IssueCodes.InvalidPattern);
        assert.match(invalid.message, /not a valid regular expression/);
        none(await clean(), IssueCodes.InvalidPattern);
    });
});
