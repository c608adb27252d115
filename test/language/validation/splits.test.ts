import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import { TextDocument } from 'langium';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { IssueCodes } from '../../../language/chatflow-validator.js';
import { edit, issues, services, validate, type Doc } from './validate.js';

const PRICING = readFileSync('test/fixtures/experiments/pricing.chatflow', 'utf8');

function located(document: Doc, code: string): string[] {
    const text = document.textDocument.getText();
    return issues(document, code).map(d => `${d.range.start.line + 1}:${text.slice(document.textDocument.offsetAt(d.range.start), document.textDocument.offsetAt(d.range.end))}`);
}

describe('split boxes', () => {
    it('accept the pricing experiment with no problem', async () => {
        const document = await validate(PRICING);
        assert.deepStrictEqual((document.diagnostics ?? []).map(d => `${d.range.start.line + 1}: ${d.message}`), []);
    });

    it('weights 50/40: a located error on the weight that does not fit, with a quick fix that makes them 100', async () => {
        const document = await validate(edit(PRICING, 'arm b 50 -> offer_b', 'arm b 40 -> offer_b'));
        const [error] = issues(document, IssueCodes.SplitWeights);
        assert.strictEqual(error.severity, DiagnosticSeverity.Error);
        assert.strictEqual(error.message, "The weights of split 'pricing' add up to 90 (50 + 40), not 100: they are the percent of chats each arm gets. Make the last one 50.");
        assert.deepStrictEqual(located(document, IssueCodes.SplitWeights), ['14:40']);
        const actions = await services.lsp.CodeActionProvider!.getCodeActions(document, {
            textDocument: { uri: document.uri.toString() }, range: error.range, context: { diagnostics: [error] }
        });
        const fix = actions?.find(a => 'title' in a && a.title === "Change to '50'") as { edit?: { changes?: Record<string, Array<{ range: never; newText: string }>> } } | undefined;
        assert.ok(fix?.edit?.changes, `a quick fix: ${JSON.stringify(actions?.map(a => a.title))}`);
        const fixed = TextDocument.applyEdits(document.textDocument, fix.edit.changes[document.uri.toString()]);
        assert.ok(fixed.includes('arm b 50 -> offer_b'));
    });

    it('need 2 to 4 arms with distinct names', async () => {
        const one = await validate(edit(PRICING, '        arm b 50 -> offer_b\n', ''));
        assert.deepStrictEqual(located(one, IssueCodes.SplitArmCount), ['11:pricing']);
        const five = await validate(edit(PRICING, 'arm b 50 -> offer_b', 'arm b 20 -> offer_b\n        arm c 10 -> offer_b\n        arm d 10 -> offer_a\n        arm e 10 -> offer_b'));
        assert.deepStrictEqual(located(five, IssueCodes.SplitArmCount), ['17:e']);
        const twice = await validate(edit(PRICING, 'arm b 50 -> offer_b', 'arm a 50 -> offer_b'));
        assert.deepStrictEqual(located(twice, IssueCodes.DuplicateArm), ['14:a']);
    });

    it('warn when the measured goal is out of every arm\'s reach, or when there is none', async () => {
        const unreachable = await validate(edit(edit(PRICING, '        goal appointment\n', ''), 'end goodbye "No problem. Come back any time."', 'end goodbye "No problem. Come back any time." {\n        goal appointment\n    }\n\n    message elsewhere "x" {\n        -> goodbye\n    }').replace('"Not now" -> goodbye\n    }\n\n    choice offer_b', '"Not now" -> booked\n    }\n\n    choice offer_b').replace('choice offer_b "New patients see a doctor within 48 hours, $40 off. Shall I book you in?" {\n        "Book" -> booked\n        "Not now" -> goodbye', 'choice offer_b "New patients see a doctor within 48 hours, $40 off. Shall I book you in?" {\n        "Book" -> booked\n        "Not now" -> booked'));
        assert.deepStrictEqual(located(unreachable, IssueCodes.UnreachableMeasure), ['12:appointment']);
        const none = await validate(edit(PRICING, '        measure appointment\n', ''));
        assert.deepStrictEqual(located(none, IssueCodes.MissingMeasure), ['11:pricing']);
    });

    it('warn when an arm\'s box is reached without passing the split (contaminated arms)', async () => {
        const document = await validate(edit(PRICING, 'message welcome "Hi! Welcome to Riverside Family Clinic." {\n        -> pricing', 'choice welcome "Hi! Welcome to Riverside Family Clinic." {\n        "Offers" -> pricing\n        "Straight to it" -> offer_b'));
        assert.deepStrictEqual(located(document, IssueCodes.ContaminatedArm), ['15:offer_b']);
        const shared = await validate(edit(PRICING, 'arm b 50 -> offer_b', 'arm b 50 -> offer_a'));
        assert.deepStrictEqual(located(shared, IssueCodes.ContaminatedArm), ['13:offer_a', '14:offer_a']);
    });

    it('in tests: an unknown arm is an error; passing a split by chance is a warning naming the arm to choose', async () => {
        const unknown = await validate(edit(PRICING, '        arm b\n        expect box offer_b', '        arm c\n        expect box offer_b'));
        assert.deepStrictEqual(located(unknown, IssueCodes.UnknownArm), ['35:c']);
        const chance = await validate(edit(PRICING, '        arm a\n        expect box offer_a\n', '        expect box offer_a\n'));
        const [warning] = issues(chance, IssueCodes.TestWithoutArm);
        assert.strictEqual(warning?.message, "Test 'arm a can decline' passes a split without choosing an arm, and passes only with arm 'a': add 'arm a' before the chat reaches the split.");
        // Both arms book with the same button: the draw does not matter, no warning.
        const same = await validate(edit(PRICING, '        arm b\n        expect box offer_b\n', ''));
        assert.deepStrictEqual(issues(same, IssueCodes.TestWithoutArm), []);
    });
});
