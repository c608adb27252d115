/**
 * The preview webview's HTML page. Pure (no 'vscode' import) so unit tests can check the CSP.
 * Only local scripts and styles, loaded through `asWebviewUri`; the one script tag carries the
 * nonce; the layout worker is fetched by the page and run from a blob: URL. The skeleton
 * (#chatflow-preview with data-layout-worker) is the one extension/webview/preview/main.ts reads.
 */
import { escapeHtml, webviewPageHtml } from '../webview-page.js';

export interface PreviewPageParts {
    /** `webview.cspSource`. */
    cspSource: string;
    nonce: string;
    /** Webview URIs (strings from `asWebviewUri`) of dist/webview/preview.js, preview.css, layout-worker.js. */
    scriptUri: string;
    styleUri: string;
    workerUri: string;
    title: string;
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
    return [
        "default-src 'none'",
        `script-src 'nonce-${nonce}'`,
        `style-src ${cspSource} 'nonce-${nonce}'`,
        `img-src ${cspSource} data:`,
        `font-src ${cspSource}`,
        `connect-src ${cspSource}`,
        'worker-src blob:'
    ].join('; ');
}

export function previewHtml(parts: PreviewPageParts): string {
    return webviewPageHtml({
        csp: contentSecurityPolicy(parts.cspSource, parts.nonce),
        title: parts.title,
        styleUri: parts.styleUri,
        styleNonce: true,
        body: `<div id="chatflow-preview" data-layout-worker="${escapeHtml(parts.workerUri)}"></div>`,
        scriptUri: parts.scriptUri,
        nonce: parts.nonce
    });
}
