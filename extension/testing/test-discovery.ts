import * as vscode from 'vscode';
import type { FlowGraph } from '../../language/flow-model.js';
import type { FlowClient } from '../flow-client.js';
import { describeErrors, type TestItemData } from './test-data.js';
import { flowItem } from './test-items.js';

const REFRESH_DEBOUNCE_MS = 150;

/** Builds the Test Explorer tree, file -> flow -> test, from the FlowGraphs the server serves. */
export class TestDiscovery implements vscode.Disposable {
    readonly data = new WeakMap<vscode.TestItem, TestItemData>();
    private readonly timers = new Map<string, NodeJS.Timeout>();
    private readonly pulls = new Map<string, number>();
    private readonly inFlight = new Map<string, Promise<void>>();

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

    /**
     * Pulls the file's flows and rebuilds its items; a file without tests leaves the tree.
     * Resolves once the latest refresh of the file is done, even if this one was overtaken.
     */
    refresh(uri: vscode.Uri): Promise<void> {
        const key = uri.toString();
        const pull = (this.pulls.get(key) ?? 0) + 1;
        this.pulls.set(key, pull);
        const done: Promise<void> = this.load(uri, () => this.pulls.get(key) === pull).then(latest => {
            const newer = this.inFlight.get(key);
            return latest || newer === done ? undefined : newer;
        });
        this.inFlight.set(key, done);
        return done;
    }

    /** False if a newer refresh overtook this one (its result is dropped). */
    private async load(uri: vscode.Uri, latest: () => boolean): Promise<boolean> {
        const key = uri.toString();
        try {
            // List only files on disk: a deleted file the editor still holds open keeps being served.
            const document = await existsOnDisk(uri) ? await this.flows.pull(uri) : undefined;
            const stillThere = document !== undefined && await existsOnDisk(uri);
            if (!latest()) return false;
            if (!document || !stillThere) this.remove(uri);
            else if (document.flows) this.replaceTests(uri, document.flows.filter(graph => graph.tests.length > 0));
            else {
                // Keep the last good tests; say why they may be stale.
                const file = this.controller.items.get(key);
                if (file) file.error = `Fix the errors of this file to run its tests: ${describeErrors(document.errors).join('; ')}`;
            }
        } catch (e) {
            if (!latest()) return false;
            const message = `Could not list the tests of ${uri.fsPath}: ${e instanceof Error ? e.message : String(e)}`;
            this.output.error(message);
            const file = this.controller.items.get(key);
            if (file) file.error = message;
        }
        return true;
    }

    /** Drops the tests of a deleted file, or of every file under a deleted folder. */
    remove(uri: vscode.Uri): void {
        const folder = uri.toString().replace(/\/?$/, '/');
        const gone: string[] = [];
        this.controller.items.forEach(item => {
            if (item.id === uri.toString() || item.id.startsWith(folder)) gone.push(item.id);
        });
        for (const id of gone) {
            this.controller.items.delete(id);
            clearTimeout(this.timers.get(id));
            this.timers.delete(id);
            this.inFlight.delete(id);
            this.pulls.set(id, (this.pulls.get(id) ?? 0) + 1); // drop the answer of a pull under way
        }
    }

    private replaceTests(uri: vscode.Uri, flows: FlowGraph[]): void {
        const key = uri.toString();
        if (flows.length === 0) return this.controller.items.delete(key);
        const file = this.controller.items.get(key) ?? this.controller.createTestItem(key, vscode.workspace.asRelativePath(uri), uri);
        this.data.set(file, { kind: 'file' });
        file.error = undefined;
        file.canResolveChildren = true;
        file.children.replace(flows.map(graph => flowItem(this.controller, this.data, uri, graph)));
        this.controller.items.add(file);
    }

    dispose(): void {
        for (const timer of this.timers.values()) clearTimeout(timer);
        this.timers.clear();
    }
}

async function existsOnDisk(uri: vscode.Uri): Promise<boolean> {
    if (uri.scheme !== 'file') return true;
    return vscode.workspace.fs.stat(uri).then(() => true, (error: unknown) => {
        if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return false;
        throw error;
    });
}
