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
    // The PostgreSQL driver: it connects only to a team store the user names with a postgres:// URL
    // (no-network.test.ts shows a session on the default SQLite store opening no connection).
    const POSTGRES = [
        'node_modules/pg/lib/connection-parameters.js -> dns',
        'node_modules/pg/lib/connection.js -> net',
        'node_modules/pg/lib/stream.js -> net',
        'node_modules/pg/lib/stream.js -> tls'
    ];

    it('the extension bundles no network module but the LSP transport; the server adds only the PostgreSQL driver', async () => {
        assert.deepStrictEqual(await networkImports('extension/main.ts'), [RPC]);
        assert.deepStrictEqual(await networkImports('server/main.ts'), [RPC, ...POSTGRES].sort());
    });

    it('in the CLI, only the export endpoint (chatflow export --send) imports http/https, and the PostgreSQL driver its modules', async () => {
        assert.deepStrictEqual(await networkImports('cli/main.ts'), [
            RPC, ...POSTGRES,
            'analytics/export/endpoint.ts -> http',
            'analytics/export/endpoint.ts -> https'
        ].sort());
    });
});
