import * as assert from 'node:assert';
import * as vscode from 'vscode';
import type { ChatflowExtensionApi } from '../../extension/main.js';
import { activateExtension, errorsOf, positionOf, waitForDiagnostics, workspaceUri } from './helpers.js';
import { restoreText, startClean } from './clean-start.js';
import { waitFor } from './wait-for.js';

const clinicTests = [
    'an insured adult books on Wednesday',
    'a minor without insurance hears both notices',
    'opening hours answer the question',
    'a full day falls back to a callback'
];

function children(item: vscode.TestItem | vscode.TestItemCollection): vscode.TestItem[] {
    const all: vscode.TestItem[] = [];
    ('children' in item ? item.children : item).forEach(child => void all.push(child));
    return all;
}

/** The clinic example with its own flow and goal names (they are global) and one expectation made wrong. */
function failingCopy(clinic: string): string {
    return clinic.replace('flow Clinic "', 'flow FailingClinic "')
        .replace(/\bgoal (appointment|question_answered|callback_requested)\b/g, 'goal failing_$1')
        .replace('expect preferred_day == "Wednesday"', 'expect preferred_day == "Friday"');
}

describe('Conversation tests in the Test Explorer', () => {
    let api: ChatflowExtensionApi;
    const clinic = () => workspaceUri('clinic.chatflow');
    const fileItem = (uri: vscode.Uri) => api.tests.controller.items.get(uri.toString());

    before(async () => {
        api = await activateExtension();
        await startClean(clinic());
        await api.tests.refresh();
    });

    after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

    it('lists the clinic tests under their file and flow, at their test blocks', async () => {
        const file = fileItem(clinic());
        assert.ok(file, `no test item for clinic.chatflow; items: ${children(api.tests.controller.items).map(i => i.label).join(', ')}`);
        assert.deepStrictEqual(children(file).map(flow => flow.label), ['Clinic']);
        const tests = children(children(file)[0]);
        assert.deepStrictEqual(tests.map(test => test.label), clinicTests);
        const document = await vscode.workspace.openTextDocument(clinic());
        assert.strictEqual(tests[2].range?.start.line, positionOf(document, 'test "opening hours answer the question"').line);
        assert.strictEqual(tests[2].uri?.toString(), clinic().toString());
        assert.ok(fileItem(workspaceUri('dental.chatflow')), 'the dental example tests are listed too');
    });

    it('runs the clinic tests and reports them passed', async () => {
        const results = await api.tests.run([fileItem(clinic())!]);
        assert.deepStrictEqual(results.map(r => [r.label, r.state, r.message]), clinicTests.map(name => [name, 'passed', undefined]));
    });

    it('reports a failing test at the line of the step that failed', async () => {
        const uri = workspaceUri('failing-fixture', 'clinic-failing.chatflow');
        const text = failingCopy(new TextDecoder().decode(await vscode.workspace.fs.readFile(clinic())));
        await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
        try {
            await api.tests.refresh(uri);
            const file = fileItem(uri);
            assert.ok(file, `the fixture's tests are not listed; items: ${children(api.tests.controller.items).map(i => `${i.label} ${i.error ?? ''}`).join(', ')}`);
            const results = await api.tests.run([file]);
            const failed = results.filter(r => r.state === 'failed');
            assert.deepStrictEqual(failed.map(r => r.label), ['an insured adult books on Wednesday']);
            assert.strictEqual(failed[0].message, 'expected preferred_day == "Friday", but it is "Wednesday"');
            const line = text.split('\n').findIndex(l => l.includes('expect preferred_day == "Friday"'));
            assert.deepStrictEqual(failed[0].location, { uri: uri.toString(), line });
            assert.strictEqual(results.filter(r => r.state === 'passed').length, 3);
        } finally {
            await vscode.workspace.fs.delete(uri);
            await vscode.workspace.fs.delete(vscode.Uri.joinPath(uri, '..'));
        }
        await waitFor('the deleted file to leave the Test Explorer', () => fileItem(uri) ? undefined : true);
    });

    it('errors the tests of a document with errors, naming the first error', async () => {
        const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(clinic()), vscode.ViewColumn.One);
        const original = editor.document.getText();
        const start = positionOf(editor.document, '-> ask_dob', 3);
        try {
            assert.ok(await editor.edit(edit => edit.replace(new vscode.Range(start, start.translate(0, 'ask_dob'.length)), 'ask_dbo')));
            // As a user would: run once the editor shows the error (the server has validated the edit).
            await waitForDiagnostics(clinic(), "an error for 'ask_dbo'", published => errorsOf(published).some(d => d.message.includes('ask_dbo')));
            const results = await api.tests.run([fileItem(clinic())!]);
            assert.deepStrictEqual(results.map(r => r.state), clinicTests.map(() => 'errored'));
            assert.match(results[0].message ?? '', new RegExp(`clinic.chatflow has errors; fix them to run its tests: line ${start.line + 1}: .*ask_dbo`));
            assert.deepStrictEqual(results[0].location, { uri: clinic().toString(), line: start.line });
        } finally {
            await restoreText(editor.document, original);
        }
    });
});
