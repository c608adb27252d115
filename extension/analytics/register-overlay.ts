import * as vscode from 'vscode';
import { CLEAR_SCOPE_COMMAND } from '../../server/protocol.js';
import type { FlowClient } from '../flow-client.js';
import { AnalyticsOverlay, OVERLAY_SETTING, overlayEnabled } from './analytics-overlay.js';
import { registerChatToTest } from './chat-to-test-command.js';
import { registerExperimentConcluded } from './experiment-concluded-command.js';
import { registerImportLogsCommand } from './import-logs-command.js';
import { registerReapplyPrivacyCommand } from './reapply-privacy-command.js';
import { registerShowChats } from './show-chats-command.js';
import { registerStatsHover } from './stats-hover.js';

/** The editor side of analytics: import command, chats behind a lens (each can become a test), drop-out shading and its toggle. */
export function registerAnalyticsOverlay(context: vscode.ExtensionContext, flows: FlowClient, output: vscode.LogOutputChannel): void {
    const overlay = new AnalyticsOverlay(flows, output);
    context.subscriptions.push(
        overlay,
        registerImportLogsCommand(flows, output),
        registerReapplyPrivacyCommand(flows, output),
        registerShowChats(flows),
        registerChatToTest(flows, output),
        registerExperimentConcluded(flows, output),
        registerStatsHover(flows),
        // The link beside filtered numbers (a lens, a hover): every view, the Analytics panel too, shows all chats again.
        vscode.commands.registerCommand(CLEAR_SCOPE_COMMAND, () => flows.setScope({})),
        vscode.commands.registerCommand('chatflow.toggleOverlay', async () => {
            const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
            const on = !overlayEnabled();
            await vscode.workspace.getConfiguration().update(OVERLAY_SETTING, on, target);
            void vscode.window.setStatusBarMessage(`Chatflow analytics overlay ${on ? 'on' : 'off'}`, 3000);
            return on;
        })
    );
    // Editors already open when the server starts get their shading once it answers.
    context.subscriptions.push(flows.onDidChangeState(() => overlay.refreshAll()));
}
