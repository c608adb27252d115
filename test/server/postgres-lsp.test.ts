import * as assert from 'node:assert';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CodeLensRequest, HoverRequest } from 'vscode-languageserver-protocol/node.js';
import { AnalyticsOverviewRequest, BoxStatsRequest } from '../../server/protocol.js';
import { freshDatabase } from '../postgres/databases.js';
import { copyWorkspace, LspServer, startServer } from './lsp-harness.js';

describe('the language server on a PostgreSQL store (chatflow.analytics.database)', function () {
    this.timeout(120_000);
    let workspace: ReturnType<typeof copyWorkspace>;
    let database: Awaited<ReturnType<typeof freshDatabase>>;
    let clinicUri: string;
    let clinic: string;

    before(async () => {
        workspace = copyWorkspace('examples');
        database = await freshDatabase();
        execFileSync(process.execPath, ['dist/cli/main.cjs', 'import', join(workspace.dir, 'logs', 'clinic-2026-11.jsonl'), '--flow', workspace.dir, '--db', database.url], { stdio: 'pipe' });
        clinicUri = LspServer.uri(workspace.dir, 'clinic.chatflow');
        clinic = readFileSync(join(workspace.dir, 'clinic.chatflow'), 'utf8');
    });

    after(async () => {
        workspace?.remove();
        await database?.drop();
    });

    it('shows the server store\'s numbers in the code lenses, the overview and the hover, the same as the CLI report', async () => {
        const server = await startServer(workspace.dir, { settings: { analytics: { database: database.url } } });
        try {
            await server.open(clinicUri, clinic);
            await server.waitForDiagnostics(clinicUri);
            const stats = await server.request(BoxStatsRequest, { uri: clinicUri });
            assert.ok(stats.available, stats.available ? '' : stats.message);
            assert.strictEqual(stats.db, database.url);
            const report = JSON.parse(execFileSync(process.execPath, ['dist/cli/main.cjs', 'report', join(workspace.dir, 'clinic.chatflow'), '--db', database.url, '--format', 'json'], { encoding: 'utf8' })) as
                { flows: Array<{ boxes: Array<{ box: string; visits: number; dropOuts: number }> }> };
            for (const box of report.flows[0].boxes) {
                assert.deepStrictEqual([stats.stats[box.box].visits, stats.stats[box.box].dropOuts], [box.visits, box.dropOuts], box.box);
            }
            const lenses = await server.request(CodeLensRequest.type, { textDocument: { uri: clinicUri } });
            assert.ok(lenses?.some(lens => /^\d[\d,]* chats/.test(lens.command?.title ?? '')), JSON.stringify(lenses?.slice(0, 2)));
            const overview = await server.request(AnalyticsOverviewRequest, { uri: clinicUri });
            assert.ok(overview.available && overview.totals.chats > 1000);
            const line = clinic.split('\n').findIndex(text => /^\s*choice main_menu\b/.test(text));
            const hover = await server.request(HoverRequest.type, { textDocument: { uri: clinicUri }, position: { line, character: 12 } });
            assert.ok(hover, 'the box hover answers');
        } finally {
            await server.stop();
        }
    });

    it('says which server cannot be reached and what to do, and stays up; the password never shows', async () => {
        const url = new URL(database.url);
        url.port = '1';
        url.password = 'hunter2';
        const server = await startServer(workspace.dir, { settings: { analytics: { database: url.toString() } } });
        try {
            await server.open(clinicUri, clinic);
            await server.waitForDiagnostics(clinicUri);
            const stats = await server.request(BoxStatsRequest, { uri: clinicUri });
            assert.strictEqual(stats.available, false);
            assert.ok(!stats.available);
            assert.match(stats.message, new RegExp(`cannot reach the PostgreSQL server for database '${database.name}' on 127\\.0\\.0\\.1 \\(ECONNREFUSED\\)`));
            assert.doesNotMatch(`${stats.db} ${stats.message}`, /hunter2/);
            assert.deepStrictEqual(await server.request(CodeLensRequest.type, { textDocument: { uri: clinicUri } }), []);
            // Still answering the language features.
            const line = clinic.split('\n').findIndex(text => /^\s*choice main_menu\b/.test(text));
            assert.ok(await server.request(HoverRequest.type, { textDocument: { uri: clinicUri }, position: { line, character: 12 } }));
        } finally {
            await server.stop();
        }
    });
});
