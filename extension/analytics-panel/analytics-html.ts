/**
 * The Analytics webview's HTML page. Pure (no 'vscode' import) so unit tests can check the CSP:
 * nothing but the bundle's own script (with the nonce) and stylesheet, both local.
 */
import { escapeHtml } from '../preview/preview-html.js';

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
    const attr = escapeHtml;
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(analyticsCsp(parts.cspSource, parts.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attr(parts.styleUri)}">
<title>${escapeHtml(parts.title)}</title>
</head>
<body>
<div id="chatflow-analytics"></div>
<script nonce="${attr(parts.nonce)}" src="${attr(parts.scriptUri)}"></script>
</body>
</html>
`;
}
