import * as path from 'node:path';
import * as vscode from 'vscode';
import type { FlowClient } from '../flow-client.js';
import type { FromPreview, ToPreview } from '../webview-protocol.js';
import { LIGHT_PATH_COMMAND, type LightPathArgs } from './light-path.js';
import { PreviewManager } from './preview-manager.js';
import { PreviewPanel } from './preview-panel.js';

/** What tests (and other extensions) can see of the previews. */
export interface ChatflowPreviewApi {
    /** Every message posted to a preview webview, with the document it previews. */
    onDidPost: vscode.Event<{ uri: string; message: ToPreview }>;
    /** Documents that have a preview open. */
    openDocuments(): vscode.Uri[];
    /** Handles `message` as if the preview of `uri` had posted it (tests drive clicks with it). */
    deliver(uri: vscode.Uri, message: FromPreview): Promise<void>;
}

/** Registers the preview commands, the panel serializer and the panels' lifecycle. */
export function registerPreview(context: vscode.ExtensionContext, flows: FlowClient, output: vscode.LogOutputChannel): ChatflowPreviewApi {
    const posted = new vscode.EventEmitter<{ uri: string; message: ToPreview }>();
    const manager = new PreviewManager({ extensionUri: context.extensionUri, flows, output, posted });
    const open = (toSide: boolean) => (uri?: vscode.Uri) => {
        const document = uri instanceof vscode.Uri ? uri : activeChatflowDocument();
        if (!document) return void vscode.window.showErrorMessage('Open a .chatflow file in the editor first, then open its preview.');
        manager.createOrShow(document, toSide);
    };
    context.subscriptions.push(
        posted,
        manager,
        vscode.commands.registerCommand('chatflow.openPreview', open(false)),
        vscode.commands.registerCommand('chatflow.openPreviewToSide', open(true)),
        vscode.commands.registerCommand(LIGHT_PATH_COMMAND, ({ uri, ...path }: LightPathArgs) =>
            manager.createOrShow(vscode.Uri.parse(uri), true).lightPath(path)),
        vscode.commands.registerCommand('chatflow.exportSvg', (uri?: vscode.Uri, target?: vscode.Uri) =>
            exportSvg(uri instanceof vscode.Uri ? manager.get(uri) : manager.current(), target, output)),
        vscode.window.registerWebviewPanelSerializer(PreviewPanel.viewType, {
            deserializeWebviewPanel: async (panel, state: unknown) => manager.revive(panel, state)
        })
    );
    return {
        onDidPost: posted.event,
        openDocuments: () => manager.openDocuments(),
        deliver: async (uri, message) => {
            const preview = manager.get(uri);
            if (!preview) throw new Error(`No preview of ${uri.fsPath} is open.`);
            await preview.receive(message);
        }
    };
}

function activeChatflowDocument(): vscode.Uri | undefined {
    const document = vscode.window.activeTextEditor?.document;
    return document?.languageId === 'chatflow' ? document.uri : undefined;
}

/**
 * Saves the preview's drawing as an SVG file. `target` skips the save dialog (tests, scripts).
 * Returns the file written, or undefined if the user cancelled.
 */
async function exportSvg(preview: PreviewPanel | undefined, target: vscode.Uri | undefined, output: vscode.LogOutputChannel): Promise<vscode.Uri | undefined> {
    if (!preview) {
        void vscode.window.showErrorMessage('No Chatflow preview to export: run "Chatflow: Open Preview" first.');
        return undefined;
    }
    try {
        const svg = await preview.requestSvg();
        const defaultUri = preview.uri.with({ path: preview.uri.path.replace(/\.chatflow$/, '') + '.svg' });
        const file = target ?? await vscode.window.showSaveDialog({ defaultUri, filters: { 'SVG image': ['svg'] }, saveLabel: 'Export' });
        if (!file) return undefined;
        await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(svg));
        void vscode.window.showInformationMessage(`Saved ${file.fsPath}`);
        return file;
    } catch (e) {
        const message = `Could not export the preview of ${path.basename(preview.uri.fsPath)} as SVG: ${e instanceof Error ? e.message : String(e)}`;
        output.error(message);
        void vscode.window.showErrorMessage(message);
        return undefined;
    }
}
