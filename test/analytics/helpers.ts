import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import pg from 'pg';
import sqlite3 from 'sqlite3';
import type { FlowGraph } from '../../language/flow-model.js';
import { FlowContext } from '../../analytics/flow-context.js';
import { importLogFiles, type ImportOptions } from '../../analytics/import/import-logs.js';
import type { ImportSummary } from '../../analytics/model.js';
import { databaseLocation, type DatabaseLocation } from '../../analytics/database-location.js';
import type { MetricStore } from '../../analytics/metric-store.js';
import { openAnalyticsStore } from '../../analytics/open-store.js';
import { SqliteAnalyticsStore } from '../../analytics/sqlite/sqlite-store.js';
import { freshDatabase } from '../postgres/databases.js';
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

/** The store engines every store, metric, drill-down and privacy test runs on. */
export const ENGINES = ['sqlite', 'postgres'] as const;
export type EngineName = typeof ENGINES[number];

export interface TempFolder {
    folder: string;
    /** The SQLite file of the folder. */
    db: string;
    /**
     * The engine's store for this test: the folder's SQLite file, or a fresh database on the test
     * server. Another `name` gives a second store (another file, another database).
     */
    location(engine: EngineName, name?: string): Promise<DatabaseLocation>;
    /** Removes the folder and drops the databases made for it. */
    cleanup(): Promise<void>;
}

/** A fresh folder under the OS temp dir, removed by `cleanup()`. */
export function tempFolder(): TempFolder {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'chatflow-analytics-'));
    const db = path.join(folder, 'analytics.db');
    const drops: Array<() => Promise<void>> = [];
    const servers = new Map<string, DatabaseLocation>();
    return {
        folder, db,
        async location(engine, name = 'analytics') {
            if (engine === 'sqlite') return databaseLocation(folder, name === 'analytics' ? db : `${name}.db`);
            let server = servers.get(name);
            if (!server) {
                const database = await freshDatabase();
                drops.push(database.drop);
                servers.set(name, server = databaseLocation(folder, database.url));
            }
            return server;
        },
        async cleanup() {
            fs.rmSync(folder, { recursive: true, force: true });
            await Promise.all(drops.splice(0).map(drop => drop()));
        }
    };
}

/** The engine's store for a test (created if needed). */
export async function engineStore(engine: EngineName, temp: TempFolder, name?: string): Promise<MetricStore> {
    return openAnalyticsStore(await temp.location(engine, name), { mode: 'create' });
}

/**
 * Everything the store holds, as bytes to search for PHI: the SQLite file with its write-ahead
 * log and shared-memory index as they lie on disk; on a server, every text value of every table
 * (what reached the server, whatever it does with its files; numbers are left out, as an epoch
 * in milliseconds written out in digits would contain any 7-digit record number).
 */
export async function storedBytes(engine: EngineName, temp: TempFolder, name?: string): Promise<Buffer> {
    const location = await temp.location(engine, name);
    if (location.engine === 'sqlite') {
        const file = location.file;
        return Buffer.concat([file, `${file}-wal`, `${file}-shm`].filter(f => fs.existsSync(f)).map(f => fs.readFileSync(f)));
    }
    const client = new pg.Client({ connectionString: location.url });
    await client.connect();
    try {
        const columns = (await client.query<{ table_name: string; column_name: string }>(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() AND data_type = 'text'")).rows;
        const texts: string[] = [];
        for (const { table_name, column_name } of columns) {
            const rows = (await client.query<{ value: string | null }>(`SELECT "${column_name}" AS value FROM "${table_name}"`)).rows;
            for (const row of rows) if (row.value !== null) texts.push(row.value);
        }
        return Buffer.from(texts.join('\n'), 'utf8');
    } finally {
        await client.end();
    }
}

export async function openStore(db: string): Promise<SqliteAnalyticsStore> {
    return SqliteAnalyticsStore.open(db, { mode: 'create' });
}

export async function importInto(store: MetricStore, files: string[], context: FlowContext, options: Partial<ImportOptions> = {}): Promise<ImportSummary> {
    return importLogFiles(store, files, { context, ...options });
}

/**
 * Mocha hooks for a suite over the dental fixture flow: its FlowContext, built once, and a fresh
 * temp folder per test. Read `suite.context` and `suite.temp` inside the tests.
 */
export function dentalSuite(): { context: FlowContext; temp: TempFolder } {
    const suite = {} as { context: FlowContext; temp: TempFolder };
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

/**
 * Puts a test's store back to an earlier schema, keeping its events (a database of a previous
 * release): runs `sql` on it, then sets SQLite's user_version to `sqliteVersion`, or forgets
 * PostgreSQL's migrations from `postgresFrom` on. The migrations after run again on opening.
 */
export async function downgradeStore(engine: EngineName, temp: TempFolder, sql: readonly string[], sqliteVersion: number, postgresFrom: number): Promise<void> {
    const location = await temp.location(engine);
    if (location.engine === 'sqlite') {
        const db = new sqlite3.Database(location.file);
        const run = (statement: string) => new Promise<void>((resolve, reject) => db.run(statement, error => (error ? reject(error) : resolve())));
        for (const statement of [...sql, `PRAGMA user_version = ${sqliteVersion}`]) await run(statement);
        await new Promise<void>(resolve => db.close(() => resolve()));
        return;
    }
    const client = new pg.Client({ connectionString: location.url });
    await client.connect();
    try {
        for (const statement of [...sql, `DELETE FROM chatflow_schema WHERE version >= ${postgresFrom}`]) await client.query(statement);
    } finally {
        await client.end();
    }
}
