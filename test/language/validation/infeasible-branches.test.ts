import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { IssueCodes } from '../../../language/chatflow-validator.js';
import { edit, issues, listDiagnostics, single, validate, validateWorkspace } from './validate.js';

const clinic = readFileSync('examples/clinic.chatflow', 'utf8');

describe('validation: branches no chat can take', () => {
    it('warns on a branch the input\'s validation rules out, saying which values the variable can have', async () => {
        const document = await validate(edit(clinic, 'when age < 18 -> minor_notice', 'when age > 150 -> minor_notice'));
        const found = single(document, IssueCodes.InfeasibleBranch);
        assert.strictEqual(found.text, 'when age > 150 -> minor_notice');
        assert.strictEqual(found.severity, DiagnosticSeverity.Warning);
        assert.strictEqual(found.message,
            "This branch of 'check_age' can never be taken: 'age > 150' never holds here: age can only be the answer to ask_age (a number between 0 and 120). "
            + 'Change the condition (or the validation or `set` it contradicts), or remove the branch.');
    });

    it('warns on a branch an earlier branch always wins, and on an else the branches above always leave', async () => {
        const text = edit(clinic, '        when age < 18 -> minor_notice\n        else -> ask_insured',
            '        when age < 18 -> minor_notice\n        when age < 10 -> minor_notice\n        when age >= 18 -> ask_insured\n        else -> ask_insured');
        const document = await validate(text);
        const found = issues(document, IssueCodes.InfeasibleBranch).map(d => [document.textDocument.getText(d.range), (d.data as { why: string }).why]);
        assert.deepStrictEqual(found, [
            ['when age < 10 -> minor_notice', 'earlier-branch'],
            ['else -> ask_insured', 'else-covered']
        ], listDiagnostics(document));
    });

    it('follows `set` and defaults along every path: a value no path sets makes the branch impossible', async () => {
        const text = edit(clinic, 'when insured == yes -> ask_symptoms', 'when preferred_day == "Sunday" -> ask_symptoms');
        const document = await validate(text);
        // preferred_day is set only after this condition, so it is unset here on every path.
        const found = single(document, IssueCodes.InfeasibleBranch);
        assert.match(found.message, /'preferred_day == "Sunday"' never holds here: preferred_day can only be not set\./);
    });

    it('stays quiet on the examples, where every branch can be taken', async () => {
        for (const file of ['clinic.chatflow', 'dental.chatflow']) {
            const document = await validate(readFileSync(`examples/${file}`, 'utf8'), file);
            assert.deepStrictEqual(issues(document, IssueCodes.InfeasibleBranch), [], file);
        }
        const [refill, common] = await validateWorkspace({
            'pharmacy-refill.chatflow': readFileSync('examples/pharmacy-refill.chatflow', 'utf8'),
            'pharmacy-common.chatflow': readFileSync('examples/pharmacy-common.chatflow', 'utf8')
        });
        assert.deepStrictEqual([...issues(refill, IssueCodes.InfeasibleBranch), ...issues(common, IssueCodes.InfeasibleBranch)], []);
    });

    it('leaves a comparison of the wrong type to its own error', async () => {
        const document = await validate(edit(clinic, 'when age < 18 -> minor_notice', 'when age == "old" -> minor_notice'));
        assert.deepStrictEqual(issues(document, IssueCodes.InfeasibleBranch), []);
        assert.strictEqual(issues(document, IssueCodes.LiteralTypeMismatch).length, 1);
    });

    it('treats a box another flow leads into as open to any value', async () => {
        const text = [
            'flow A {', '    start ask', '    var n: number', '    input ask "n?" {', '        save n', '        between 1 and 5', '        -> check', '    }',
            '    condition check {', '        when n > 10 -> done', '        else -> done', '    }', '    end done', '}',
            'flow B {', '    start go', '    message go "to A" {', '        -> A.check', '    }', '}'
        ].join('\n');
        const document = await validate(text);
        assert.deepStrictEqual(issues(document, IssueCodes.InfeasibleBranch), [], listDiagnostics(document));
        const alone = await validate(text.replace('-> A.check', '-> A.ask'));
        assert.strictEqual(issues(alone, IssueCodes.InfeasibleBranch).length, 1, listDiagnostics(alone));
    });
});
