/**
 * Entry of the preview webview bundle (dist/webview/preview.js). The page and its
 * Content-Security-Policy (extension/panels/webview-html.ts) allow this bundle's script and
 * stylesheet, and fetching the layout worker from its webview URI to run it from a blob: URL:
 * the bundle writes no inline style, evaluates no code, loads nothing from the network.
 */
import './styles.css';
import { h } from '../common/dom.js';
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
