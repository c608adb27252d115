import * as path from 'node:path';
import * as vscode from 'vscode';
import { runTest } from '../../language/conversation-tests.js';
import type { DocumentFlows } from '../../language/flow-model.js';
import { Simulator } from '../../language/simulator.js';
import type { FlowClient } from '../flow-client.js';
import { describeErrors, findFlowTest } from './test-data.js';
import type { TestDiscovery } from './test-discovery.js';
import { toRange } from './to-range.js';
import { TestRecorder, type TestResultSummary } from './test-recorder.js';

/** Runs the requested conversation tests with the simulator, on FlowGraphs pulled fresh from the server. */
export class TestRunner {
    constructor(private readonly controller: vscode.TestController, private readonly discovery: TestDiscovery,
        private readonly flows: FlowClient) {}

    async run(request: vscode.TestRunRequest, token: vscode.CancellationToken): Promise<TestResultSummary[]> {
        const byDocument = await this.collect(request);
        const run = new TestRecorder(this.controller.createTestRun(request));
        try {
            for (const items of byDocument.values()) items.forEach(item => run.enqueued(item));
            for (const [uri, items] of byDocument) {
                if (token.isCancellationRequested) items.forEach(item => run.skipped(item));
                else await this.runDocument(vscode.Uri.parse(uri), items, run);
            }
        } finally {
            run.end();
        }
        return run.results;
    }

    private async runDocument(uri: vscode.Uri, items: vscode.TestItem[], run: TestRecorder): Promise<void> {
        const fileName = path.basename(uri.fsPath);
        let document: DocumentFlows;
        try {
            document = await this.flows.pull(uri);
        } catch (e) {
            const message = new vscode.TestMessage(`Could not get the flows of ${fileName}: ${e instanceof Error ? e.message : String(e)}`);
            return items.forEach(item => run.errored(item, [message]));
        }
        if (!document.flows) {
            const lines = document.errors.length ? describeErrors(document.errors) : ['the server reported no details; see the Problems view'];
            const messages = lines.map((text, i) => {
                const message = new vscode.TestMessage(`${fileName} has errors; fix them to run its tests: ${text}`);
                const error = document.errors[i];
                if (error) message.location = new vscode.Location(uri, new vscode.Position(error.line, error.character));
                return message;
            });
            return items.forEach(item => run.errored(item, messages));
        }
        const simulators = new Map(document.flows.map(graph => [graph.flow, new Simulator(graph)]));
        for (const item of items) {
            const data = this.discovery.data.get(item);
            const lookup = data?.kind === 'test' ? findFlowTest(document.flows, data.flow, data.name, fileName)
                : { found: false as const, reason: `${item.id} is not a conversation test.` };
            if (!lookup.found) {
                run.errored(item, [new vscode.TestMessage(lookup.reason)]);
                continue;
            }
            run.started(item);
            const started = Date.now();
            const outcome = runTest(simulators.get(lookup.graph.flow)!, lookup.test);
            if (outcome.passed || !outcome.failure) {
                run.passed(item, Date.now() - started);
            } else {
                const message = new vscode.TestMessage(outcome.failure.message);
                message.location = new vscode.Location(vscode.Uri.parse(outcome.failure.range.uri), toRange(outcome.failure.range));
                run.failed(item, message, Date.now() - started);
            }
        }
    }

    /** The requested test items (leaves), grouped by document; unresolved files are listed first. */
    private async collect(request: vscode.TestRunRequest): Promise<Map<string, vscode.TestItem[]>> {
        const excluded = new Set((request.exclude ?? []).map(item => item.id));
        const roots: vscode.TestItem[] = [];
        if (request.include) roots.push(...request.include);
        else this.controller.items.forEach(item => void roots.push(item));
        const byDocument = new Map<string, vscode.TestItem[]>();
        const visit = async (item: vscode.TestItem): Promise<void> => {
            if (excluded.has(item.id)) return;
            if (item.children.size === 0 && this.discovery.data.get(item)?.kind === 'file' && item.uri) await this.discovery.refresh(item.uri);
            if (this.discovery.data.get(item)?.kind === 'test' && item.uri) {
                const key = item.uri.toString();
                byDocument.set(key, [...byDocument.get(key) ?? [], item]);
                return;
            }
            const children: vscode.TestItem[] = [];
            item.children.forEach(child => void children.push(child));
            for (const child of children) await visit(child);
        };
        for (const root of roots) await visit(root);
        return byDocument;
    }
}
