import * as vscode from 'vscode';
import type { PrivacyPolicy, ReapplyPrivacyResult } from '../../server/protocol.js';
import type { FlowClient } from '../flow-client.js';
import { effectivePolicy } from './workspace-keep.js';

export interface ReapplyPrivacyOptions {
    /** Default: the workspace's `chatflow.privacy.policy`. */
    policy?: PrivacyPolicy;
    /** false skips the confirmation (tests, scripts). */
    confirm?: boolean;
}

/**
 * "Chatflow: Re-apply Privacy Policy to Database": after a confirmation, the language server
 * rewrites every stored text under the policy, in place, and wipes the old texts from the file.
 * Resolves to what changed (undefined when declined or failed: the message says why).
 */
export function registerReapplyPrivacyCommand(flows: FlowClient, output: vscode.LogOutputChannel): vscode.Disposable {
    return vscode.commands.registerCommand('chatflow.reapplyPrivacy', async (options: ReapplyPrivacyOptions = {}): Promise<ReapplyPrivacyResult | undefined> => {
        const settings = vscode.workspace.getConfiguration('chatflow.privacy');
        const policy = options.policy ?? effectivePolicy(settings.get<PrivacyPolicy>('policy', 'redact'), settings.inspect('policy')) ?? 'redact';
        if (options.confirm !== false) {
            const answer = await vscode.window.showWarningMessage(
                `Re-apply the '${policy}' privacy policy to every text in the analytics database?`,
                { modal: true, detail: 'Typed answers and sensitive values are rewritten in place and the old text is wiped from the file. This cannot be undone.' },
                'Re-apply');
            if (answer !== 'Re-apply') return undefined;
        }
        try {
            const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Re-applying the '${policy}' privacy policy` },
                () => flows.reapplyPrivacy(policy));
            const message = `Re-applied the '${result.policy}' privacy policy to ${result.db}: ${result.changed.toLocaleString('en-US')} of ${result.texts.toLocaleString('en-US')} stored texts rewritten.`;
            output.info(message);
            void vscode.window.showInformationMessage(message);
            return result;
        } catch (error) {
            const message = `Could not re-apply the privacy policy: ${error instanceof Error ? error.message : String(error)}`;
            output.warn(message);
            void vscode.window.showErrorMessage(message);
            return undefined;
        }
    });
}
