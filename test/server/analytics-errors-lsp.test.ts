import * as assert from 'node:assert';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ResponseError } from 'vscode-languageserver-protocol/node.js';
import { SqliteConnection } from '../../analytics/sqlite/connection.js';
import { BoxStatsRequest, ImportLogsRequest } from '../../server/protocol.js';
import { copyWorkspace, LspServer, startServer } from './lsp-harness.js';

/**
 * What VS Code shows when the analytics database or a log cannot be used: the language server's
 * answer is the text of the notification ("Chat log import failed: …") or of the Analytics
 * panel and code lenses. Each names the file and says what to do.
 */
describe('analytics over LSP: clear errors for a missing, locked or foreign database and an unreadable log', function () {
    this.timeout(60_000);
    let workspace: ReturnType<typeof copyWorkspace>;
    let server: LspServer;
    let clinicUri: string;
    let db: string;
    const clinicLog = () => join(workspace.dir, 'logs', 'clinic-2026-11.jsonl');

    const importFails = async (files: string[]): Promise<string> => {
        try {
            await server.request(ImportLogsRequest, { files });
        } catch (error) {
            assert.ok(error instanceof ResponseError, `a JSON-RPC error, got ${String(error)}`);
            return error.message;
        }
        assert.fail('the import should fail');
    };

    beforeEach(async () => {
        workspace = copyWorkspace('examples');
        rmSync(join(workspace.dir, '.chatflow'), { recursive: true, force: true });
        db = join(workspace.dir, '.chatflow', 'analytics.db');
        server = await startServer(workspace.dir);
        clinicUri = LspServer.uri(workspace.dir, 'clinic.chatflow');
    });

    afterEach(async () => {
        await server?.stop();
        workspace?.remove();
    });

    it('a log file that is not there: names it and says to check it, before anything is imported', async () => {
        const missing = join(workspace.dir, 'logs', 'clinic-2026-12.jsonl');
        const message = await importFails([clinicLog(), missing]);
        assert.strictEqual(message, `cannot read ${missing} (ENOENT). Check that the log file exists and is readable.\nNothing was imported.`);
        const stats = await server.request(BoxStatsRequest, { uri: clinicUri });
        assert.ok(!stats.available, 'no half import: the database was not even created');
        const summary = await server.request(ImportLogsRequest, { files: [clinicLog()] });
        assert.ok(summary.imported > 10_000, 'with the path fixed the import runs');
    });

    it('a log path that is a folder of our own logs: names it', async () => {
        const folder = join(workspace.dir, 'logs');
        assert.strictEqual(await importFails([folder]), `cannot read ${folder} (a folder, not a log file). Check that the log file exists and is readable.\nNothing was imported.`);
    });

    it('a database locked by another process: says so, names it, and says to wait; the import works once the lock is gone', async () => {
        await server.request(ImportLogsRequest, { files: [join(workspace.dir, 'logs', 'pharmacy-refill-2026-11.csv')] });
        const other = await SqliteConnection.open(db, 'existing');
        await other.run('BEGIN IMMEDIATE');
        try {
            const message = await importFails([clinicLog()]);
            assert.strictEqual(message, `the analytics database ${db} is locked by another process (an import still running?). Wait for it to finish, then run the command again.`);
        } finally {
            await other.run('ROLLBACK');
            await other.close();
        }
        const summary = await server.request(ImportLogsRequest, { files: [clinicLog()] });
        assert.ok(summary.imported > 10_000);
    });

    it('a database setting pointing at a file of another kind: the numbers say what it is and what to do, and nothing is overwritten', async () => {
        mkdirSync(join(workspace.dir, '.chatflow'), { recursive: true });
        const notes = 'chat,ts\nc1,2026-11-02T09:00:00Z\n'.repeat(200);
        writeFileSync(db, notes);
        const stats = await server.request(BoxStatsRequest, { uri: clinicUri });
        assert.ok(!stats.available);
        assert.match(stats.message, new RegExp(`${db.replace(/[/.]/g, '\\$&')} is not a Chatflow analytics database \\(not SQLite, or damaged\\)\\. Pass another --db, or move the file away`));
        const message = await importFails([clinicLog()]);
        assert.match(message, /is not a Chatflow analytics database/);
        assert.strictEqual(readFileSync(db, 'utf8'), notes, 'the file is left as it was');
    });
});
