import * as assert from 'node:assert';
import * as fs from 'node:fs';
import { join } from 'node:path';
import { AnalyticsChangedNotification, AnalyticsOverviewRequest, ReapplyPrivacyRequest, TranscriptRequest } from '../../server/protocol.js';
import { writePhiLogs, type PhiLogs } from '../analytics/privacy/phi-logs.js';
import { ensureCliBuilt, runCli } from '../cli/run-cli.js';
import { copyWorkspace, LspServer, startServer } from './lsp-harness.js';

const CHATS = 10;

describe('privacy over LSP: the kept-text warning and re-applying the policy', function () {
    this.timeout(90_000);
    let workspace: ReturnType<typeof copyWorkspace>;
    let server: LspServer;
    let uri: string;
    let db: string;
    let logs: PhiLogs;

    before(async () => {
        ensureCliBuilt();
        workspace = copyWorkspace('test/fixtures/privacy');
        db = join(workspace.dir, '.chatflow', 'analytics.db');
        logs = writePhiLogs(workspace.dir, CHATS);
        server = await startServer(workspace.dir);
        uri = LspServer.uri(workspace.dir, 'intake.chatflow');
        await server.open(uri, fs.readFileSync(join(workspace.dir, 'intake.chatflow'), 'utf8'));
        await server.waitForDiagnostics(uri);
    });

    after(async () => {
        await server?.stop();
        workspace?.remove();
    });

    it('tells the panel that kept text is stored after an import under keep, and no longer after re-redaction', async () => {
        const imported = runCli('import', logs.files.jsonl, '--flow', workspace.dir, '--db', db, '--policy', 'keep');
        assert.strictEqual(imported.status, 0, imported.stderr);
        const before = await server.request(AnalyticsOverviewRequest, { uri });
        assert.ok(before.available);
        assert.deepStrictEqual(before.privacy, { keptText: true, keptImports: 1, lastPolicy: 'keep' });
        const chat = logs.patients[0].chat;
        const kept = await server.request(TranscriptRequest, { chat });
        assert.ok(kept.some(e => e.text?.startsWith(logs.patients[0].complaint)), 'the reason is stored as typed');

        // The server holds the database open (it just answered): the request closes it first.
        const changed = server.waitForNotification(AnalyticsChangedNotification, () => true, 20_000);
        const result = await server.request(ReapplyPrivacyRequest, {});
        assert.deepStrictEqual({ db: result.db, policy: result.policy, changed: result.changed }, { db, policy: 'redact', changed: CHATS * 2 });
        await changed;
        const after = await server.request(AnalyticsOverviewRequest, { uri });
        assert.ok(after.available);
        assert.deepStrictEqual(after.privacy, { keptText: false, keptImports: 0, lastPolicy: 'redact' });
        const redacted = await server.request(TranscriptRequest, { chat });
        assert.deepStrictEqual(redacted.filter(e => e.type === 'answer').map(e => e.text), ['New patient visit', '[redacted]', '[redacted]', '[redacted]', 'yes', '[redacted]']);
        const bytes = Buffer.concat([db, `${db}-wal`].filter(f => fs.existsSync(f)).map(f => fs.readFileSync(f)));
        const web = logs.patients.filter(p => p.chat.startsWith('web-'));
        assert.deepStrictEqual(web.flatMap(p => [p.name, p.complaint]).filter(t => bytes.includes(Buffer.from(t))), []);
    });

    it('fails with a message naming the database when there is none', async () => {
        fs.rmSync(join(workspace.dir, '.chatflow'), { recursive: true, force: true });
        await assert.rejects(server.request(ReapplyPrivacyRequest, { policy: 'hash' }), (error: Error) => error.message.includes(`No analytics database at ${db}`));
    });
});
