import * as assert from 'node:assert';
import { TextDocument } from 'langium';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import { IssueCodes } from '../../language/chatflow-validator.js';
import { edit, fixture, issues, listDiagnostics, services, single, validate, validateWorkspace, type Doc } from './validation/validate.js';

const dental = fixture('dental.chatflow');
const refill = fixture('pharmacy/refill.chatflow');
const delivery = fixture('pharmacy/delivery.chatflow');

async function quickFixes(document: Doc, diagnostic: Diagnostic): Promise<CodeAction[]> {
    const actions = await services.lsp.CodeActionProvider!.getCodeActions(document, {
        textDocument: { uri: document.textDocument.uri },
        range: diagnostic.range,
        context: { diagnostics: [diagnostic] }
    });
    return (actions ?? []) as CodeAction[];
}

/** Applies the quick fix titled `title` for the only diagnostic with `code`, and returns the new text. */
async function applyFix(document: Doc, code: string, title: string): Promise<string> {
    const actions = await quickFixes(document, single(document, code));
    const action = actions.find(a => a.title === title);
    assert.ok(action, `no quick fix '${title}' among: ${actions.map(a => a.title).join(', ')}`);
    assert.strictEqual(action.kind, 'quickfix');
    const edits = action.edit?.changes?.[document.textDocument.uri];
    assert.ok(edits && edits.length > 0);
    return TextDocument.applyEdits(document.textDocument, edits);
}

async function assertClean(text: string): Promise<void> {
    const document = await validate(text);
    assert.deepStrictEqual(document.diagnostics, [], listDiagnostics(document));
}

describe('quick fixes', () => {
    it('replaces a misspelt box name with the suggestion', async () => {
        const fixed = await applyFix(await validate(edit(dental, '-> ask_budget', '-> ask_budjet')), IssueCodes.UnresolvedReference, "Change to 'ask_budget'");
        assert.strictEqual(fixed, dental);
        await assertClean(fixed);
    });

    it('replaces a misspelt Flow.box reference to another file', async () => {
        const [document] = await validateWorkspace({
            'refill.chatflow': edit(refill, 'else -> Delivery.ask_address', 'else -> Delivery.ask_adress'),
            'delivery.chatflow': delivery
        });
        const fixed = await applyFix(document, IssueCodes.UnresolvedReference, "Change to 'Delivery.ask_address'");
        assert.strictEqual(fixed, refill);
        const [again] = await validateWorkspace({ 'refill.chatflow': fixed, 'delivery.chatflow': delivery });
        assert.deepStrictEqual(again.diagnostics, [], listDiagnostics(again));
    });

    it('replaces a misspelt {variable}, choice label and outcome in a test', async () => {
        const variable = await applyFix(await validate(edit(dental, 'Thanks {first_name}.', 'Thanks {firstname}.')), IssueCodes.UnknownVariable, "Change to 'first_name'");
        assert.strictEqual(variable, dental);
        const choice = await applyFix(await validate(edit(dental, 'choose "Teeth whitening"', 'choose "teeth whitening"')), IssueCodes.UnknownChoice, "Change to 'Teeth whitening'");
        assert.strictEqual(choice, dental);
        const outcome = await applyFix(await validate(edit(dental, 'outcome booked', 'outcome boked')), IssueCodes.UnknownOutcome, "Change to 'booked'");
        assert.strictEqual(outcome, dental);
        await assertClean(outcome);
    });

    it('creates a missing end box at the end of the flow, indented like its boxes', async () => {
        const broken = edit(dental, 'on unavailable -> reception', 'on unavailable -> waitlist');
        const fixed = await applyFix(await validate(broken), IssueCodes.UnresolvedReference, "Create end box 'waitlist'");
        assert.strictEqual(fixed, edit(broken, '        expect end\n    }\n}\n', '        expect end\n    }\n\n    end waitlist\n}\n'));
        await assertClean(fixed);
    });

    it('creates a missing message box, which then asks for its way on', async () => {
        const broken = edit(dental, 'on unavailable -> reception', 'on unavailable -> waitlist');
        const fixed = await applyFix(await validate(broken), IssueCodes.UnresolvedReference, "Create message box 'waitlist'");
        assert.ok(fixed.endsWith('        expect end\n    }\n\n    message waitlist "" {\n    }\n}\n'), fixed.slice(-120));
        const document = await validate(fixed);
        assert.deepStrictEqual(issues(document, IssueCodes.UnresolvedReference), []);
        assert.strictEqual(single(document, IssueCodes.DeadEnd).text, 'waitlist');
    });

    it('does not offer to create a box of another flow', async () => {
        const document = await validate(edit(refill, 'else -> Delivery.ask_address', 'else -> Delivery.ask_adress'), 'refill.chatflow');
        const titles = (await quickFixes(document, issues(document, IssueCodes.UnresolvedReference)[0])).map(a => a.title);
        assert.ok(!titles.some(t => t.startsWith('Create')), titles.join(', '));
    });

    it('adds an else branch to a condition, after its last branch', async () => {
        const broken = edit(dental, '        else -> ask_email\n', '');
        const document = await validate(broken);
        const titles = (await quickFixes(document, single(document, IssueCodes.MissingElse))).map(a => a.title);
        assert.deepStrictEqual(titles, ["Add 'else -> financing_info'", "Add 'else -> whitening_offer'", "Add 'else -> reception'", "Add 'else -> booked'"]);
        const fixed = await applyFix(document, IssueCodes.MissingElse, "Add 'else -> reception'");
        assert.strictEqual(fixed, edit(broken, '-> whitening_offer\n', '-> whitening_offer\n        else -> reception\n'));
        const again = await validate(fixed);
        assert.deepStrictEqual(issues(again, IssueCodes.MissingElse), []);
    });

    it('removes an unreachable box with its lines', async () => {
        const orphaned = edit(dental, 'when budget < 500 and treatment == "invisalign" -> financing_info', 'when budget < 500 and treatment == "invisalign" -> ask_email');
        const fixed = await applyFix(await validate(orphaned), IssueCodes.UnreachableBox, "Remove unreachable box 'financing_info'");
        assert.strictEqual(fixed, edit(orphaned, '    message financing_info "Invisalign starts at $3,000, and we offer 0% financing over 24 months." {\n        -> ask_email\n    }\n\n', ''));
        await assertClean(fixed);
    });

    it('offers nothing for a diagnostic without a fix', async () => {
        const document = await validate(edit(dental, 'between 0 and 20000', 'between 20000 and 0'));
        assert.deepStrictEqual(await quickFixes(document, single(document, IssueCodes.InvalidRange)), []);
    });
});
