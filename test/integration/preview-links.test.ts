import * as assert from 'node:assert';
import * as vscode from 'vscode';
import type { ChatflowExtensionApi } from '../../extension/main.js';
import { openInEditor, positionOf } from './helpers.js';
import { clinicPreviewSuite, closeAllPreviews, type PostedMessages, previewTabs } from './preview-messages.js';
import { waitFor } from './wait-for.js';

describe('The preview linked to the editor', () => {
    const suite = clinicPreviewSuite();
    let api: ChatflowExtensionApi;
    let posted: PostedMessages;
    const clinic = () => suite.clinic();
    beforeEach(() => ({ api, posted } = suite));

    // A new webview can take ~30 s to load in code-server when its service worker is replaced.
    it('reveals and selects a clicked box in the editor column, keeping the preview in view', async function () {
        this.timeout(60000);
        await closeAllPreviews(api.preview);
        const document = await vscode.workspace.openTextDocument(clinic());
        await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
        const from = posted.mark();
        await vscode.commands.executeCommand('chatflow.openPreviewToSide');
        const graph = await posted.next('graph', clinic(), from, undefined, 45000);
        await vscode.commands.executeCommand('chatflow.openPreview', clinic()); // focus the preview, as a click does
        const box = graph.flows[0].boxes.find(b => b.id === 'Clinic.book_slot');
        assert.ok(box, 'the graph has Clinic.book_slot');
        await api.preview.deliver(clinic(), { type: 'reveal', boxId: box.id, range: box.range });
        const editor = vscode.window.activeTextEditor;
        assert.strictEqual(editor?.document.uri.toString(), clinic().toString());
        assert.strictEqual(editor.viewColumn, vscode.ViewColumn.One, 'the document opens where it was, not over the preview');
        const name = positionOf(document, 'action book_slot', 'action '.length);
        assert.deepStrictEqual([editor.selection.start, editor.selection.end].map(p => [p.line, p.character]),
            [[name.line, name.character], [name.line, name.character + 'book_slot'.length]]);
        await waitFor('the box scrolled into view', () => editor.visibleRanges.some(range => range.contains(name)) || undefined,
            { events: [vscode.window.onDidChangeTextEditorVisibleRanges], lastSeen: () => editor.visibleRanges.map(r => [r.start.line, r.end.line]) });
        assert.ok(previewTabs().some(tab => tab.isActive && tab.group.viewColumn !== vscode.ViewColumn.One), 'the preview stays visible beside');
    });

    it('highlights the box under the editor cursor', async () => {
        const editor = await openInEditor(clinic());
        const from = posted.mark();
        await vscode.commands.executeCommand('chatflow.openPreviewToSide');
        await posted.next('graph', clinic(), 0);
        const inAge = positionOf(editor.document, 'between 0 and 120', 4);
        editor.selection = new vscode.Selection(inAge, inAge);
        await posted.next('highlight', clinic(), from, message => message.boxId === 'Clinic.ask_age');
        const inBooking = positionOf(editor.document, 'on full -> slot_full', 2);
        editor.selection = new vscode.Selection(inBooking, inBooking);
        await posted.next('highlight', clinic(), from, message => message.boxId === 'Clinic.book_slot');
    });
});
