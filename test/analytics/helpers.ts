import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { FlowGraph } from '../../language/flow-model.js';
import { FlowContext } from '../../analytics/flow-context.js';
import { importLogFiles, type ImportOptions } from '../../analytics/import/import-logs.js';
import type { ImportSummary } from '../../analytics/model.js';
import { SqliteAnalyticsStore } from '../../analytics/sqlite/sqlite-store.js';
import { loadWorkspace } from '../../cli/workspace.js';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const FIXTURES = path.join(ROOT, 'test/fixtures/analytics');
export const EXAMPLES = path.join(ROOT, 'examples');

/** The FlowGraphs of .chatflow files loaded together (as the CLI and the server do). */
export async function graphsOf(...files: string[]): Promise<FlowGraph[]> {
    const workspace = await loadWorkspace(files);
    return workspace.documents.flatMap(d => workspace.services.flow.FlowGraphBuilder.buildDocument(d));
}

export async function dentalContext(): Promise<FlowContext> {
    return new FlowContext(await graphsOf(path.join(FIXTURES, 'dental.chatflow')));
}

export async function exampleGraphs(): Promise<FlowGraph[]> {
    return graphsOf(...['clinic', 'dental', 'pharmacy-common', 'pharmacy-refill'].map(f => path.join(EXAMPLES, `${f}.chatflow`)));
}

/** A fresh folder under the OS temp dir, removed by `cleanup()`. */
export function tempFolder(): { folder: string; db: string; cleanup: () => void } {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'chatflow-analytics-'));
    return { folder, db: path.join(folder, 'analytics.db'), cleanup: () => fs.rmSync(folder, { recursive: true, force: true }) };
}

export async function openStore(db: string): Promise<SqliteAnalyticsStore> {
    return SqliteAnalyticsStore.open(db, { mode: 'create' });
}

export async function importInto(store: SqliteAnalyticsStore, files: string[], context: FlowContext, options: Partial<ImportOptions> = {}): Promise<ImportSummary> {
    return importLogFiles(store, files, { context, ...options });
}

/**
 * Mocha hooks for a suite over the dental fixture flow: its FlowContext, built once, and a fresh
 * temp folder per test. Read `suite.context` and `suite.temp` inside the tests.
 */
export function dentalSuite(): { context: FlowContext; temp: ReturnType<typeof tempFolder> } {
    const suite = {} as { context: FlowContext; temp: ReturnType<typeof tempFolder> };
    before(async function () {
        this.timeout(60_000);
        suite.context = await dentalContext();
    });
    beforeEach(() => {
        suite.temp = tempFolder();
    });
    afterEach(() => suite.temp.cleanup());
    return suite;
}
