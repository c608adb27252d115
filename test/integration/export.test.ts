import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ImportSummary } from '../../analytics/model.js';
import type { ExportConversionsResult } from '../../extension/export/export-conversions-command.js';
import { activateExtension, workspaceUri } from './helpers.js';

/** The workspace's clinic flow with a track block, in a folder of its own (the workspace stays as it is). */
function trackedClinic(): string {
    const clinic = fs.readFileSync(workspaceUri('clinic.chatflow').fsPath, 'utf8');
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'chatflow-export-it-'));
    const file = path.join(folder, 'clinic.chatflow');
    const end = clinic.lastIndexOf('}');
    fs.writeFileSync(file, `${clinic.slice(0, end)}
    track appointment {
        ga4 "generate_lead" { value: 1, currency: "USD" }
    }
}
`);
    return file;
}

describe('Export Conversions (GA4) from VS Code', function () {
    this.timeout(90_000);
    let flow: string;
    const received: Array<{ path: string; query: URLSearchParams; body: unknown }> = [];
    let server: http.Server;
    let endpoint: string;

    before(async () => {
        await activateExtension();
        flow = trackedClinic();
        const summary = await vscode.commands.executeCommand<ImportSummary | undefined>('chatflow.importLogs', [workspaceUri('logs', 'clinic-2026-11.jsonl').fsPath]);
        assert.ok(summary, 'the logs are in the workspace database');
        server = http.createServer((request, response) => {
            let body = '';
            request.on('data', chunk => { body += chunk; });
            request.on('end', () => {
                const url = new URL(request.url ?? '/', 'http://127.0.0.1');
                received.push({ path: url.pathname, query: url.searchParams, body: JSON.parse(body) });
                response.statusCode = 204;
                response.end();
            });
        });
        await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
        endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/mp/collect`;
    });

    after(async () => {
        await vscode.commands.executeCommand('chatflow.setConversionSecret', 'ga4', '', '');
        await new Promise(resolve => server.close(resolve));
        fs.rmSync(path.dirname(flow), { recursive: true, force: true });
    });

    it('a dry run writes the payload file and sends nothing', async () => {
        const out = path.join(path.dirname(flow), 'ga4.json');
        const result = await vscode.commands.executeCommand<ExportConversionsResult>('chatflow.exportConversions', 'ga4', { flows: [flow], out });
        assert.strictEqual(result.exitCode, 0, result.stderr);
        assert.strictEqual(result.result?.mode, 'dry-run');
        const bodies = JSON.parse(fs.readFileSync(out, 'utf8')) as Array<{ events: Array<{ name: string }> }>;
        assert.ok(bodies.length > 100 && bodies.every(b => b.events[0].name === 'generate_lead'));
        assert.strictEqual(received.length, 0);
    });

    it('refuses to send before a secret is stored, naming the command that stores one', async () => {
        await vscode.commands.executeCommand('chatflow.setConversionSecret', 'ga4', '', '');
        const result = await vscode.commands.executeCommand<ExportConversionsResult>('chatflow.exportConversions', 'ga4', { flows: [flow], send: true, endpoint });
        assert.strictEqual(result.exitCode, 4);
        assert.match(result.error ?? '', /CHATFLOW_GA4_API_SECRET \(in VS Code: 'Chatflow: Set Conversion API Secret'\)/);
        assert.strictEqual(received.length, 0);
    });

    it('sends with the measurement id and secret from SecretStorage to the endpoint given', async () => {
        assert.strictEqual(await vscode.commands.executeCommand('chatflow.setConversionSecret', 'ga4', 'G-RIVERSIDE1', 'it-secret-4471'), true);
        const result = await vscode.commands.executeCommand<ExportConversionsResult>('chatflow.exportConversions', 'ga4', { flows: [flow], send: true, endpoint });
        assert.strictEqual(result.exitCode, 0, result.stderr);
        assert.ok(received.length > 100, `${received.length} requests`);
        for (const request of received) {
            assert.strictEqual(request.path, '/mp/collect');
            assert.strictEqual(request.query.get('measurement_id'), 'G-RIVERSIDE1');
            assert.strictEqual(request.query.get('api_secret'), 'it-secret-4471');
        }
        assert.strictEqual(result.result?.events, received.length);
        assert.deepStrictEqual(result.result?.goals, ['appointment']);
        assert.match(result.result?.summary ?? '', new RegExp(`^Sent ${received.length} ga4 events \\(goals: appointment\\)`));
        const settings = JSON.stringify(vscode.workspace.getConfiguration('chatflow'));
        assert.doesNotMatch(settings, /it-secret-4471/, 'the secret is not in the settings');
    });
});
