import * as assert from 'node:assert';
import { analyticsHtml } from '../../extension/analytics-panel/analytics-html.js';
import { makeNonce } from '../../extension/preview/nonce.js';

const cspSource = 'https://file+.vscode-resource.vscode-cdn.net';
const base = `${cspSource}/work/main/dist/webview`;

function page(title = 'Analytics clinic.chatflow', nonce = 'cmVmaWxsLWZ1bm5lbA=='): string {
    return analyticsHtml({ cspSource, nonce, title, scriptUri: `${base}/analytics.js`, styleUri: `${base}/analytics.css` });
}

function cspOf(html: string): Map<string, string> {
    const content = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
    assert.ok(content, 'the page has a CSP meta tag');
    return new Map(content.replace(/&#39;/g, "'").split(';').map(d => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values.join(' ')]));
}

describe('the Analytics page and its Content-Security-Policy', () => {
    it('denies everything by default and allows only the nonce script and local styles, images and fonts', () => {
        const csp = cspOf(page());
        assert.strictEqual(csp.get('default-src'), "'none'");
        assert.strictEqual(csp.get('script-src'), "'nonce-cmVmaWxsLWZ1bm5lbA=='");
        assert.strictEqual(csp.get('style-src'), cspSource);
        assert.strictEqual(csp.get('img-src'), `${cspSource} data:`);
        assert.strictEqual(csp.get('font-src'), cspSource);
        assert.ok(!csp.has('connect-src') && !csp.has('worker-src'), 'the page fetches nothing and runs no worker');
        for (const [directive, value] of csp) assert.doesNotMatch(value, /unsafe-inline|unsafe-eval|https?:\/\/(?!file\+)/, directive);
    });

    it('loads only the analytics bundle from webview URIs, with the nonce and no inline code or style', () => {
        const html = page();
        const scripts = [...html.matchAll(/<script([^>]*)>([^<]*)<\/script>/g)];
        assert.strictEqual(scripts.length, 1);
        assert.match(scripts[0][1], /nonce="cmVmaWxsLWZ1bm5lbA=="/);
        assert.ok(scripts[0][1].includes(`src="${base}/analytics.js"`), scripts[0][1]);
        assert.strictEqual(scripts[0][2], '', 'no inline script body');
        assert.ok(html.includes(`<link rel="stylesheet" href="${base}/analytics.css">`), 'the stylesheet link');
        assert.doesNotMatch(html, /style="|<style/, 'no inline style');
        assert.match(html, /<div id="chatflow-analytics"><\/div>/, 'the root the bundle mounts into');
    });

    it('escapes the title and the URIs, and takes a fresh nonce per page', () => {
        const html = page('Analytics <pharmacy & "refill">.chatflow', makeNonce());
        assert.ok(html.includes('<title>Analytics &#60;pharmacy &#38; &#34;refill&#34;&#62;.chatflow</title>'), html);
        assert.notStrictEqual(makeNonce(), makeNonce());
        assert.match(makeNonce(), /^[A-Za-z0-9+/]{22}==$/);
    });
});
