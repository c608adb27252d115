import * as assert from 'node:assert';
import * as vscode from 'vscode';
import {
    activateExtension, describeDiagnostics, errorsOf, openInEditor, positionOf, revertToClean, waitForDiagnostics, workspaceUri
} from './helpers.js';

describe('Diagnostics in the editor', () => {
    before(activateExtension);

    it('shows no errors on any example flow of the workspace', async () => {
        const entries = await vscode.workspace.fs.readDirectory(workspaceUri());
        const examples = entries.filter(([name, type]) => type === vscode.FileType.File && name.endsWith('.chatflow')).map(([name]) => name);
        assert.ok(examples.includes('clinic.chatflow'), `clinic.chatflow missing from the workspace: ${examples.join(', ')}`);
        for (const name of examples) {
            const uri = workspaceUri(name);
            await openInEditor(uri);
            const diagnostics = await waitForDiagnostics(uri, 'the first diagnostics', published => published !== undefined);
            assert.deepStrictEqual(describeDiagnostics(errorsOf(diagnostics)), [], `${name} should validate without errors`);
        }
    });

    it('reports a misspelt box reference in a broken copy as an error on its line', async () => {
        const uri = workspaceUri('broken', 'refill-typo.chatflow');
        const { document } = await openInEditor(uri);
        const typo = positionOf(document, '-> confirm_refil\n', 3);
        const diagnostics = await waitForDiagnostics(uri, 'an error', published => errorsOf(published).length > 0);
        const onTypoLine = errorsOf(diagnostics).filter(d => d.range.start.line === typo.line);
        assert.ok(onTypoLine.some(d => d.message.includes('confirm_refil')),
            `expected an error naming 'confirm_refil' on line ${typo.line + 1}; got ${JSON.stringify(describeDiagnostics(diagnostics))}`);
        assert.ok(onTypoLine[0].range.contains(typo), 'the error should underline the misspelt name');
    });

    it('flags a typo typed into clinic.chatflow and clears it on revert', async () => {
        const uri = workspaceUri('clinic.chatflow');
        const editor = await openInEditor(uri);
        await waitForDiagnostics(uri, 'a clean first validation', published => published !== undefined && errorsOf(published).length === 0);
        const start = positionOf(editor.document, '-> main_menu', 3);
        try {
            assert.ok(await editor.edit(edit => edit.replace(new vscode.Range(start, start.translate(0, 'main_menu'.length)), 'main_meun')));
            const diagnostics = await waitForDiagnostics(uri, "an error for 'main_meun'", published => errorsOf(published).some(d => d.message.includes('main_meun')));
            const error = errorsOf(diagnostics).find(d => d.message.includes('main_meun'))!;
            assert.strictEqual(error.range.start.line + 1, start.line + 1, 'the error should be on the edited line');
        } finally {
            await revertToClean(uri);
        }
    });
});
