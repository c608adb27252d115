import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import { join } from 'node:path';
import { ensureCliBuilt, runCli } from '../cli/run-cli.js';
import { LspServer, startServer } from './lsp-harness.js';

/** A temporary workspace with the BrightSmile Dental flow, logs imported by the CLI, and the bundled server on it with the flow open. */
export interface DentalWorkspace {
    dir: string;
    server: LspServer;
    uri: string;
    text: string;
    remove(): Promise<void>;
}

/** `logs` writes the log files into the workspace folder and returns their paths. */
export async function openDentalWorkspace(prefix: string, logs: (dir: string) => string[]): Promise<DentalWorkspace> {
    ensureCliBuilt();
    const dir = fs.mkdtempSync(join(os.tmpdir(), prefix));
    fs.copyFileSync('test/fixtures/analytics/dental.chatflow', join(dir, 'dental.chatflow'));
    const imported = runCli('import', ...logs(dir), '--flow', dir, '--db', join(dir, '.chatflow', 'analytics.db'));
    assert.strictEqual(imported.status, 0, imported.stderr);
    const server = await startServer(dir);
    const uri = LspServer.uri(dir, 'dental.chatflow');
    const text = fs.readFileSync(join(dir, 'dental.chatflow'), 'utf8');
    await server.open(uri, text);
    await server.waitForDiagnostics(uri);
    return {
        dir, server, uri, text,
        remove: async () => {
            await server.stop();
            fs.rmSync(dir, { recursive: true, force: true });
        }
    };
}
