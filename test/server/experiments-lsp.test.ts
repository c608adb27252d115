import * as assert from 'node:assert';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CodeActionRequest, CodeLensRequest, type CodeAction } from 'vscode-languageserver-protocol/node.js';
import { ConcludeExperimentRequest, type ConcludeExperimentParams } from '../../server/protocol.js';
import { LspServer, startServer } from './lsp-harness.js';

/** 600 chats per arm over 8 days: arm a books 10%, arm b 20% (the bot logs no enter at the split). */
function pricingLog(file: string): void {
    const lines: string[] = [];
    for (let i = 0; i < 1200; i++) {
        const arm = i < 600 ? 'a' : 'b';
        const books = arm === 'a' ? i < 60 : i < 720;
        const start = Date.UTC(2026, 10, 2 + (i % 8), 9) + i * 1000;
        const chat = `x-${i}`;
        const event = (offset: number, box: string, type = 'enter', text?: string) => lines.push(JSON.stringify({ chat, ts: new Date(start + offset).toISOString(), flow: 'Offers', version: 'v1', box, type, ...(text ? { text } : {}) }));
        event(0, 'welcome');
        event(2000, `offer_${arm}`);
        event(9000, `offer_${arm}`, 'answer', books ? 'Book' : 'Not now');
        event(9500, books ? 'booked' : 'goodbye');
    }
    writeFileSync(file, lines.join('\n') + '\n');
}

describe('experiments over LSP (bundled server, stdio)', function () {
    this.timeout(60_000);
    let dir: string;
    let server: LspServer;
    let uri: string;
    let text: string;

    before(async () => {
        dir = mkdtempSync(join(tmpdir(), 'chatflow-experiments-'));
        copyFileSync(resolve('test/fixtures/experiments/pricing.chatflow'), join(dir, 'pricing.chatflow'));
        pricingLog(join(dir, 'pricing.jsonl'));
        execFileSync(process.execPath, [resolve('dist/cli/main.cjs'), 'import', join(dir, 'pricing.jsonl'), '--flow', dir, '--db', join(dir, '.chatflow', 'analytics.db')], { stdio: 'pipe' });
        server = await startServer(dir);
        uri = LspServer.uri(dir, 'pricing.chatflow');
        text = readFileSync(join(dir, 'pricing.chatflow'), 'utf8');
        await server.open(uri, text);
        await server.waitForDiagnostics(uri);
    });

    after(async () => {
        await server?.stop();
        rmSync(dir, { recursive: true, force: true });
    });

    it('puts the experiment in a code lens on the split: the leading arm, its lift, its chance to be best, the decision', async () => {
        const lenses = (await server.request(CodeLensRequest.type, { textDocument: { uri } })) ?? [];
        const line = text.split('\n').findIndex(l => l.includes('split pricing'));
        const titles = lenses.filter(lens => lens.range.start.line === line).map(lens => lens.command?.title);
        assert.ok(titles.includes('arm b +10.0 pts · 100% best · decide'), JSON.stringify(titles));
    });

    it('offers Promote arm b with the numbers attached, and records the concluded experiment', async () => {
        const line = text.split('\n').findIndex(l => l.includes('arm b 50'));
        const actions = (await server.request(CodeActionRequest.type, {
            textDocument: { uri }, range: { start: { line, character: 9 }, end: { line, character: 9 } }, context: { diagnostics: [] }
        })) as CodeAction[];
        const promote = actions.find(a => a.title.startsWith('Promote arm b'));
        assert.ok(promote?.command, JSON.stringify(actions.map(a => a.title)));
        const params = promote.command.arguments![0] as ConcludeExperimentParams;
        assert.deepStrictEqual([params.split, params.winner, params.result?.chats, params.result?.decision.kind], ['Offers.pricing', 'b', 1200, 'decide']);
        const answer = await server.request(ConcludeExperimentRequest, params);
        assert.strictEqual(answer.recorded, true, answer.message);
        assert.match(answer.message, /^Recorded the experiment Offers\.pricing: arm b promoted after 1200 chats/);
        const rows = execFileSync('sqlite3', [join(dir, '.chatflow', 'analytics.db'), 'SELECT split, winner, measure FROM concluded_experiments'], { encoding: 'utf8' });
        assert.strictEqual(rows.trim(), 'Offers.pricing|b|appointment');
    });
});
