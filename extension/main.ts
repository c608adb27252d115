import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node.js';
import { registerAnalytics, type ChatflowAnalyticsApi } from './analytics-panel/register-analytics.js';
import { registerAnalyticsOverlay } from './analytics/register-overlay.js';
import { workspaceKeepMiddleware } from './analytics/workspace-keep-middleware.js';
import { registerDatabasePasswordCommand, storedDatabasePassword } from './database/database-password.js';
import { registerConversionExport } from './export/register-export.js';
import { FlowClient } from './flow-client.js';
import { registerPreview, type ChatflowPreviewApi } from './preview/register-preview.js';
import { registerTestExplorer, type ChatflowTestsApi } from './testing/register-tests.js';
import { WalkthroughProgress } from './walkthrough-progress.js';
import { CLEAR_SCOPE_COMMAND, OPEN_ANALYTICS_COMMAND } from '../server/protocol.js';

let client: LanguageClient | undefined;

/** The extension's public API, for tests and other extensions. */
export interface ChatflowExtensionApi {
    client: LanguageClient;
    preview: ChatflowPreviewApi;
    tests: ChatflowTestsApi;
    analytics: ChatflowAnalyticsApi;
    /** The walkthrough steps ticked for what the user already did (tests read it). */
    walkthrough: Pick<WalkthroughProgress, 'done'>;
}

export async function activate(context: vscode.ExtensionContext): Promise<ChatflowExtensionApi> {
    const output = vscode.window.createOutputChannel('Chatflow', { log: true });
    context.subscriptions.push(output);
    const serverEnv: NodeJS.ProcessEnv = { ...process.env };
    client = createClient(context, output, serverEnv);
    /** Restarts the server with the database password of the moment (SecretStorage) in its environment. */
    const restart = async () => {
        const password = await storedDatabasePassword(context);
        if (password) serverEnv.PGPASSWORD = password;
        else delete serverEnv.PGPASSWORD;
        await client?.restart();
    };
    context.subscriptions.push(
        vscode.commands.registerCommand('chatflow.restartServer', async () => {
            output.info('Restarting the Chatflow language server on request.');
            await restart();
        }),
        registerDatabasePasswordCommand(context, output, restart)
    );
    const password = await storedDatabasePassword(context);
    if (password) serverEnv.PGPASSWORD = password;
    const flows = new FlowClient(client);
    context.subscriptions.push(flows);
    const preview = registerPreview(context, flows, output);
    const tests = registerTestExplorer(context, flows, output);
    const analytics = registerAnalytics(context, flows, output);
    registerAnalyticsOverlay(context, flows, output);
    registerConversionExport(context, output);
    const walkthrough = new WalkthroughProgress(context.globalState, flows);
    context.subscriptions.push(walkthrough);
    walkthrough.restore().catch(error => output.warn(`Walkthrough progress: ${error instanceof Error ? error.message : String(error)}`));
    await client.start();
    output.info('Chatflow language server started.');
    return { client, preview, tests, analytics, walkthrough };
}

export async function deactivate(): Promise<void> {
    await client?.stop();
    client = undefined;
}

/** `env` is the server's environment, read at each (re)start: the database password goes there, and only there. */
function createClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel, env: NodeJS.ProcessEnv): LanguageClient {
    const serverModule = context.asAbsolutePath(path.join('dist', 'server', 'main.cjs'));
    const serverOptions: ServerOptions = {
        run: { module: serverModule, transport: TransportKind.ipc, options: { env } },
        debug: { module: serverModule, transport: TransportKind.ipc, options: { env, execArgv: ['--nolazy', '--inspect=6019'] } }
    };
    const clientOptions: LanguageClientOptions = {
        documentSelector: [{ scheme: 'file', language: 'chatflow' }, { scheme: 'untitled', language: 'chatflow' }],
        synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.chatflow') },
        outputChannel: output,
        // A box's hover links to its fix-first row in the Analytics panel and clears the filter its numbers are for.
        markdown: { isTrusted: { enabledCommands: [OPEN_ANALYTICS_COMMAND, CLEAR_SCOPE_COMMAND] } },
        // chatflow.privacy.policy 'keep' counts only when the workspace chose it (workspace-keep.ts).
        middleware: workspaceKeepMiddleware(() => created)
    };
    // The default error handler restarts a crashed server (up to 4 times in 3 minutes).
    const created = new LanguageClient('chatflow', 'Chatflow Language Server', serverOptions, clientOptions);
    return created;
}
