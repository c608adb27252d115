import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ensureWebviewBuilt } from './harness/preview-page.js';

describe('nothing leaves: the webview bundles', () => {
    it('open no connection of their own: http strings are XML namespace names only', function () {
        this.timeout(120_000);
        ensureWebviewBuilt();
        const folder = 'dist/webview';
        const namespaces = new Set(['www.w3.org', 'www.eclipse.org', '']);
        const apis: Record<string, string[]> = {};
        for (const file of fs.readdirSync(folder).filter(f => f.endsWith('.js') || f.endsWith('.css'))) {
            const text = fs.readFileSync(path.join(folder, file), 'utf8');
            for (const [url, host] of text.matchAll(/https?:\/\/([^/"'\s)]*)[^"'\s)]*/g)) {
                assert.ok(namespaces.has(host), `${file} names ${url}`);
            }
            apis[file] = [...new Set([...text.matchAll(/\b(fetch|XMLHttpRequest|WebSocket|EventSource|sendBeacon|importScripts|RTCPeerConnection)\s*\(/g)].map(m => m[1]))];
        }
        // The preview fetches its layout worker's script from the webview's own origin (connect-src cspSource).
        assert.deepStrictEqual(apis, { 'analytics.js': [], 'layout-worker.js': [], 'preview.js': ['fetch'], 'analytics.css': [], 'preview.css': [] });
    });
});
