import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { webviewHtml } from '../../../extension/panels/webview-html.js';
import { ensureCliBuilt, ROOT } from '../../cli/run-cli.js';

/** `webview.cspSource` of VS Code desktop, and of code-server: the webview's own local origin. */
const CSP_SOURCES = ['https://file+.vscode-resource.vscode-cdn.net', 'https://127.0.0.1:8080/stable-1.100.3/static'];

/** Every webview the extension opens, rendered as it is shown. */
function everyWebview(cspSource: string): Record<string, string> {
    const base = `${cspSource}/home/ana/.vscode/extensions/chatflow.chatflow-studio-0.1.0/dist/webview`;
    const nonce = 'bm8tbmV0d29yay1wbGVhc2U=';
    return {
        preview: webviewHtml('preview', { cspSource, nonce, title: 'Preview clinic.chatflow', base }),
        analytics: webviewHtml('analytics', { cspSource, nonce, title: 'Analytics clinic.chatflow', base })
    };
}

describe('nothing leaves: webviews', () => {
    for (const cspSource of CSP_SOURCES) {
        it(`every webview denies by default and names no http(s) origin but its own (${new URL(cspSource).host})`, () => {
            for (const [name, html] of Object.entries(everyWebview(cspSource))) {
                const metas = [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/g)];
                assert.strictEqual(metas.length, 1, `${name}: one CSP meta tag`);
                const csp = metas[0][1].replace(/&#39;/g, "'");
                assert.match(csp, /(^|;)\s*default-src 'none'\s*(;|$)/, `${name}: ${csp}`);
                assert.doesNotMatch(csp, /unsafe-eval|unsafe-inline|\*/, `${name}: ${csp}`);
                const origins = [...html.matchAll(/https?:\/\/[^\s"'<>;)]+/g)].map(m => m[0]);
                assert.ok(origins.length > 0, `${name}: the test sees the page's own resources`);
                for (const url of origins) assert.ok(url.startsWith(cspSource), `${name} names ${url}`);
                assert.doesNotMatch(html, /<(iframe|img|link)[^>]*(src|href)="(?!https?:\/\/file\+|https:\/\/127\.0\.0\.1)/i, `${name}: a resource from elsewhere`);
            }
        });
    }

    it('the webview bundles open no connection of their own: http strings are XML namespace names only', function () {
        this.timeout(120_000);
        ensureCliBuilt();
        const folder = path.join(ROOT, 'dist/webview');
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
