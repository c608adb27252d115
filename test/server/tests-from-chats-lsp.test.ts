import * as assert from 'node:assert';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-protocol/node.js';
import { runFlowTests } from '../../language/conversation-tests.js';
import { AnalyticsChangedNotification, ChatsRequest, ChatToTestRequest, TranscriptRequest } from '../../server/protocol.js';
import { graphOf } from '../language/build-graph.js';
import { copyWorkspace, LspServer, startServer } from './lsp-harness.js';

const untestedTraffic = (diagnostics: Diagnostic[]) => diagnostics.filter(d => (d.data as { code?: string } | undefined)?.code === 'untested-traffic');

describe('tests from real chats over LSP (bundled server, stdio)', function () {
    this.timeout(60_000);
    let workspace: ReturnType<typeof copyWorkspace>;
    let server: LspServer;
    let clinicUri: string;
    let clinic: string;
    let db: string;

    before(async () => {
        workspace = copyWorkspace('examples');
        rmSync(join(workspace.dir, '.chatflow'), { recursive: true, force: true });
        db = join(workspace.dir, '.chatflow', 'analytics.db');
        server = await startServer(workspace.dir);
        clinicUri = LspServer.uri(workspace.dir, 'clinic.chatflow');
        clinic = readFileSync(join(workspace.dir, 'clinic.chatflow'), 'utf8');
        await server.open(clinicUri, clinic);
        const first = await server.waitForDiagnostics(clinicUri);
        assert.deepStrictEqual(untestedTraffic(first), [], 'no database yet: no hints');
        const changed = server.waitForNotification(AnalyticsChangedNotification, () => true, 20_000);
        execFileSync(process.execPath, ['dist/cli/main.cjs', 'import', join(workspace.dir, 'logs', 'clinic-2026-11.jsonl'), '--flow', workspace.dir, '--db', db], { stdio: 'ignore' });
        await changed;
    });

    after(async () => {
        await server?.stop();
        workspace?.remove();
    });

    it('puts an information diagnostic on each box real chats leave through a transition no test takes', async () => {
        const diagnostics = await server.waitForDiagnostics(clinicUri, d => untestedTraffic(d).length > 0, 20_000);
        const hints = untestedTraffic(diagnostics);
        assert.ok(hints.every(h => h.severity === DiagnosticSeverity.Information));
        const lines = clinic.split('\n');
        const urgent = hints.find(h => lines[h.range.start.line].includes('choice urgent_check'));
        assert.ok(urgent, JSON.stringify(hints.map(h => [lines[h.range.start.line], h.message])));
        assert.match(urgent.message, /^Real chats leave 'urgent_check' through transitions no test takes: -> (emergency "Yes"|ask_returning "No") \(\d+ chats?\)/);
        assert.match(urgent.message, /'Generate tests for untested transitions'/);
        assert.ok(!hints.some(h => lines[h.range.start.line].includes('choice pick_day') && /Wednesday|Friday/.test(h.message)), 'tested transitions are not named');
    });

    it('writes a drill-down chat as a test that replays it, with no sensitive answer in it', async () => {
        const page = await server.request(ChatsRequest, { uri: clinicUri, drill: { metric: 'visits', box: 'Clinic.confirmed' }, limit: 5 });
        const chat = page.chats[0];
        const result = await server.request(ChatToTestRequest, { chat: chat.chat, flow: chat.flow });
        assert.ok(result.ok, result.ok ? '' : result.message);
        assert.strictEqual(result.uri, clinicUri);
        assert.match(result.name, new RegExp(`^chat ${chat.chat}: Book an appointment, .*booked -> goodbye$`));
        const inserted = result.edits[0].newText;
        const transcript = await server.request(TranscriptRequest, { chat: chat.chat });
        const sensitive = new Set(['Clinic.ask_name', 'Clinic.ask_dob', 'Clinic.ask_symptoms', 'Clinic.ask_phone', 'Clinic.offer_callback']);
        for (const entry of transcript.filter(e => e.type === 'answer' && sensitive.has(e.box) && e.text)) {
            assert.ok(!inserted.includes(`"${entry.text}"`), `sensitive answer written: ${entry.text}`);
        }
        assert.ok(result.synthesized >= 4);
        const lines = clinic.split('\n');
        const { line, character } = result.edits[0].range.start;
        const offset = lines.slice(0, line).reduce((n, l) => n + l.length + 1, 0) + character;
        const written = clinic.slice(0, offset) + inserted + clinic.slice(offset);
        const outcome = runFlowTests(await graphOf(written)).find(o => o.name === result.name);
        assert.ok(outcome?.passed, JSON.stringify(outcome?.failure));
    });

    it('says why a chat cannot become a test', async () => {
        const result = await server.request(ChatToTestRequest, { chat: 'no-such-chat' });
        assert.deepStrictEqual(result, { ok: false, message: `Chat no-such-chat is not in ${db}: import its logs first.` });
    });
});
