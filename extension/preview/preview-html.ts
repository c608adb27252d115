/**
 * The preview webview's HTML page. Pure (no 'vscode' import) so unit tests can check the CSP.
 * Only local scripts and styles, loaded through `asWebviewUri`; the one script tag carries the
 * nonce; the layout worker is fetched by the page and run from a blob: URL. The skeleton
 * (#chatflow-preview with data-layout-worker) is the one extension/webview/preview/main.ts reads.
 */
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
    const attr = escapeHtml;
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(contentSecurityPolicy(parts.cspSource, parts.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attr(parts.styleUri)}" nonce="${attr(parts.nonce)}">
<title>${escapeHtml(parts.title)}</title>
</head>
<body>
<div id="chatflow-preview" data-layout-worker="${attr(parts.workerUri)}"></div>
<script nonce="${attr(parts.nonce)}" src="${attr(parts.scriptUri)}"></script>
</body>
</html>
`;
}

export function escapeHtml(text: string): string {
    return text.replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`);
}
