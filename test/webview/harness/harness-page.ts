import { webviewHtml, type WebviewView } from '../../../extension/panels/webview-html.js';

/** The nonce of test pages: fixed, so a page can be reloaded with the same markup. */
const NONCE = 't3st';

/**
 * The page a panel shows, built by the extension's own builder with this server's origin as the
 * webview's resource origin, plus what VS Code injects around it: the theme variables
 * (page/themes.css) and `acquireVsCodeApi` (page/fake-host.js), and any `extraScripts` (the layout
 * bench's page script) after the bundle. The CSP is the extension's, untouched.
 */
export function harnessPage(view: WebviewView, origin: string, extraScripts: string[] = []): string {
    const html = webviewHtml(view, { cspSource: origin, nonce: NONCE, title: `Chatflow ${view}`, base: `${origin}/dist/webview` });
    const script = (src: string) => `<script nonce="${NONCE}" src="${src}"></script>\n`;
    return html
        .replace('<link rel="stylesheet"', `<link rel="stylesheet" href="${origin}/page/themes.css">\n<link rel="stylesheet"`)
        .replace(`<script nonce="${NONCE}"`, `${script(`${origin}/page/fake-host.js`)}<script nonce="${NONCE}"`)
        .replace('</body>', `${extraScripts.map(src => script(`${origin}${src}`)).join('')}</body>`);
}
