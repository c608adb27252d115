import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { activateExtension, errorsOf, openInEditor, positionOf, revertToClean, waitForDiagnostics, workspaceUri } from './helpers.js';

describe('Completion in the editor', () => {
    before(activateExtension);
    afterEach(() => revertToClean(workspaceUri('clinic.chatflow')));

    it('offers the flow\'s box names after ->', async () => {
        const editor = await openInEditor(workspaceUri('clinic.chatflow'));
        // A new transition typed into the welcome box, cursor right after `-> `.
        const afterExisting = positionOf(editor.document, '-> main_menu', '-> main_menu'.length);
        assert.ok(await editor.edit(edit => edit.insert(afterExisting, '\n        -> ')));
        // The half-typed line is a syntax error: once it is reported, the server has the edit.
        await waitForDiagnostics(editor.document.uri, 'the syntax error of the unfinished transition', published => errorsOf(published).length > 0);
        const cursor = afterExisting.translate(1).with({ character: '        -> '.length });
        const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, cursor);
        const labels = list.items.map(item => typeof item.label === 'string' ? item.label : item.label.label);
        for (const box of ['main_menu', 'ask_returning', 'book_slot', 'front_desk', 'goodbye']) {
            assert.ok(labels.some(label => label === box || label.endsWith(`.${box}`)), `box '${box}' missing from completion: ${labels.join(', ')}`);
        }
    });
});
