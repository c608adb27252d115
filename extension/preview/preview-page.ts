import * as vscode from 'vscode';
import { makeNonce } from './nonce.js';
import { previewHtml } from './preview-html.js';

/** Scripts on, and only the webview bundle's folder readable. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
    return { enableScripts: true, localResourceRoots: [webviewRoot(extensionUri)] };
}

/** The preview page with a fresh nonce and the bundle's files as webview URIs. */
export function previewPage(webview: vscode.Webview, extensionUri: vscode.Uri, title: string): string {
    const file = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(webviewRoot(extensionUri), name)).toString();
    return previewHtml({
        cspSource: webview.cspSource,
        nonce: makeNonce(),
        scriptUri: file('preview.js'),
        styleUri: file('preview.css'),
        workerUri: file('layout-worker.js'),
        title
    });
}

function webviewRoot(extensionUri: vscode.Uri): vscode.Uri {
    return vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
}
