import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { activateExtension, openInEditor, positionOf, workspaceUri } from './helpers.js';

function hoverText(hovers: vscode.Hover[]): string {
    return hovers.flatMap(hover => hover.contents).map(content => typeof content === 'string' ? content : content.value).join('\n');
}

describe('Hover in the editor', () => {
    before(activateExtension);

    it('describes the box a transition leads to', async () => {
        const { document } = await openInEditor(workspaceUri('clinic.chatflow'));
        // `-> main_menu` in the welcome box; hover in the middle of the name.
        const onName = positionOf(document, '-> main_menu', 6);
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, onName);
        const text = hoverText(hovers);
        assert.ok(text.includes('How can I help you today?'), `hover should show the box's text; got: ${JSON.stringify(text)}`);
        assert.match(text, /choice/i, 'hover should name the box kind');
    });
});
