import * as assert from 'node:assert';
import * as vscode from 'vscode';
import type { ChatflowExtensionApi } from '../../extension/main.js';
import { openInEditor, positionOf, workspaceUri } from './helpers.js';
import { restoreText } from './clean-start.js';
import { clinicPreviewSuite, type PostedMessages, previewTabs } from './preview-messages.js';
import { waitFor } from './wait-for.js';

const NEW_WEBVIEW_MS = 45000;

async function exists(uri: vscode.Uri): Promise<boolean> {
    return vscode.workspace.fs.stat(uri).then(() => true, (error: unknown) => {
        if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return false;
        throw error;
    });
}

describe('The flow preview', () => {
    const suite = clinicPreviewSuite();
    let api: ChatflowExtensionApi;
    let posted: PostedMessages;
    const clinic = () => suite.clinic();
    beforeEach(() => ({ api, posted } = suite));

    // A new webview can take ~30 s to load in code-server when its service worker is replaced.
    it('opens one webview panel per document beside the editor, titled after the file', async function () {
        this.timeout(NEW_WEBVIEW_MS + 15000);
        const from = posted.mark();
        const editor = await openInEditor(clinic());
        await vscode.commands.executeCommand('chatflow.openPreviewToSide');
        const tab = await waitFor("a webview tab 'Preview clinic.chatflow'", () => previewTabs().find(t => t.label === 'Preview clinic.chatflow'),
            { timeoutMs: 10000, events: [vscode.window.tabGroups.onDidChangeTabs], lastSeen: () => previewTabs().map(t => t.label) });
        assert.notStrictEqual(tab.group.viewColumn, editor.viewColumn, 'the preview opens in another column than the editor');
        // The webview loaded the bundle under our CSP and asked for the graph.
        await posted.next('graph', clinic(), from, undefined, NEW_WEBVIEW_MS);
        await vscode.commands.executeCommand('chatflow.openPreview', clinic());
        assert.strictEqual(previewTabs().length, 1, 'opening the preview again reveals the same panel');
        assert.deepStrictEqual(api.preview.openDocuments().map(uri => uri.toString()), [clinic().toString()]);
    });

    it('sends the clinic graph with every box, and the transitions its tests cover', async () => {
        await vscode.commands.executeCommand('chatflow.openPreview', clinic());
        const graph = await posted.next('graph', clinic(), 0);
        const boxes = graph.flows.flatMap(flow => flow.boxes.filter(box => !box.external));
        assert.strictEqual(boxes.length, 29);
        assert.ok(boxes.some(box => box.id === 'Clinic.confirmed' && box.goals.includes('appointment')));
        const coverage = await posted.next('coverage', clinic(), 0);
        assert.ok(coverage.covered.includes('Clinic.book_slot:outcome:booked'));
        assert.ok(coverage.uncovered.includes('Clinic.urgent_check:choice:Yes'));
    });

    it('reports errors while the document is broken and redraws once it is fixed', async () => {
        const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(clinic()), vscode.ViewColumn.One);
        const original = editor.document.getText();
        const start = positionOf(editor.document, '-> ask_dob', 3);
        const from = posted.mark();
        try {
            assert.ok(await editor.edit(edit => edit.replace(new vscode.Range(start, start.translate(0, 'ask_dob'.length)), 'ask_dbo')));
            const problems = await posted.next('problems', clinic(), from);
            assert.ok(problems.errors.some(e => e.message.includes('ask_dbo') && e.line === start.line),
                `expected an error naming ask_dbo on line ${start.line + 1}: ${JSON.stringify(problems.errors)}`);
        } finally {
            const reverted = posted.mark();
            await restoreText(editor.document, original);
            await posted.next('graph', clinic(), reverted);
        }
    });

    it('exports the drawing as an SVG file', async () => {
        const target = workspaceUri('clinic-preview-export.svg');
        try {
            const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('chatflow.exportSvg', clinic(), target);
            assert.strictEqual(written?.toString(), target.toString());
            const svg = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
            assert.match(svg, /<svg[\s>]/);
            assert.ok(svg.includes('main_menu') && svg.includes('book_slot'), 'the clinic boxes are in the exported drawing');
        } finally {
            if (await exists(target)) await vscode.workspace.fs.delete(target);
        }
    });
});
