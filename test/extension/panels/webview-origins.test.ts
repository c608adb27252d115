import * as assert from 'node:assert';
import { webviewHtml } from '../../../extension/panels/webview-html.js';

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
});
