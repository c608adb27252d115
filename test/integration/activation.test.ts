import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, activateExtension, workspaceUri } from './helpers.js';

describe('Chatflow Studio in VS Code', () => {
    it('activates and starts its language server', async () => {
        const api = await activateExtension();
        assert.ok(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, `${EXTENSION_ID} is not active after activate()`);
        assert.ok(api.client.isRunning(), 'the Chatflow language client is not running after activation');
    });

    it('opens .chatflow files in the chatflow language', async () => {
        const document = await vscode.workspace.openTextDocument(workspaceUri('clinic.chatflow'));
        assert.strictEqual(document.languageId, 'chatflow');
    });
});
