/**
 * Entry of the preview webview bundle (dist/webview/preview.js).
 *
 * The extension writes the page (see extension/webview/README.md for the exact skeleton) with
 * this Content-Security-Policy, where `${cspSource}` is `webview.cspSource` and `${nonce}` a fresh
 * random nonce per page:
 *
 *   default-src 'none';
 *   style-src ${cspSource};
 *   script-src 'nonce-${nonce}';
 *   worker-src blob:;
 *   connect-src ${cspSource};
 *
 * Why each source is needed:
 * - style-src: dist/webview/preview.css (no inline styles: the bundle never writes style="").
 * - script-src nonce: the single <script nonce> tag that loads this bundle.
 * - connect-src: the layout worker script is fetched from its webview URI (data-layout-worker)...
 * - worker-src blob: ...and started from a Blob URL, because a webview may not start a worker
 *   from its resource origin directly.
 * Nothing is loaded from the network; the bundle needs no 'unsafe-eval' nor 'unsafe-inline'.
 */
import './styles.css';
import { h } from './dom.js';
import { Host } from './host.js';
import { PreviewApp } from './preview-app.js';

const ROOT_ID = 'chatflow-preview';

function main(): void {
    // `#app` with `data-worker-uri` on <body> is the older spelling of the same skeleton.
    const root = document.getElementById(ROOT_ID) ?? document.getElementById('app');
    if (!root) throw new Error(`Chatflow preview: the page has no element #${ROOT_ID}; see extension/webview/README.md.`);
    root.classList.add('cf-root');
    const host = new Host();
    const workerUrl = root.dataset.layoutWorker ?? document.body.dataset.workerUri;
    if (!workerUrl) {
        const message = `Chatflow preview: #${ROOT_ID} has no data-layout-worker attribute (the webview URI of dist/webview/layout-worker.js).`;
        root.replaceChildren(h('p', { class: 'cf-fatal' }, message));
        host.log('error', message);
        return;
    }
    new PreviewApp(root, host, workerUrl, host.restoredState());
    host.post({ type: 'ready' });
}

main();
