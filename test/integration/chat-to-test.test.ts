import * as assert from 'node:assert';
import * as vscode from 'vscode';
import type { ImportSummary } from '../../analytics/model.js';
import type { ChatflowExtensionApi } from '../../extension/main.js';
import { ChatsRequest, TranscriptRequest, type ChatPage, type ChatToTestResult, type TranscriptEntry } from '../../server/protocol.js';
import { restoreText, startClean } from './clean-start.js';
import { activateExtension, openInEditor, workspaceUri } from './helpers.js';

function children(item: vscode.TestItem): vscode.TestItem[] {
    const all: vscode.TestItem[] = [];
    item.children.forEach(child => void all.push(child));
    return all;
}

/** Answers the clinic flow marks sensitive: none of them may appear in a test. */
const SENSITIVE_INPUTS = new Set(['Clinic.ask_name', 'Clinic.ask_dob', 'Clinic.ask_symptoms', 'Clinic.ask_phone', 'Clinic.offer_callback']);

describe('A drill-down chat becomes a test', function () {
    this.timeout(90_000);
    let api: ChatflowExtensionApi;
    let saved: string;
    const clinic = () => workspaceUri('clinic.chatflow');

    before(async () => {
        api = await activateExtension();
        await startClean(clinic());
        saved = (await openInEditor(clinic())).document.getText();
        // Importing again adds nothing new when another suite already imported the logs.
        const summary = await vscode.commands.executeCommand<ImportSummary | undefined>('chatflow.importLogs', [workspaceUri('logs', 'clinic-2026-11.jsonl').fsPath]);
        assert.ok(summary && summary.read > 0, 'the sample clinic logs are imported');
    });

    after(async () => {
        await restoreText(await vscode.workspace.openTextDocument(clinic()), saved);
        await api.tests.refresh(clinic());
    });

    it('writes the chat into its flow with "Turn into test", and the test passes in the Test Explorer', async () => {
        const uri = clinic().toString();
        // The chats behind a box's number: what the code lens, the hover and the Analytics panel list.
        const page = await api.client.sendRequest<ChatPage>(ChatsRequest.method, { uri, drill: { metric: 'visits', box: 'Clinic.confirmed' }, limit: 10 });
        assert.ok(page.chats.length > 0, 'chats reached the confirmation');
        const chat = page.chats[0];
        const result = await vscode.commands.executeCommand<ChatToTestResult>('chatflow.chatToTest', { chat: chat.chat, flow: chat.flow });
        assert.ok(result.ok, result.ok ? '' : result.message);
        const document = await vscode.workspace.openTextDocument(clinic());
        const text = document.getText();
        assert.ok(text.includes(`    test "${result.name}" {`), 'the test block is in the file');
        assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), uri, 'the file is shown with the new test');

        const transcript = await api.client.sendRequest<TranscriptEntry[]>(TranscriptRequest.method, { chat: chat.chat });
        const block = text.slice(text.indexOf(`    test "${result.name}" {`));
        const secrets = transcript.filter(e => e.type === 'answer' && SENSITIVE_INPUTS.has(e.box) && e.text).map(e => e.text!);
        assert.ok(secrets.length > 0, 'the chat answered sensitive inputs');
        for (const secret of secrets) assert.ok(!block.includes(`"${secret}"`), `a sensitive answer was written: ${secret}`);
        assert.ok(!/\[(redacted|hash:)/.test(block), 'no privacy token written as an answer');

        assert.ok(await document.save(), 'the file saves');
        await api.tests.refresh(clinic());
        const file = api.tests.controller.items.get(uri);
        const flow = file && children(file).find(f => f.label === 'Clinic');
        const item = flow && children(flow).find(t => t.label === result.name);
        assert.ok(item, `the Test Explorer lists '${result.name}'`);
        const results = await api.tests.run([item]);
        assert.deepStrictEqual(results.map(r => [r.label, r.state, r.message]), [[result.name, 'passed', undefined]]);
    });
});
