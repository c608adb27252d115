import * as vscode from 'vscode';
import type { FlowClient } from '../flow-client.js';
import { TestDiscovery } from './test-discovery.js';
import type { TestResultSummary } from './test-recorder.js';
import { TestRunner } from './test-runner.js';

/** What tests (and other extensions) can reach of the Test Explorer integration. */
export interface ChatflowTestsApi {
    controller: vscode.TestController;
    /** Lists the tests of one file again, or of every .chatflow file of the workspace. */
    refresh(uri?: vscode.Uri): Promise<void>;
    /** Runs tests (every test when `include` is absent) as the Run profile does, and returns the results. */
    run(include?: readonly vscode.TestItem[]): Promise<TestResultSummary[]>;
}

/** Conversation tests in VS Code's Test Explorer: file -> flow -> test, run by the simulator. */
export function registerTestExplorer(context: vscode.ExtensionContext, flows: FlowClient, output: vscode.LogOutputChannel): ChatflowTestsApi {
    const controller = vscode.tests.createTestController('chatflowTests', 'Chatflow Conversations');
    const discovery = new TestDiscovery(controller, flows, output);
    const runner = new TestRunner(controller, discovery, flows);
    const profile = controller.createRunProfile('Run', vscode.TestRunProfileKind.Run,
        async (request, token) => void await runner.run(request, token), true);
    const discoverAll = () => discovery.discoverAll().then(undefined, (e: unknown) =>
        output.error(`Could not list the workspace's conversation tests: ${e instanceof Error ? e.message : String(e)}`));
    controller.resolveHandler = async item => {
        if (item?.uri) await discovery.refresh(item.uri);
        else if (!item) await discoverAll();
    };
    controller.refreshHandler = async () => void await discoverAll();
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.chatflow');
    context.subscriptions.push(
        controller,
        discovery,
        watcher,
        watcher.onDidCreate(uri => discovery.schedule(uri)),
        watcher.onDidDelete(uri => discovery.remove(uri)),
        // The watcher's glob does not match a deleted folder; deletes made in VS Code name it.
        vscode.workspace.onDidDeleteFiles(e => e.files.forEach(uri => discovery.remove(uri))),
        flows.onDidChange(uris => uris.filter(uri => uri.path.endsWith('.chatflow')).forEach(uri => discovery.schedule(uri)))
    );
    void discoverAll();
    return {
        controller,
        refresh: uri => uri ? discovery.refresh(uri) : discoverAll(),
        run: async include => {
            const cancel = new vscode.CancellationTokenSource();
            try {
                return await runner.run(new vscode.TestRunRequest(include, undefined, profile), cancel.token);
            } finally {
                cancel.dispose();
            }
        }
    };
}
