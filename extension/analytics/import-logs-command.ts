import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ImportLogsParams, ImportSummary } from '../../server/protocol.js';
import type { FlowClient } from '../flow-client.js';
import { importSummaryMessage } from './import-summary.js';

export interface ImportLogsOptions {
    /** The flow Rasa logs belong to (they name none); asked for when a .json log is picked. */
    flowName?: string;
}


/**
 * "Chatflow: Import Chat Logs…": picks log files (or takes their paths, for tests and scripts, or
 * the files and folders selected in the Explorer, whose context menu offers it),
 * imports them through the language server with a cancellable progress notification, and says
 * what was imported, skipped and unmatched. Resolves to the summary (undefined when cancelled).
 */
export function registerImportLogsCommand(flows: FlowClient, output: vscode.LogOutputChannel): vscode.Disposable {
    return vscode.commands.registerCommand('chatflow.importLogs', async (files?: Array<string | vscode.Uri> | vscode.Uri, more?: vscode.Uri[] | ImportLogsOptions) => {
        // From the Explorer: the clicked resource, then every selected one.
        const explorer = files instanceof vscode.Uri;
        const given = explorer ? (Array.isArray(more) && more.length > 0 ? more : [files]) : files;
        const options: ImportLogsOptions = !explorer && more && !Array.isArray(more) ? more : {};
        const paths = given?.map(f => typeof f === 'string' ? f : f.fsPath) ?? await pickLogFiles();
        if (!paths || paths.length === 0) return undefined;
        let flowName = options.flowName;
        if (!flowName && paths.some(p => p.toLowerCase().endsWith('.json'))) {
            const items = (await flows.workspaceFlows()).map(flow => ({ label: flow.name, description: flow.label }));
            flowName = (await vscode.window.showQuickPick(items, { title: 'Which flow do the Rasa logs belong to?', placeHolder: 'Rasa trackers name no flow: pick the flow their box names match' }))?.label;
            if (!flowName) return undefined;
        }
        return importWithProgress(flows, output, { files: paths, flowName });
    });
}

async function pickLogFiles(): Promise<string[] | undefined> {
    const picked = await vscode.window.showOpenDialog({
        canSelectMany: true, openLabel: 'Import', title: 'Import chat logs',
        filters: { 'Chat logs (JSON Lines, CSV, Rasa and platform exports)': ['jsonl', 'ndjson', 'csv', 'json', 'transcript', 'gz'], 'All files': ['*'] }
    });
    return picked?.map(uri => uri.fsPath);
}

async function importWithProgress(flows: FlowClient, output: vscode.LogOutputChannel, params: ImportLogsParams): Promise<ImportSummary | undefined> {
    const started = Date.now();
    const names = params.files.map(f => path.basename(f)).join(', ');
    output.info(`Importing chat logs: ${names}`);
    try {
        const outcome = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Importing chat logs', cancellable: true }, (progress, token) => {
            let reported = 0;
            return flows.importLogs(params, value => {
                const increment = value.percentage !== undefined ? Math.max(0, value.percentage - reported) : undefined;
                if (value.percentage !== undefined) reported = Math.max(reported, value.percentage);
                progress.report({ message: value.message, increment });
            }, token);
        });
        if (outcome.cancelled) {
            const message = 'Chat log import cancelled: the batches stored so far stay; importing the same files again continues (nothing is stored twice).';
            output.info(message);
            void vscode.window.showInformationMessage(message);
            return undefined;
        }
        const { summary } = outcome;
        const message = importSummaryMessage(summary, (Date.now() - started) / 1000);
        output.info(message);
        const show = summary.malformed > 0 || summary.unmatched.length > 0 ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
        void show(message);
        return summary;
    } catch (error) {
        const message = `Chat log import failed: ${error instanceof Error ? error.message : String(error)}`;
        output.warn(message);
        void vscode.window.showErrorMessage(message);
        return undefined;
    }
}
