import * as assert from 'node:assert';
import { contentSecurityPolicy, makeNonce, webviewHtml, type WebviewView } from '../../../extension/panels/webview-html.js';

const cspSource = 'https://file+.vscode-resource.vscode-cdn.net';
const base = `${cspSource}/work/main/dist/webview`;

function page(view: WebviewView, title = 'Preview clinic.chatflow', nonce = 'cGF0aWVudC1pbnRha2U='): string {
    return webviewHtml(view, { cspSource, nonce, title, base });
}

function cspOf(html: string): Map<string, string> {
    const content = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
    assert.ok(content, 'the page has a CSP meta tag');
    return new Map(content.replace(/&#39;/g, "'").split(';').map(d => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values.join(' ')]));
}

describe('webview pages and their Content-Security-Policy', () => {
    for (const view of ['preview', 'analytics'] as const) {
        it(`${view}: denies everything by default and allows only the nonce script and local styles, images and fonts`, () => {
            const csp = cspOf(page(view));
            assert.strictEqual(csp.get('default-src'), "'none'");
            assert.strictEqual(csp.get('script-src'), "'nonce-cGF0aWVudC1pbnRha2U='");
            assert.strictEqual(csp.get('style-src'), cspSource);
            assert.strictEqual(csp.get('img-src'), `${cspSource} data:`);
            assert.strictEqual(csp.get('font-src'), cspSource);
            for (const [directive, value] of csp) assert.doesNotMatch(value, /unsafe-inline|unsafe-eval|https?:\/\/(?!file\+)/, directive);
        });

        it(`${view}: loads only its bundle from webview URIs, with the nonce and no inline code or style`, () => {
            const html = page(view);
            const scripts = [...html.matchAll(/<script([^>]*)>([^<]*)<\/script>/g)];
            assert.strictEqual(scripts.length, 1);
            assert.match(scripts[0][1], /nonce="cGF0aWVudC1pbnRha2U="/);
            assert.ok(scripts[0][1].includes(`src="${base}/${view}.js"`), scripts[0][1]);
            assert.strictEqual(scripts[0][2], '', 'no inline script body');
            assert.ok(html.includes(`<link rel="stylesheet" href="${base}/${view}.css">`), 'the stylesheet link');
            assert.doesNotMatch(html, /style="|<style|on(click|load|error)=/, 'no inline style or event handler');
            const urls = [...html.matchAll(/(?:src|href|data-layout-worker)="([^"]*)"/g)].map(m => m[1]);
            assert.ok(urls.every(url => url.startsWith(cspSource)), `only local resources: ${urls.join(', ')}`);
        });
    }

    it('preview: may fetch the layout worker from its own origin and run it from a blob: URL, nothing more', () => {
        const csp = cspOf(page('preview'));
        assert.strictEqual(csp.get('connect-src'), cspSource, 'the page fetches the layout worker script');
        assert.strictEqual(csp.get('worker-src'), 'blob:', 'the worker runs from a blob: URL');
        assert.ok(page('preview').includes(`<div id="chatflow-preview" data-layout-worker="${base}/layout-worker.js"></div>`));
    });

    it('analytics: fetches nothing and runs no worker', () => {
        const csp = cspOf(page('analytics'));
        assert.ok(!csp.has('connect-src') && !csp.has('worker-src'));
        assert.match(page('analytics'), /<div id="chatflow-analytics"><\/div>/, 'the root the bundle mounts into');
    });

    it('escapes the document name in the title', () => {
        const html = page('analytics', 'Analytics <pharmacy & "refill">.chatflow');
        assert.ok(html.includes('<title>Analytics &#60;pharmacy &#38; &#34;refill&#34;&#62;.chatflow</title>'), html);
        assert.doesNotMatch(html, /<pharmacy/);
    });

    it('uses a fresh nonce for every page load', () => {
        const nonces = new Set(Array.from({ length: 20 }, () => makeNonce()));
        assert.strictEqual(nonces.size, 20);
        for (const nonce of nonces) assert.match(nonce, /^[A-Za-z0-9+/]{22}==$/);
        assert.strictEqual(contentSecurityPolicy('preview', cspSource, 'abc').includes("'unsafe-inline'"), false);
    });
});
