/**
 * The HTML page of every Chatflow webview, and its Content-Security-Policy: one builder for the
 * preview, the Analytics panel and the headless-Chromium test pages. Pure (no 'vscode' import)
 * so unit tests check exactly what the panels show.
 *
 * Only local files, loaded through webview URIs: the bundle's script (carrying a fresh nonce) and
 * its stylesheet. No inline script or style, nothing from the network.
 */

/** The webviews, named for what they show; each is a bundle of dist/webview. */
export type WebviewView = 'preview' | 'analytics';

interface ViewSpec {
    script: string;
    style: string;
    /** The element the bundle mounts into; `base` is where dist/webview is. */
    body: (base: string) => string;
    /**
     * The preview lays out in a worker: the page fetches the worker's script from its webview URI
     * (connect-src) and starts it from a blob: URL, since a webview may not start a worker from
     * its resource origin directly (worker-src).
     */
    worker: boolean;
}

const VIEWS: Record<WebviewView, ViewSpec> = {
    preview: {
        script: 'preview.js', style: 'preview.css', worker: true,
        body: base => `<div id="chatflow-preview" data-layout-worker="${escapeHtml(`${base}/layout-worker.js`)}"></div>`
    },
    analytics: {
        script: 'analytics.js', style: 'analytics.css', worker: false,
        body: () => '<div id="chatflow-analytics"></div>'
    }
};

export interface WebviewPageParts {
    /** `webview.cspSource`: the webview's own resource origin. */
    cspSource: string;
    /** A fresh random nonce per page load. */
    nonce: string;
    title: string;
    /** Where dist/webview is, as a webview URI (`asWebviewUri`). */
    base: string;
}

export function contentSecurityPolicy(view: WebviewView, cspSource: string, nonce: string): string {
    const directives = [
        "default-src 'none'",
        `script-src 'nonce-${nonce}'`,
        `style-src ${cspSource}`,
        `img-src ${cspSource} data:`,
        `font-src ${cspSource}`
    ];
    if (VIEWS[view].worker) directives.push(`connect-src ${cspSource}`, 'worker-src blob:');
    return directives.join('; ');
}

export function webviewHtml(view: WebviewView, parts: WebviewPageParts): string {
    const spec = VIEWS[view];
    const attr = escapeHtml;
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(contentSecurityPolicy(view, parts.cspSource, parts.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attr(`${parts.base}/${spec.style}`)}">
<title>${escapeHtml(parts.title)}</title>
</head>
<body>
${spec.body(parts.base)}
<script nonce="${attr(parts.nonce)}" src="${attr(`${parts.base}/${spec.script}`)}"></script>
</body>
</html>
`;
}

/** A fresh CSP nonce: 128 random bits, base64 (a valid nonce-source). */
export function makeNonce(): string {
    const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
    return btoa(String.fromCharCode(...bytes));
}

export function escapeHtml(text: string): string {
    return text.replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`);
}
