import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
    '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
    '.map': 'application/json', '.json': 'application/json', '.svg': 'image/svg+xml'
};

export interface StaticServer {
    origin: string;
    close(): Promise<void>;
}

/**
 * A tiny static server on 127.0.0.1 (random port) standing in for the webview's resource origin.
 * `mounts` maps URL prefixes to folders; `pages` maps paths to HTML made for the server's origin
 * (the panels' own pages, see harness-page.ts).
 */
export async function startStaticServer(mounts: Record<string, string>, pages: Record<string, (origin: string) => string> = {}): Promise<StaticServer> {
    let origin = '';
    const server: Server = createServer((request, response) => {
        const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
        // Browsers ask every new origin for an icon; a webview has none to show.
        if (path === '/favicon.ico') {
            response.writeHead(204).end();
            return;
        }
        const page = pages[path];
        if (page) {
            response.writeHead(200, { 'content-type': TYPES['.html'] }).end(page(origin));
            return;
        }
        const file = locate(mounts, path);
        if (!file) {
            response.writeHead(404, { 'content-type': 'text/plain' }).end(`not found: ${path}`);
            return;
        }
        const type = TYPES[extname(file)] ?? 'application/octet-stream';
        response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
        createReadStream(file).pipe(response);
    });
    await new Promise<void>(done => server.listen(0, '127.0.0.1', done));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return {
        origin,
        close: () => new Promise<void>(done => {
            server.closeAllConnections();
            server.close(() => done());
        })
    };
}

function locate(mounts: Record<string, string>, path: string): string | undefined {
    for (const [prefix, folder] of Object.entries(mounts)) {
        if (!path.startsWith(prefix)) continue;
        const base = resolve(folder);
        const file = normalize(join(base, path.slice(prefix.length)));
        if (!file.startsWith(base)) return undefined;
        if (existsSync(file) && statSync(file).isFile()) return file;
    }
    return undefined;
}
