import * as assert from 'node:assert';
import * as esbuild from 'esbuild';
import { ROOT } from '../cli/run-cli.js';

/** Node modules that can open a network connection or resolve a host name. */
const NETWORK_MODULES = new Set(['http', 'https', 'net', 'tls', 'dgram', 'http2', 'dns']);

/** Which files of a bundle import a network module: `file -> module`, as esbuild resolves the bundle. */
async function networkImports(entry: string): Promise<string[]> {
    const result = await esbuild.build({
        absWorkingDir: ROOT, entryPoints: [entry], bundle: true, format: 'cjs', platform: 'node', target: 'node20',
        write: false, metafile: true, outfile: 'audit.cjs', external: ['vscode', 'sqlite3'], logLevel: 'silent',
        define: { 'import.meta.url': 'importMetaUrl' }
    });
    const found: string[] = [];
    for (const [file, input] of Object.entries(result.metafile.inputs)) {
        for (const imported of input.imports) {
            const name = imported.path.replace(/^node:/, '');
            if (imported.external && NETWORK_MODULES.has(name)) found.push(`${file} -> ${name}`);
        }
    }
    return found.sort();
}

describe('nothing leaves: the modules that could open a socket', function () {
    this.timeout(120_000);
    // vscode-jsonrpc imports `net` for its pipe and socket transports; the client and the server
    // talk over IPC / stdio (and a named pipe at most), never over a network socket.
    const RPC = 'node_modules/vscode-jsonrpc/lib/node/main.js -> net';

    it('the extension and the language server bundle no network module but the LSP transport', async () => {
        assert.deepStrictEqual(await networkImports('extension/main.ts'), [RPC]);
        assert.deepStrictEqual(await networkImports('server/main.ts'), [RPC]);
    });

    it('in the CLI, only the export endpoint (chatflow export --send) imports http/https', async () => {
        assert.deepStrictEqual(await networkImports('cli/main.ts'), [
            RPC,
            'analytics/export/endpoint.ts -> http',
            'analytics/export/endpoint.ts -> https'
        ].sort());
    });
});
