import * as vscode from 'vscode';
import { OPEN_ANALYTICS_COMMAND, type OpenAnalyticsAt } from '../../server/protocol.js';
import type { AnalyticsState, FromAnalytics, ToAnalytics } from '../webview-protocol.js';
import type { FlowClient } from '../flow-client.js';
import { AnalyticsPanel, analyticsTitle } from './analytics-panel.js';

/** What tests can see of the Analytics panels. */
export interface ChatflowAnalyticsApi {
    /** Every message posted to an Analytics webview, with its document. */
    onDidPost: vscode.Event<{ uri: string; message: ToAnalytics }>;
    openDocuments(): vscode.Uri[];
    /** Closes the Analytics panel of `uri`, if one is open. */
    close(uri: vscode.Uri): void;
    /** Handles `message` as if the panel of `uri` had posted it. */
    deliver(uri: vscode.Uri, message: FromAnalytics): Promise<void>;
}

/** Registers "Chatflow: Open Analytics", the panel serializer and one panel per document. */
export function registerAnalytics(context: vscode.ExtensionContext, flows: FlowClient, output: vscode.LogOutputChannel): ChatflowAnalyticsApi {
    const posted = new vscode.EventEmitter<{ uri: string; message: ToAnalytics }>();
    const ctx = { extensionUri: context.extensionUri, flows, output, posted };
    const panels = new Map<string, AnalyticsPanel>();
    const track = (panel: AnalyticsPanel) => {
        const key = panel.uri.toString();
        panels.set(key, panel);
        panel.onDidDispose(() => {
            if (panels.get(key) === panel) panels.delete(key);
            // The filter lives in the panel: with the last one closed, nowhere shows or edits it, so every view shows all chats again.
            if (panels.size === 0) flows.setScope({}).catch(error => output.warn(`Could not clear the analytics filter: ${error instanceof Error ? error.message : String(error)}`));
        });
        return panel;
    };
    const createOrShow = (uri: vscode.Uri): AnalyticsPanel => {
        const existing = panels.get(uri.toString());
        if (existing) {
            existing.panel.reveal(undefined, false);
            return existing;
        }
        const source = vscode.window.activeTextEditor?.viewColumn;
        const panel = vscode.window.createWebviewPanel(AnalyticsPanel.viewType, analyticsTitle(uri), vscode.ViewColumn.Beside, { enableScripts: true });
        return track(new AnalyticsPanel(panel, uri, ctx, source));
    };
    context.subscriptions.push(
        posted,
        { dispose: () => [...panels.values()].forEach(p => p.dispose()) },
        // From a box's hover: `{ uri, box }`, the panel opens at the box's fix-first row.
        vscode.commands.registerCommand(OPEN_ANALYTICS_COMMAND, (target?: vscode.Uri | OpenAnalyticsAt) => {
            const document = target instanceof vscode.Uri ? target : target?.uri ? vscode.Uri.parse(target.uri) : activeChatflowDocument();
            if (!document) return void vscode.window.showErrorMessage('Open a .chatflow file in the editor first, then run "Chatflow: Open Analytics".');
            const panel = createOrShow(document);
            if (target && !(target instanceof vscode.Uri)) panel.focusRow(target.box);
        }),
        vscode.window.registerWebviewPanelSerializer(AnalyticsPanel.viewType, {
            deserializeWebviewPanel: async (panel, state: unknown) => {
                const uri = (state as AnalyticsState | undefined)?.uri;
                if (typeof uri !== 'string') return panel.dispose();
                const key = vscode.Uri.parse(uri).toString();
                panels.get(key)?.dispose();
                track(new AnalyticsPanel(panel, vscode.Uri.parse(uri), ctx));
            }
        })
    );
    return {
        onDidPost: posted.event,
        openDocuments: () => [...panels.values()].map(p => p.uri),
        close: uri => panels.get(uri.toString())?.dispose(),
        deliver: async (uri, message) => {
            const panel = panels.get(uri.toString());
            if (!panel) throw new Error(`No Analytics panel of ${uri.fsPath} is open: run "Chatflow: Open Analytics" first.`);
            await panel.receive(message);
        }
    };
}

function activeChatflowDocument(): vscode.Uri | undefined {
    const document = vscode.window.activeTextEditor?.document;
    return document?.languageId === 'chatflow' ? document.uri : undefined;
}
