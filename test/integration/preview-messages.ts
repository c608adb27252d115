/** Records what the extension posts to preview webviews, so suites can wait for a message. */
import { after, before } from 'mocha';
import * as vscode from 'vscode';
import type { ChatflowExtensionApi } from '../../extension/main.js';
import type { ChatflowPreviewApi } from '../../extension/preview/register-preview.js';
import type { ToPreview } from '../../extension/webview-protocol.js';
import { startClean } from './clean-start.js';
import { activateExtension, workspaceUri } from './helpers.js';
import { waitFor } from './wait-for.js';

type Posted = { uri: string; message: ToPreview };

export class PostedMessages implements vscode.Disposable {
    readonly all: Posted[] = [];
    private readonly subscription: vscode.Disposable;

    constructor(private readonly preview: ChatflowPreviewApi) {
        this.subscription = preview.onDidPost(posted => this.all.push(posted));
    }

    /** A position in the log: `next` only looks at messages posted after it. */
    mark(): number {
        return this.all.length;
    }

    /** The first message of `type` to `uri` posted since `from` that `accept` takes. */
    next<K extends ToPreview['type']>(type: K, uri: vscode.Uri, from: number,
        accept: (message: Extract<ToPreview, { type: K }>) => boolean = () => true, timeoutMs = 30000): Promise<Extract<ToPreview, { type: K }>> {
        const key = uri.toString();
        const matches = (p: Posted): p is { uri: string; message: Extract<ToPreview, { type: K }> } =>
            p.uri === key && p.message.type === type && accept(p.message as Extract<ToPreview, { type: K }>);
        return waitFor(`a '${type}' message to the preview of ${uri.path}`,
            () => this.all.slice(from).find(matches)?.message,
            { timeoutMs, events: [this.preview.onDidPost], lastSeen: () => this.all.slice(from).map(p => p.message.type) });
    }

    dispose(): void {
        this.subscription.dispose();
    }
}

/** The tabs of Chatflow preview webviews, in every editor group. */
export function previewTabs(): vscode.Tab[] {
    return vscode.window.tabGroups.all.flatMap(group => group.tabs)
        .filter(tab => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.includes('chatflow.preview'));
}

/** Closes every editor and waits until the extension has disposed its previews, so the next suite opens fresh ones. */
export async function closeAllPreviews(preview: ChatflowPreviewApi): Promise<void> {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await waitFor('every preview disposed', () => preview.openDocuments().length === 0 || undefined,
        { lastSeen: () => preview.openDocuments().map(uri => uri.path) });
}

/**
 * Mocha hooks of a suite over the previews of clinic.chatflow: the extension active, the document
 * clean, what it posts to previews recorded; every preview closed after. Read the fields inside tests.
 */
export function clinicPreviewSuite(): { api: ChatflowExtensionApi; posted: PostedMessages; clinic: () => vscode.Uri } {
    const suite = { clinic: () => workspaceUri('clinic.chatflow') } as { api: ChatflowExtensionApi; posted: PostedMessages; clinic: () => vscode.Uri };
    before(async () => {
        suite.api = await activateExtension();
        await startClean(suite.clinic());
        suite.posted = new PostedMessages(suite.api.preview);
    });
    after(async () => {
        suite.posted.dispose();
        await closeAllPreviews(suite.api.preview);
    });
    return suite;
}
