import * as assert from 'node:assert';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CodeActionRequest, type CodeAction, type TextEdit } from 'vscode-languageserver-protocol/node.js';
import { AnalyticsChangedNotification, AnalyticsOverviewRequest, ImportLogsRequest, TranscriptRequest } from '../../server/protocol.js';
import { copyWorkspace, LspServer, startServer } from './lsp-harness.js';

const CLI = 'dist/cli/main.cjs';

/** The text with one insertion applied (the quick fix inserts, it replaces nothing). */
function applied(text: string, edit: TextEdit): string {
    const lines = text.split('\n');
    const offset = lines.slice(0, edit.range.start.line).reduce((n, line) => n + line.length + 1, 0) + edit.range.start.character;
    return text.slice(0, offset) + edit.newText + text.slice(offset);
}

describe('adding an alias for a logged step no box has (bundled server, stdio)', function () {
    this.timeout(60_000);
    let workspace: ReturnType<typeof copyWorkspace>;
    let server: LspServer;
    let uri: string;
    let flow: string;
    let db: string;

    before(async () => {
        workspace = copyWorkspace('test/fixtures/analytics/platforms/dialogflow-cx');
        db = join(workspace.dir, '.chatflow', 'analytics.db');
        server = await startServer(workspace.dir);
        uri = LspServer.uri(workspace.dir, 'clinic.chatflow');
        flow = readFileSync(join(workspace.dir, 'clinic.chatflow'), 'utf8');
        await server.open(uri, flow);
        await server.waitForDiagnostics(uri);
        // Asking for numbers makes the server watch the database file (none yet).
        assert.strictEqual((await server.request(AnalyticsOverviewRequest, { uri })).available, false);
        const changed = server.waitForNotification(AnalyticsChangedNotification, () => true, 20_000);
        execFileSync(process.execPath, [CLI, 'import', join(workspace.dir, 'conversation-history.ndjson'), '--flow', workspace.dir, '--db', db], { stdio: 'pipe' });
        await changed;
    });

    after(async () => {
        await server?.stop();
        workspace?.remove();
    });

    const actionsAt = async (box: string) => {
        const line = flow.split('\n').findIndex(l => new RegExp(`^\\s*\\w+ ${box}\\b`).test(l));
        const position = { line, character: 8 };
        return (await server.request(CodeActionRequest.type, { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: [] } })) as CodeAction[];
    };

    it('lists the step in the Analytics overview and offers it on the box whose words resemble it, not on the others', async () => {
        const overview = await server.request(AnalyticsOverviewRequest, { uri });
        assert.ok(overview.available);
        assert.deepStrictEqual(overview.unmatched, [{ flow: 'Clinic', step: 'Insurance Check', events: 5, chats: 3 }]);
        const offers = (await actionsAt('ask_insured')).filter(a => a.title.startsWith('Add alias'));
        assert.deepStrictEqual(offers.map(a => a.title), ["Add alias 'Insurance Check' (5 logged events, no box)"]);
        assert.deepStrictEqual((await actionsAt('welcome')).filter(a => a.title.startsWith('Add alias')), []);
    });

    it('re-maps the stored events once the alias is in the flow, without importing again', async () => {
        const [offer] = (await actionsAt('ask_insured')).filter(a => a.title.startsWith('Add alias'));
        const [edit] = offer.edit!.changes![uri];
        const edited = applied(flow, edit);
        assert.match(edited, /input ask_insured "Do you have health insurance\?" \{\n {8}alias "Insurance Check"\n {8}save insured/);
        const changed = server.waitForNotification(AnalyticsChangedNotification, () => true, 20_000);
        await server.change(uri, edited);
        await changed;
        const transcript = await server.request(TranscriptRequest, { chat: 'dfa-7f3e91c2' });
        assert.deepStrictEqual(transcript.filter(e => e.step === 'Insurance Check').map(e => `${e.type} ${e.box} ${e.matched}`), [
            'enter Clinic.ask_insured true', 'retry Clinic.ask_insured true', 'answer Clinic.ask_insured true'
        ]);
        const overview = await server.request(AnalyticsOverviewRequest, { uri });
        assert.ok(overview.available);
        assert.deepStrictEqual(overview.unmatched, []);
        assert.strictEqual(overview.visits['Clinic.ask_insured'], 3);
    });
});

describe('importing a platform log folder from the editor (bundled server, stdio)', function () {
    this.timeout(60_000);

    it('imports a Bot Framework blob transcript store folder like the CLI does', async () => {
        const workspace = copyWorkspace('test/fixtures/analytics/platforms/botframework');
        const server = await startServer(workspace.dir);
        try {
            const uri = LspServer.uri(workspace.dir, 'refill.chatflow');
            await server.open(uri, readFileSync(join(workspace.dir, 'refill.chatflow'), 'utf8'));
            await server.waitForDiagnostics(uri);
            const summary = await server.request(ImportLogsRequest, { files: [join(workspace.dir, 'blob-store')] });
            assert.ok(summary.imported > 0, 'the folder\'s transcripts are imported');
            const cli = JSON.parse(execFileSync(process.execPath, [CLI, 'import', join(workspace.dir, 'blob-store'), '--flow', join(workspace.dir, 'refill.chatflow'), '--db', join(workspace.dir, 'cli.db'), '--format', 'json'], { encoding: 'utf8' }));
            assert.strictEqual(summary.imported, cli.imported, 'the same events as the CLI imports');
            assert.strictEqual(summary.malformed, 1, 'the blob cut off mid-write is reported, not imported');
            assert.strictEqual(cli.malformed, 1);
        } finally {
            await server.stop();
            workspace.remove();
        }
    });
});
