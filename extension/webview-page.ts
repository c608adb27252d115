/**
 * The HTML shell every Chatflow webview uses: a CSP meta tag, one local stylesheet, a body, and
 * one local script carrying the nonce. Pure (no 'vscode' import) so unit tests can check it.
 */
export interface WebviewPage {
    csp: string;
    title: string;
    styleUri: string;
    /** Also put the nonce on the stylesheet link (when the CSP's style-src names the nonce). */
    styleNonce?: boolean;
    /** Trusted markup, already escaped where it carries values. */
    body: string;
    scriptUri: string;
    nonce: string;
}

export function webviewPageHtml(page: WebviewPage): string {
    const attr = escapeHtml;
    const styleNonce = page.styleNonce ? ` nonce="${attr(page.nonce)}"` : '';
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(page.csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attr(page.styleUri)}"${styleNonce}>
<title>${escapeHtml(page.title)}</title>
</head>
<body>
${page.body}
<script nonce="${attr(page.nonce)}" src="${attr(page.scriptUri)}"></script>
</body>
</html>
`;
}

export function escapeHtml(text: string): string {
    return text.replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`);
}
