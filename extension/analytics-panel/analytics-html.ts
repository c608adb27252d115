/**
 * The Analytics webview's HTML page. Pure (no 'vscode' import) so unit tests can check the CSP:
 * nothing but the bundle's own script (with the nonce) and stylesheet, both local.
 */
import { webviewPageHtml } from '../webview-page.js';

export interface AnalyticsPageParts {
    /** `webview.cspSource`. */
    cspSource: string;
    nonce: string;
    /** Webview URIs (from `asWebviewUri`) of dist/webview/analytics.js and analytics.css. */
    scriptUri: string;
    styleUri: string;
    title: string;
}

export function analyticsCsp(cspSource: string, nonce: string): string {
    return [
        "default-src 'none'",
        `script-src 'nonce-${nonce}'`,
        `style-src ${cspSource}`,
        `img-src ${cspSource} data:`,
        `font-src ${cspSource}`
    ].join('; ');
}

export function analyticsHtml(parts: AnalyticsPageParts): string {
    return webviewPageHtml({
        csp: analyticsCsp(parts.cspSource, parts.nonce),
        title: parts.title,
        styleUri: parts.styleUri,
        body: '<div id="chatflow-analytics"></div>',
        scriptUri: parts.scriptUri,
        nonce: parts.nonce
    });
}
