import * as vscode from 'vscode';
import type { ConcludeExperimentParams } from '../../server/protocol.js';
import type { FlowClient } from '../flow-client.js';

/**
 * The command "Promote arm …" runs after its edit: the server records the concluded experiment
 * (with the numbers it was decided on) in the workspace store, and the answer says so.
 */
export function registerExperimentConcluded(flows: FlowClient, output: vscode.LogOutputChannel): vscode.Disposable {
    return vscode.commands.registerCommand('chatflow.experimentConcluded', async (params: ConcludeExperimentParams) => {
        try {
            const answer = await flows.concludeExperiment(params);
            output.info(answer.message);
            void (answer.recorded ? vscode.window.showInformationMessage(answer.message) : vscode.window.showWarningMessage(answer.message));
            return answer;
        } catch (error) {
            const message = `Could not record the experiment ${params.split}: ${error instanceof Error ? error.message : String(error)}`;
            output.warn(message);
            void vscode.window.showErrorMessage(message);
            return undefined;
        }
    });
}
