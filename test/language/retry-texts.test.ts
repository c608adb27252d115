import * as assert from 'node:assert';
import { CstUtils, TextDocument } from 'langium';
import { fixture, loadWorkspace, type TestWorkspace } from './lsp-workspace.js';

/**
 * An editor asks for semantic tokens as soon as a file opens. On a box with `retry "..."` texts
 * that request once cut the retry strings off the syntax tree, and every later request on them
 * (hover, definition, references, highlight, rename, format, code actions) failed with
 * "This node has no associated AST element".
 */
describe('requests after semantic tokens on boxes with retry texts', () => {
    let workspace: TestWorkspace;
    const clinic = 'clinic.chatflow';

    async function highlightFirst(files: Record<string, string>): Promise<TestWorkspace> {
        const loaded = await loadWorkspace(files);
        for (const document of loaded.documents.values()) {
            await loaded.services.lsp.SemanticTokenProvider!.semanticHighlight(document, { textDocument: { uri: document.uri.toString() } });
        }
        return loaded;
    }

    function params(name: string, needle: string, delta = 1) {
        const document = workspace.document(name);
        return { document, textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(workspace.offsetOf(name, needle, delta)) };
    }

    beforeEach(async () => {
        workspace = await highlightFirst({ [clinic]: fixture('examples/clinic.chatflow') });
    });

    it('keeps every retry string attached to its box', () => {
        const document = workspace.document(clinic);
        const retry = CstUtils.findLeafNodeAtOffset(document.parseResult.value.$cstNode!, workspace.offsetOf(clinic, 'retry "Please answer yes or no."', 'retry "'.length));
        assert.ok(retry, 'a leaf at the retry text');
        assert.strictEqual(retry.astNode.$type, 'InputBox', 'the retry text still belongs to its input box');
    });

    it('answers hover, definition, references and highlight inside a retry text', async () => {
        const { lsp, references } = workspace.services;
        const at = params(clinic, 'retry "Please answer yes or no."', 'retry "Please'.length);
        assert.doesNotThrow(() => references.References.findDeclarations(CstUtils.findLeafNodeAtOffset(at.document.parseResult.value.$cstNode!, at.document.textDocument.offsetAt(at.position))!));
        await lsp.HoverProvider!.getHoverContent(at.document, at);
        await lsp.DefinitionProvider!.getDefinition(at.document, at);
        await lsp.ReferencesProvider!.findReferences(at.document, { ...at, context: { includeDeclaration: true } });
        await lsp.DocumentHighlightProvider!.getDocumentHighlight(at.document, at);
    });

    it('formats the whole clinic example, retry texts included', async () => {
        const document = workspace.document(clinic);
        const edits = await workspace.services.lsp.Formatter!.formatDocument(document, { textDocument: { uri: document.uri.toString() }, options: { tabSize: 4, insertSpaces: true } });
        const formatted = TextDocument.applyEdits(document.textDocument, edits);
        assert.ok(formatted.includes('        retry "Please answer yes or no."'), 'the retry line keeps its place and indentation');
    });

    it('renames the variable insured, including {insured} uses, after highlighting', async () => {
        const at = params(clinic, 'var insured', 'var '.length + 1);
        const edit = await workspace.services.lsp.RenameProvider!.rename(at.document, { ...at, newName: 'has_insurance' });
        const edits = edit?.changes?.[at.document.uri.toString()] ?? [];
        const renamed = TextDocument.applyEdits(at.document.textDocument, edits);
        assert.ok(renamed.includes('var has_insurance: yesno'));
        assert.ok(renamed.includes('save has_insurance'));
        assert.ok(renamed.includes('when has_insurance == yes'));
        assert.ok(renamed.includes('input ask_insured'), 'box names that contain the word stay');
    });

    it('offers code actions on a box with two retry texts', async () => {
        workspace = await highlightFirst({ 'age.chatflow': 'flow F {\n    input ask "Age?" {\n        retry "Again"\n        retry "Again please"\n    }\n}\n' });
        const document = workspace.document('age.chatflow');
        const diagnostics = document.diagnostics ?? [];
        const actions = await workspace.services.lsp.CodeActionProvider!.getCodeActions(document, {
            textDocument: { uri: document.uri.toString() },
            range: { start: { line: 0, character: 0 }, end: { line: 5, character: 0 } },
            context: { diagnostics }
        });
        assert.ok(Array.isArray(actions), 'code actions answer');
        const at = params('age.chatflow', '"Again"', 2);
        await workspace.services.lsp.DefinitionProvider!.getDefinition(at.document, at);
    });
});
