import * as assert from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CompletionRequest, HoverRequest } from 'vscode-languageserver-protocol/node.js';
import { AnalyticsOverviewRequest, BoxStatsRequest, FlowGraphRequest, ImportLogsRequest } from '../../server/protocol.js';
import { tempFolder } from '../analytics/helpers.js';
import { ensureCliBuilt, ROOT } from '../cli/run-cli.js';
import { fakeEndpoint, runCliAsync, writeTrackedClinic } from '../cli/export-fixture.js';
import { copyWorkspace, LspServer, startServer } from './lsp-harness.js';

const GUARD = path.join(ROOT, 'test/fixtures/no-network/guard-network.cjs');

interface Attempt { pid: number; api: string; host: string; port: number | null }

function entries(log: string): Attempt[] {
    if (!fs.existsSync(log)) return [];
    return fs.readFileSync(log, 'utf8').split('\n').filter(line => line !== '').map(line => JSON.parse(line) as Attempt);
}

/** The connection attempts the guard saw. */
function attempts(log: string): Attempt[] {
    return entries(log).filter(entry => entry.api !== 'guard-loaded');
}

/** How many processes ran under the guard. */
function guardedProcesses(log: string): number {
    return entries(log).filter(entry => entry.api === 'guard-loaded').length;
}

describe('nothing leaves: the CLI and the language server open no network connection', function () {
    this.timeout(180_000);
    let temp: ReturnType<typeof tempFolder>;
    let log: string;
    let flow: string;

    before(() => {
        ensureCliBuilt();
        temp = tempFolder();
        log = path.join(temp.folder, 'network.jsonl');
        flow = writeTrackedClinic(temp.folder);
    });
    after(() => temp.cleanup());
    beforeEach(() => fs.rmSync(log, { force: true }));

    it('the guard records and refuses a connection (so the tests below can fail)', () => {
        const script = `require('https').get('https://www.google-analytics.com/mp/collect', () => {}).on('error', e => console.log(e.code));`;
        const run = spawnSync(process.execPath, ['--require', GUARD, '-e', script], { encoding: 'utf8', env: { ...process.env, CHATFLOW_NETWORK_LOG: log } });
        assert.strictEqual(run.stdout.trim(), 'ENETUNREACH', run.stderr);
        assert.deepStrictEqual(attempts(log).map(a => [a.api, a.host]), [
            ['https.get', 'www.google-analytics.com'], ['tls.connect', 'www.google-analytics.com'], ['dns.lookup', 'www.google-analytics.com']
        ]);
    });

    it('validate, graph, test, import, report and export (dry run) attempt no connection at all', async () => {
        const env = { CHATFLOW_NETWORK_LOG: log };
        const steps: string[][] = [
            ['validate', 'examples'],
            ['graph', 'examples/clinic.chatflow', '--format', 'mermaid'],
            ['test', 'examples'],
            ['import', 'examples/logs/clinic-2026-11.jsonl', '--flow', flow, '--db', temp.db],
            ['report', flow, '--db', temp.db, '--format', 'html', '--out', path.join(temp.folder, 'report.html')],
            ['export', 'ga4', flow, '--db', temp.db, '--out', path.join(temp.folder, 'ga4.json')],
            ['export', 'meta', flow, '--db', temp.db, '--out', path.join(temp.folder, 'meta.json'), '--user-data', 'external_id']
        ];
        for (const args of steps) {
            const result = await runCliAsync(args, env, GUARD);
            assert.strictEqual(result.status, 0, `chatflow ${args.join(' ')}:\n${result.stderr}`);
        }
        assert.strictEqual(guardedProcesses(log), steps.length);
        assert.deepStrictEqual(attempts(log), []);
        assert.doesNotMatch(fs.readFileSync(path.join(temp.folder, 'report.html'), 'utf8'), /(src|href)="https?:/, 'the report loads nothing from the web');
    });

    it('a full language server session over stdio attempts no connection', async () => {
        const workspace = copyWorkspace('examples');
        fs.rmSync(path.join(workspace.dir, '.chatflow'), { recursive: true, force: true });
        const saved = { NODE_OPTIONS: process.env.NODE_OPTIONS, CHATFLOW_NETWORK_LOG: process.env.CHATFLOW_NETWORK_LOG };
        process.env.NODE_OPTIONS = `${saved.NODE_OPTIONS ?? ''} --require ${GUARD}`.trim();
        process.env.CHATFLOW_NETWORK_LOG = log;
        let server: LspServer | undefined;
        try {
            server = await startServer(workspace.dir);
        } finally {
            for (const [key, value] of Object.entries(saved)) if (value === undefined) delete process.env[key]; else process.env[key] = value;
        }
        try {
            const uri = LspServer.uri(workspace.dir, 'clinic.chatflow');
            const text = fs.readFileSync(path.join(workspace.dir, 'clinic.chatflow'), 'utf8');
            await server.open(uri, text);
            await server.waitForDiagnostics(uri);
            const line = text.split('\n').findIndex(l => l.includes('-> main_menu'));
            await server.request(CompletionRequest.type, { textDocument: { uri }, position: { line, character: 11 } });
            await server.request(HoverRequest.type, { textDocument: { uri }, position: { line, character: 12 } });
            const flows = await server.request(FlowGraphRequest, { uri });
            assert.ok(flows?.flows?.length, 'the session did real work');
            const summary = await server.request(ImportLogsRequest, { files: [path.join(workspace.dir, 'logs', 'clinic-2026-11.jsonl')] });
            assert.ok(summary.imported > 20_000);
            const stats = await server.request(BoxStatsRequest, { uri });
            assert.strictEqual(stats.available, true);
            const overview = await server.request(AnalyticsOverviewRequest, { uri });
            assert.strictEqual(overview.available, true);
            await server.change(uri, text.replace('goal appointment "Appointment booked"', 'goal appointment "Appointment booked online"'));
            await server.waitForDiagnostics(uri);
        } finally {
            await server.stop();
            workspace.remove();
        }
        assert.strictEqual(guardedProcesses(log), 1, 'the server ran under the guard');
        assert.deepStrictEqual(attempts(log), []);
    });

    it('export --send is the one path that connects, and only to the configured endpoint', async () => {
        const endpoint = await fakeEndpoint();
        let result;
        try {
            result = await runCliAsync(['export', 'ga4', flow, '--db', temp.db, '--from', '2026-11-02', '--to', '2026-11-02', '--send', '--endpoint', `${endpoint.url}/mp/collect`],
                { CHATFLOW_NETWORK_LOG: log, CHATFLOW_GA4_MEASUREMENT_ID: 'G-RIVERSIDE1', CHATFLOW_GA4_API_SECRET: 'mp-secret-8f3k2' }, GUARD);
        } finally {
            await endpoint.close();
        }
        assert.strictEqual(result.status, 0, result.stderr);
        const port = Number(new URL(endpoint.url).port);
        const seen = attempts(log);
        assert.ok(endpoint.received.length > 0 && seen.length >= endpoint.received.length);
        assert.deepStrictEqual([...new Set(seen.map(a => `${a.host}:${a.port}`))], [`127.0.0.1:${port}`]);
    });
});
