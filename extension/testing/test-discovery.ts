import * as vscode from 'vscode';
import type { FlowGraph } from '../../language/flow-model.js';
import type { FlowClient } from '../flow-client.js';
import { describeErrors, flowItemId, testItemId, type TestItemData } from './test-data.js';

const REFRESH_DEBOUNCE_MS = 150;

/** Builds the Test Explorer tree, file -> flow -> test, from the FlowGraphs the server serves. */
export class TestDiscovery implements vscode.Disposable {
    readonly data = new WeakMap<vscode.TestItem, TestItemData>();
    private readonly timers = new Map<string, NodeJS.Timeout>();
    private readonly pulls = new Map<string, number>();

    constructor(private readonly controller: vscode.TestController, private readonly flows: FlowClient,
        private readonly output: vscode.LogOutputChannel) {}

    /** Finds every .chatflow file of the workspace and lists its tests. */
    async discoverAll(): Promise<void> {
        const files = await vscode.workspace.findFiles('**/*.chatflow', '**/node_modules/**');
        await Promise.all(files.map(uri => this.refresh(uri)));
    }

    /** Refreshes a file a little later, once a burst of changes has settled. */
    schedule(uri: vscode.Uri): void {
        const key = uri.toString();
        clearTimeout(this.timers.get(key));
        this.timers.set(key, setTimeout(() => {
            this.timers.delete(key);
            void this.refresh(uri);
        }, REFRESH_DEBOUNCE_MS));
    }

    /** Pulls the file's flows and rebuilds its items; a file without tests leaves the tree. */
    async refresh(uri: vscode.Uri): Promise<void> {
        const key = uri.toString();
        const pull = (this.pulls.get(key) ?? 0) + 1;
        this.pulls.set(key, pull);
        try {
            const document = await this.flows.pull(uri);
            if (this.pulls.get(key) !== pull) return; // a newer refresh is under way
            if (!document.flows) {
                // Keep the last good tests; say why they may be stale.
                const file = this.controller.items.get(key);
                if (file) file.error = `Fix the errors of this file to run its tests: ${describeErrors(document.errors).join('; ')}`;
                return;
            }
            this.replaceTests(uri, document.flows.filter(graph => graph.tests.length > 0));
        } catch (e) {
            const message = `Could not list the tests of ${uri.fsPath}: ${e instanceof Error ? e.message : String(e)}`;
            this.output.error(message);
            const file = this.controller.items.get(key);
            if (file) file.error = message;
        }
    }

    remove(uri: vscode.Uri): void {
        this.controller.items.delete(uri.toString());
    }

    private replaceTests(uri: vscode.Uri, flows: FlowGraph[]): void {
        const key = uri.toString();
        if (flows.length === 0) return this.remove(uri);
        const file = this.controller.items.get(key) ?? this.controller.createTestItem(key, vscode.workspace.asRelativePath(uri), uri);
        this.data.set(file, { kind: 'file' });
        file.error = undefined;
        file.canResolveChildren = true;
        file.children.replace(flows.map(graph => this.flowItem(uri, graph)));
        this.controller.items.add(file);
    }

    private flowItem(uri: vscode.Uri, graph: FlowGraph): vscode.TestItem {
        const item = this.controller.createTestItem(flowItemId(uri.toString(), graph.flow), graph.flow, uri);
        item.description = graph.label;
        item.range = toRange(graph.range);
        this.data.set(item, { kind: 'flow', flow: graph.flow });
        item.children.replace(graph.tests.map(test => {
            const testItem = this.controller.createTestItem(testItemId(uri.toString(), graph.flow, test.name), test.name, uri);
            testItem.range = toRange(test.range);
            this.data.set(testItem, { kind: 'test', flow: graph.flow, name: test.name });
            return testItem;
        }));
        return item;
    }

    dispose(): void {
        for (const timer of this.timers.values()) clearTimeout(timer);
        this.timers.clear();
    }
}

export function toRange(range: { start: { line: number; character: number }; end: { line: number; character: number } }): vscode.Range {
    return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}
