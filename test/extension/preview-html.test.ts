import * as assert from 'node:assert';
import { contentSecurityPolicy, previewHtml } from '../../extension/preview/preview-html.js';
import { makeNonce } from '../../extension/preview/nonce.js';

const cspSource = 'https://file+.vscode-resource.vscode-cdn.net';
const base = `${cspSource}/work/main/dist/webview`;

function page(title = 'Preview clinic.chatflow', nonce = 'cGF0aWVudC1pbnRha2U='): string {
    return previewHtml({
        cspSource, nonce, title,
        scriptUri: `${base}/preview.js`, styleUri: `${base}/preview.css`, workerUri: `${base}/layout-worker.js`
    });
}

function cspOf(html: string): Map<string, string> {
    const content = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
    assert.ok(content, 'the page has a CSP meta tag');
    return new Map(content.replace(/&#39;/g, "'").split(';').map(d => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values.join(' ')]));
}

describe('the preview page and its Content-Security-Policy', () => {
    it('denies everything by default and allows only the nonce script, local styles, images, fonts and the worker', () => {
        const csp = cspOf(page());
        assert.strictEqual(csp.get('default-src'), "'none'");
        assert.strictEqual(csp.get('script-src'), "'nonce-cGF0aWVudC1pbnRha2U='");
        assert.strictEqual(csp.get('style-src'), `${cspSource} 'nonce-cGF0aWVudC1pbnRha2U='`);
        assert.strictEqual(csp.get('img-src'), `${cspSource} data:`);
        assert.strictEqual(csp.get('font-src'), cspSource);
        assert.strictEqual(csp.get('connect-src'), cspSource, 'the page fetches the layout worker script');
        assert.strictEqual(csp.get('worker-src'), 'blob:', 'the worker runs from a blob: URL');
    });

    it('loads the bundle only from webview URIs, with the nonce on the script and no inline code', () => {
        const html = page();
        const scripts = [...html.matchAll(/<script([^>]*)>([^<]*)<\/script>/g)];
        assert.strictEqual(scripts.length, 1);
        assert.match(scripts[0][1], /nonce="cGF0aWVudC1pbnRha2U="/);
        assert.ok(scripts[0][1].includes(`src="${base}/preview.js"`), scripts[0][1]);
        assert.strictEqual(scripts[0][2], '', 'no inline script body');
        assert.ok(html.includes(`<link rel="stylesheet" href="${base}/preview.css"`), 'the stylesheet link');
        assert.ok(html.includes(`<div id="chatflow-preview" data-layout-worker="${base}/layout-worker.js"></div>`), 'the worker URI for the page to fetch');
        assert.doesNotMatch(html, /on(click|load|error)=/, 'no inline event handlers');
        const urls = [...html.matchAll(/(?:src|href)="([^"]*)"/g)].map(m => m[1]);
        assert.ok(urls.every(url => url.startsWith(cspSource)), `only local resources: ${urls.join(', ')}`);
    });

    it('escapes the document name in the title', () => {
        const html = page('Preview <b>"triage"</b>.chatflow');
        assert.match(html, /<title>Preview &#60;b&#62;&#34;triage&#34;&#60;\/b&#62;.chatflow<\/title>/);
        assert.doesNotMatch(html, /<b>/);
    });

    it('uses a fresh nonce for every page load', () => {
        const nonces = new Set(Array.from({ length: 20 }, () => makeNonce()));
        assert.strictEqual(nonces.size, 20);
        for (const nonce of nonces) assert.match(nonce, /^[A-Za-z0-9+/]{22}==$/);
        assert.strictEqual(contentSecurityPolicy(cspSource, 'abc').includes("'unsafe-inline'"), false);
    });
});
