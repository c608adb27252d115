import * as assert from 'node:assert';
import { TextDocument } from 'langium';
import { DiagnosticSeverity, ResponseError, type WorkspaceEdit } from 'vscode-languageserver';
import { fixture, loadWorkspace, pharmacyFiles, type TestWorkspace } from './lsp-workspace.js';

/** Renames what is at `delta` characters into `needle` of `name`; returns the edited texts of the touched files. */
async function rename(workspace: TestWorkspace, name: string, needle: string, delta: number, newName: string): Promise<Record<string, string>> {
    const edit = await renameEdit(workspace, name, needle, delta, newName);
    assert.ok(edit?.changes, 'a rename returns a workspace edit');
    const result: Record<string, string> = {};
    for (const [uri, edits] of Object.entries(edit.changes)) {
        const file = uri.substring(uri.lastIndexOf('/') + 1);
        result[file] = TextDocument.applyEdits(workspace.document(file).textDocument, edits);
    }
    return result;
}

async function renameEdit(workspace: TestWorkspace, name: string, needle: string, delta: number, newName: string): Promise<WorkspaceEdit | undefined> {
    const document = workspace.document(name);
    const position = document.textDocument.positionAt(workspace.offsetOf(name, needle, delta));
    return workspace.services.lsp.RenameProvider!.rename(document, { textDocument: { uri: document.uri.toString() }, position, newName });
}

/** The edited workspace still validates without errors: every reference followed the rename. */
async function assertLinksCleanly(files: Record<string, string>): Promise<void> {
    const workspace = await loadWorkspace(files);
    for (const [name, document] of workspace.documents) {
        const errors = (document.diagnostics ?? []).filter(d => d.severity === DiagnosticSeverity.Error);
        assert.deepStrictEqual(errors.map(d => `${name}:${d.range.start.line + 1} ${d.message}`), []);
    }
}

describe('rename', () => {
    let workspace: TestWorkspace;
    beforeEach(async () => {
        workspace = await loadWorkspace(pharmacyFiles());
    });

    it('renames a box in its file and only the box segment of Flow.box references in another file', async () => {
        const edited = await rename(workspace, 'desk.chatflow', 'handoff pharmacist', 'handoff '.length + 3, 'pharmacist_handoff');
        assert.deepStrictEqual(Object.keys(edited).sort(), ['desk.chatflow', 'refill.chatflow']);
        assert.ok(edited['desk.chatflow'].includes('handoff pharmacist_handoff "Connecting'));
        assert.ok(edited['desk.chatflow'].includes('"Talk to a pharmacist" -> pharmacist_handoff'));
        assert.ok(edited['refill.chatflow'].includes('else -> Desk.pharmacist_handoff'));
        assert.ok(!edited['refill.chatflow'].includes('Desk.pharmacist\n'));
        await assertLinksCleanly({ ...pharmacyFiles(), ...edited });
    });

    it('renames a box from a Flow.box reference in another file', async () => {
        const edited = await rename(workspace, 'refill.chatflow', 'Desk.goodbye', 'Desk.'.length + 1, 'farewell');
        assert.ok(edited['desk.chatflow'].includes('end farewell "Thanks'));
        assert.ok(edited['desk.chatflow'].includes('"Nothing else" -> farewell'));
        assert.strictEqual(edited['refill.chatflow'].split('Desk.farewell').length - 1, 2, 'the arrow and the test expectation');
    });

    it('renames a flow: its declaration and the first segment of qualified references elsewhere', async () => {
        const fromDeclaration = await rename(workspace, 'desk.chatflow', 'flow Desk', 'flow '.length, 'FrontDesk');
        const fromReference = await rename(workspace, 'refill.chatflow', 'Desk.pharmacist', 1, 'FrontDesk');
        assert.deepStrictEqual(fromReference, fromDeclaration);
        assert.ok(fromDeclaration['desk.chatflow'].includes('flow FrontDesk "Greenway Pharmacy front desk"'));
        assert.ok(fromDeclaration['refill.chatflow'].includes('else -> FrontDesk.pharmacist'));
        assert.ok(fromDeclaration['refill.chatflow'].includes('expect box FrontDesk.goodbye'));
        await assertLinksCleanly({ ...pharmacyFiles(), ...fromDeclaration });
    });

    it('renames a goal declared in one file and marked and expected in another', async () => {
        const edited = await rename(workspace, 'refill.chatflow', 'goal refill_requested', 'goal '.length, 'refill_ordered');
        assert.ok(edited['desk.chatflow'].includes('goal refill_ordered "Refill requested"'));
        assert.ok(edited['refill.chatflow'].includes('        goal refill_ordered\n'));
        assert.ok(edited['refill.chatflow'].includes('expect goal refill_ordered'));
        await assertLinksCleanly({ ...pharmacyFiles(), ...edited });
    });

    it('renames a variable with its {placeholders} in box texts, not in patterns or other flows', async () => {
        const edited = await rename(workspace, 'refill.chatflow', 'save rx_number', 'save '.length, 'prescription');
        assert.deepStrictEqual(Object.keys(edited), ['refill.chatflow']);
        const refill = edited['refill.chatflow'];
        assert.ok(refill.includes('var prescription: text sensitive'));
        assert.ok(refill.includes('save prescription'));
        assert.ok(refill.includes('"Thanks, {prescription} found. Will you pick it up in store?"'));
        assert.ok(refill.includes('"Your refill for {prescription} will be ready tomorrow."'));
        assert.ok(refill.includes('matches "^RX[0-9]{6}$"'), 'the pattern is untouched');
        assert.ok(!refill.includes('rx_number'), refill);
    });

    it('renames a clinic variable used in conditions, assignments, expectations and texts', async () => {
        const clinic = await loadWorkspace({ 'clinic.chatflow': fixture('examples/clinic.chatflow') });
        const edited = await rename(clinic, 'clinic.chatflow', 'var preferred_day', 'var '.length, 'visit_day');
        const text = edited['clinic.chatflow'];
        assert.ok(!text.includes('preferred_day'), 'every use renamed');
        assert.strictEqual(text.split('{visit_day}').length - 1, 3, 'book_slot, confirmed and slot_full texts');
        assert.ok(text.includes('set visit_day = "Monday"'));
        assert.ok(text.includes('expect visit_day == "Wednesday"'));
    });

    it('refuses a name that is not an identifier, or that the flow already uses', async () => {
        await assert.rejects(renameEdit(workspace, 'desk.chatflow', 'end goodbye', 'end '.length, 'good bye'),
            (error: unknown) => error instanceof ResponseError && /'good bye' is not a valid name/.test(error.message));
        await assert.rejects(renameEdit(workspace, 'desk.chatflow', 'end goodbye', 'end '.length, 'pharmacist'),
            (error: unknown) => error instanceof ResponseError && /box named 'pharmacist' already exists in flow Desk/.test(error.message));
    });

    it('prepares a rename on the segment under the cursor of Flow.box', async () => {
        const document = workspace.document('refill.chatflow');
        const provider = workspace.services.lsp.RenameProvider!;
        const at = (delta: number) => provider.prepareRename(document, {
            textDocument: { uri: document.uri.toString() },
            position: document.textDocument.positionAt(workspace.offsetOf('refill.chatflow', 'Desk.pharmacist', delta))
        });
        const range = (r: unknown) => {
            const { start, end } = r as { start: { character: number }; end: { character: number } };
            return end.character - start.character;
        };
        assert.strictEqual(range(await at(1)), 'Desk'.length);
        assert.strictEqual(range(await at('Desk.'.length + 1)), 'pharmacist'.length);
    });
});
