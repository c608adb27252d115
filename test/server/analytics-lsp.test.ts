import * as assert from 'node:assert';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CancellationTokenSource, CodeLensRequest, WorkDoneProgress, type CodeLens } from 'vscode-languageserver-protocol/node.js';
import { AnalyticsChangedNotification, BoxStatsRequest, ChatsRequest, ImportLogsRequest, isCancelledError, TranscriptRequest, type ImportLogsParams } from '../../server/protocol.js';
import { copyWorkspace, LspServer, startServer } from './lsp-harness.js';

const CLI = 'dist/cli/main.cjs';

interface ReportBox { box: string; kind: string; visits: number; dropOuts: number; dropOutRate: number; conversions: Record<string, number> }

function cli(args: string[]): string {
    return execFileSync(process.execPath, [CLI, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Line (0-based) of the box named `name` in `text`: the line that declares it. */
function lineOfBox(text: string, name: string): number {
    const lines = text.split('\n');
    const index = lines.findIndex(line => new RegExp(`^\\s*\\w+\\s+${name}\\b`).test(line) && !/^\s*(start|var|goal|flow)\b/.test(line));
    assert.ok(index >= 0, `box ${name} not found`);
    return index;
}

describe('analytics over LSP (bundled server, stdio)', function () {
    this.timeout(60_000);
    let workspace: ReturnType<typeof copyWorkspace>;
    let server: LspServer;
    let clinicUri: string;
    let clinic: string;
    let db: string;
    const logs = () => ['clinic-2026-11.jsonl', 'pharmacy-refill-2026-11.csv'].map(name => join(workspace.dir, 'logs', name));

    before(async () => {
        workspace = copyWorkspace('examples');
        rmSync(join(workspace.dir, '.chatflow'), { recursive: true, force: true });
        db = join(workspace.dir, '.chatflow', 'analytics.db');
        server = await startServer(workspace.dir);
        clinicUri = LspServer.uri(workspace.dir, 'clinic.chatflow');
        clinic = readFileSync(join(workspace.dir, 'clinic.chatflow'), 'utf8');
        await server.open(clinicUri, clinic);
        await server.waitForDiagnostics(clinicUri);
    });

    after(async () => {
        await server?.stop();
        workspace?.remove();
    });

    it('answers available:false naming the database file and how to import when there is none', async () => {
        const result = await server.request(BoxStatsRequest, { uri: clinicUri });
        assert.strictEqual(result.available, false);
        assert.strictEqual(result.db, db);
        assert.ok(!result.available && result.message.includes(db), result.available ? '' : result.message);
        assert.match(result.available ? '' : result.message, /Import Chat Logs/);
        assert.deepStrictEqual(await server.request(CodeLensRequest.type, { textDocument: { uri: clinicUri } }), []);
        assert.ok(!existsSync(db), 'asking for numbers must not create the database');
    });

    it('after a CLI import, tells clients and shows each clinic box\'s numbers in a code lens', async () => {
        const changed = server.waitForNotification(AnalyticsChangedNotification, () => true, 20_000);
        cli(['import', ...logs(), '--flow', workspace.dir, '--db', db]);
        const outside = await changed;
        assert.strictEqual(outside.db, db);
        assert.strictEqual(outside.cause, 'outside', 'an import by the CLI is a change from outside the server');
        const numbers = await server.request(BoxStatsRequest, { uri: clinicUri });
        assert.ok(numbers.available && numbers.generation >= outside.generation, 'the numbers carry the generation of the change they follow (the file watcher may notice the writes of the CLI more than once)');
        const report = JSON.parse(cli(['report', join(workspace.dir, 'clinic.chatflow'), '--db', db, '--format', 'json'])) as { flows: Array<{ flow: string; boxes: ReportBox[]; chats: number; outcomes: Record<string, number>; fixFirst: Array<{ label: string; lostTotal: number }> }> };
        const clinicReport = report.flows.find(f => f.flow === 'Clinic')!;
        const boxes = clinicReport.boxes;
        const all = await server.request(CodeLensRequest.type, { textDocument: { uri: clinicUri } }) as CodeLens[];
        // The flow's own lens, on its `flow` line: its chats' outcomes and the box to fix first, as the report says.
        const flowLine = clinic.split('\n').findIndex(line => /^\s*flow\s+Clinic\b/.test(line));
        const flowLens = all.filter(l => l.range.start.line === flowLine);
        const { chats, outcomes, fixFirst } = clinicReport;
        const share = (n: number) => `${(n / chats * 100).toFixed(1)}%`;
        assert.deepStrictEqual(flowLens.map(l => l.command!.title), [`${chats} chats · ${share(outcomes.contained)} contained · ${share(outcomes.escalated)} escalated · `
            + `${share(outcomes.abandoned)} abandoned · ${share(outcomes.inProgress)} in progress · fix first: ${fixFirst[0].label} (${fixFirst[0].lostTotal.toFixed(1)} lost)`]);
        const lenses = all.filter(l => l.range.start.line !== flowLine);
        assert.strictEqual(lenses.length, boxes.length, 'one lens per clinic box');
        for (const box of boxes) {
            const name = box.box.split('.')[1];
            const lens = lenses.find(l => l.range.start.line === lineOfBox(clinic, name));
            assert.ok(lens, `no lens on the line of ${box.box}`);
            const title = lens.command!.title;
            assert.ok(title.startsWith(`${box.visits} chat`), `${box.box}: '${title}' should start with ${box.visits} chats`);
            if (box.kind !== 'end' && box.kind !== 'handoff') {
                assert.ok(title.includes(` · ${box.dropOuts} dropped (${(box.dropOutRate * 100).toFixed(1)}%)`), `${box.box}: '${title}' lacks ${box.dropOuts} dropped`);
            } else {
                assert.ok(!title.includes('dropped'), `${box.box} is a ${box.kind} box: no drop-outs in '${title}'`);
            }
            const top = Object.entries(box.conversions).sort((a, b) => b[1] - a[1])[0];
            if (top && top[1] > 0) assert.ok(title.includes(`${top[1]} → ${top[0]}`), `${box.box}: '${title}' lacks ${top[1]} → ${top[0]}`);
            assert.strictEqual(lens.command!.command, 'chatflow.showChats');
        }
        const menu = boxes.find(b => b.box === 'Clinic.main_menu')!;
        assert.ok(menu.visits > 0 && menu.dropOuts > 0, 'the sample logs have chats dropping out at the main menu');
    });

    it('lists exactly the chats behind a drop-out number, and a transcript of one', async () => {
        const stats = await server.request(BoxStatsRequest, { uri: clinicUri });
        assert.ok(stats.available);
        const menu = stats.stats['Clinic.main_menu'];
        const page = await server.request(ChatsRequest, { uri: clinicUri, drill: { metric: 'dropOuts', box: 'Clinic.main_menu' }, limit: 1000 });
        assert.strictEqual(page.total, menu.dropOuts);
        assert.strictEqual(page.chats.length, menu.dropOuts);
        const transcript = await server.request(TranscriptRequest, { chat: page.chats[0].chat });
        assert.ok(transcript.length > 0);
        assert.strictEqual(transcript.filter(e => e.type === 'enter').at(-1)!.box, 'Clinic.main_menu', 'a chat that dropped out at the main menu last entered it');
    });

    it('imports through ImportLogsRequest idempotently, with progress, and tells clients', async () => {
        const changed = server.waitForNotification(AnalyticsChangedNotification, () => true, 20_000);
        const progress: string[] = [];
        const listening = server.connection.onProgress(WorkDoneProgress.type, 'import-1', value => progress.push(value.kind));
        const again = await server.request(ImportLogsRequest, { files: logs(), workDoneToken: 'import-1' } as ImportLogsParams);
        listening.dispose();
        assert.strictEqual(progress[0], 'begin');
        assert.strictEqual(progress.at(-1), 'end');
        assert.strictEqual(again.imported, 0, 'the same logs again add nothing');
        assert.strictEqual(again.duplicates, again.read);
        assert.ok(again.read > 1000);
        const notified = await changed;
        assert.strictEqual(notified.cause, 'import');
        const after = await server.request(BoxStatsRequest, { uri: clinicUri });
        assert.ok(after.available && after.generation === notified.generation && notified.generation > 1, 'one more generation per change');
        const dental = await server.request(ImportLogsRequest, { files: [join(workspace.dir, 'logs', 'dental-rasa-trackers.json')], flowName: 'Dental' });
        assert.ok(dental.imported > 0, 'Rasa trackers for the Dental flow are new events');
        const dentalUri = LspServer.uri(workspace.dir, 'dental.chatflow');
        const stats = await server.request(BoxStatsRequest, { uri: dentalUri });
        assert.ok(stats.available && Object.values(stats.stats).some(s => s.visits > 0), 'the dental boxes have visits now');
    });
});

describe('analytics over LSP: a cancelled import', function () {
    this.timeout(60_000);
    let workspace: ReturnType<typeof copyWorkspace>;
    let server: LspServer;

    before(async () => {
        workspace = copyWorkspace('examples');
        rmSync(join(workspace.dir, '.chatflow'), { recursive: true, force: true });
        server = await startServer(workspace.dir);
    });

    after(async () => {
        await server?.stop();
        workspace?.remove();
    });

    it('stops between batches, keeps what it stored, and a re-run adds exactly the rest', async () => {
        const files = ['clinic-2026-11.jsonl', 'pharmacy-refill-2026-11.csv'].map(name => join(workspace.dir, 'logs', name));
        const cancel = new CancellationTokenSource();
        const listening = server.connection.onProgress(WorkDoneProgress.type, 'cancel-me', value => { if (value.kind === 'report') cancel.cancel(); });
        await assert.rejects(
            server.connection.sendRequest(ImportLogsRequest, { files, workDoneToken: 'cancel-me' } as ImportLogsParams, cancel.token),
            (error: Error) => isCancelledError(error) && error.message.includes(join(workspace.dir, '.chatflow', 'analytics.db')));
        listening.dispose();
        const rerun = await server.request(ImportLogsRequest, { files });
        assert.ok(rerun.duplicates > 0, 'the batches stored before the cancel stay stored');
        assert.ok(rerun.imported > 0, 'the cancel stopped the import before the end');
        assert.strictEqual(rerun.imported + rerun.duplicates, rerun.read);
    });
});
