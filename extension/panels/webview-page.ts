import * as vscode from 'vscode';
import { makeNonce, webviewHtml, type WebviewView } from './webview-html.js';

/** Scripts on, and only the webview bundles' folder readable. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
    return { enableScripts: true, localResourceRoots: [webviewRoot(extensionUri)] };
}

/** The page of a view, with a fresh nonce and the bundle's files as webview URIs. */
export function webviewPage(view: WebviewView, webview: vscode.Webview, extensionUri: vscode.Uri, title: string): string {
    return webviewHtml(view, {
        cspSource: webview.cspSource,
        nonce: makeNonce(),
        base: webview.asWebviewUri(webviewRoot(extensionUri)).toString(),
        title
    });
}

function webviewRoot(extensionUri: vscode.Uri): vscode.Uri {
    return vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
}
