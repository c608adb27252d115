import * as path from 'node:path';
import * as vscode from 'vscode';
import { CHAT_TO_TEST_COMMAND, type ChatToTestParams, type ChatToTestResult } from '../../server/protocol.js';
import type { FlowClient } from '../flow-client.js';

/**
 * "Turn into test" on a chat of a drill-down list: the server writes the chat as a test block of
 * its flow; the edit is applied here as a WorkspaceEdit (undoable, the file left unsaved for a
 * look) and the new test is shown. Resolves to the server's answer, so callers and tests can
 * read what was written.
 */
export function registerChatToTest(flows: FlowClient, output: vscode.LogOutputChannel): vscode.Disposable {
    return vscode.commands.registerCommand(CHAT_TO_TEST_COMMAND, async (params: ChatToTestParams): Promise<ChatToTestResult> => {
        const result = await flows.chatToTest(params);
        if (!result.ok) {
            output.warn(result.message);
            void vscode.window.showWarningMessage(result.message);
            return result;
        }
        const uri = vscode.Uri.parse(result.uri);
        const edit = new vscode.WorkspaceEdit();
        for (const e of result.edits) edit.insert(uri, new vscode.Position(e.range.start.line, e.range.start.character), e.newText);
        if (!await vscode.workspace.applyEdit(edit)) {
            const message = `Could not write the test for chat ${params.chat} into ${path.basename(uri.fsPath)}: the file changed meanwhile. Try again.`;
            void vscode.window.showWarningMessage(message);
            return { ok: false, message };
        }
        const editor = await vscode.window.showTextDocument(uri, { preview: false });
        const start = new vscode.Position(result.edits[0].range.start.line + countLines(result.edits[0].newText.match(/^(\r?\n)*/)![0]), 0);
        editor.revealRange(new vscode.Range(start, start), vscode.TextEditorRevealType.InCenter);
        editor.selection = new vscode.Selection(start, start);
        const madeUp = result.synthesized > 0 ? ` ${result.synthesized} answer${result.synthesized === 1 ? ' was' : 's were'} sensitive or not stored as typed: valid made-up values stand in.` : '';
        void vscode.window.showInformationMessage(`Test "${result.name}" written into ${path.basename(uri.fsPath)}.${madeUp}`);
        return result;
    });
}

function countLines(text: string): number {
    return (text.match(/\n/g) ?? []).length;
}
