import * as assert from 'node:assert';
import type { Location, LocationLink } from 'vscode-languageserver';
import { loadWorkspace, pharmacyFiles, type TestWorkspace } from './lsp-workspace.js';

const fileOf = (uri: string) => uri.substring(uri.lastIndexOf('/') + 1);

/** `file:line:text` of a location, 1-based lines, with the text the range covers. */
function describe_(workspace: TestWorkspace, uri: string, range: Location['range']): string {
    const document = workspace.document(fileOf(uri));
    return `${fileOf(uri)}:${range.start.line + 1}:${document.textDocument.getText(range)}`;
}

async function definitionOf(workspace: TestWorkspace, name: string, needle: string, delta: number): Promise<string[]> {
    const document = workspace.document(name);
    const position = document.textDocument.positionAt(workspace.offsetOf(name, needle, delta));
    const links = (await workspace.services.lsp.DefinitionProvider!.getDefinition(document, { textDocument: { uri: document.uri.toString() }, position })) ?? [];
    return (links as LocationLink[]).map(link => describe_(workspace, link.targetUri, link.targetSelectionRange));
}

async function referencesOf(workspace: TestWorkspace, name: string, needle: string, delta: number, includeDeclaration: boolean): Promise<string[]> {
    const document = workspace.document(name);
    const position = document.textDocument.positionAt(workspace.offsetOf(name, needle, delta));
    const locations = await workspace.services.lsp.ReferencesProvider!.findReferences(document, {
        textDocument: { uri: document.uri.toString() }, position, context: { includeDeclaration }
    });
    return locations.map(location => describe_(workspace, location.uri, location.range)).sort();
}

describe('scoping: definition and references across files', () => {
    let workspace: TestWorkspace;
    before(async () => {
        workspace = await loadWorkspace(pharmacyFiles());
    });

    it('goes from Flow.box in one file to the box in another, from either segment', async () => {
        assert.deepStrictEqual(await definitionOf(workspace, 'refill.chatflow', 'Desk.pharmacist', 'Desk.'.length + 2), ['desk.chatflow:16:pharmacist']);
        assert.deepStrictEqual(await definitionOf(workspace, 'refill.chatflow', 'Desk.pharmacist', 1), ['desk.chatflow:16:pharmacist']);
    });

    it('goes from a goal mark to the goal declared in another file', async () => {
        assert.deepStrictEqual(await definitionOf(workspace, 'refill.chatflow', 'goal refill_requested', 'goal '.length), ['desk.chatflow:3:refill_requested']);
    });

    it('resolves a box of the same flow by its simple name, and a variable to its declaration', async () => {
        assert.deepStrictEqual(await definitionOf(workspace, 'refill.chatflow', 'when pickup == yes -> refill_ok', 'when pickup == yes -> '.length), ['refill.chatflow:27:refill_ok']);
        assert.deepStrictEqual(await definitionOf(workspace, 'refill.chatflow', 'when pickup', 'when '.length), ['refill.chatflow:7:pickup']);
    });

    it('finds references to a box in both files', async () => {
        assert.deepStrictEqual(await referencesOf(workspace, 'desk.chatflow', 'handoff pharmacist', 'handoff '.length, true), [
            'desk.chatflow:12:pharmacist',
            'desk.chatflow:16:pharmacist',
            'refill.chatflow:24:Desk.pharmacist'
        ]);
        assert.deepStrictEqual(await referencesOf(workspace, 'desk.chatflow', 'end goodbye', 'end '.length, false), [
            'desk.chatflow:13:goodbye',
            'refill.chatflow:30:Desk.goodbye',
            'refill.chatflow:37:Desk.goodbye'
        ]);
    });

    it('finds the marks and expectations of a goal', async () => {
        assert.deepStrictEqual(await referencesOf(workspace, 'desk.chatflow', 'goal refill_requested', 'goal '.length, false), [
            'refill.chatflow:29:refill_requested',
            'refill.chatflow:36:refill_requested'
        ]);
    });

    it('does not resolve another flow\'s box by its simple name', async () => {
        const broken = await loadWorkspace({
            ...pharmacyFiles(),
            'refill.chatflow': pharmacyFiles()['refill.chatflow'].replace('else -> Desk.pharmacist', 'else -> pharmacist')
        });
        const errors = (broken.document('refill.chatflow').diagnostics ?? []).filter(d => d.severity === 1);
        assert.deepStrictEqual(errors.map(d => d.range.start.line + 1), [24], errors.map(d => d.message).join('\n'));
        assert.match(errors[0].message, /pharmacist/);
    });
});
