import * as vscode from 'vscode';
import { makeNonce } from '../preview/nonce.js';
import { webviewOptions } from '../preview/preview-page.js';
import { analyticsHtml } from './analytics-html.js';

/** Scripts on, only dist/webview readable (the same options as the preview). */
export const analyticsWebviewOptions = webviewOptions;

/** The Analytics page with a fresh nonce and the bundle's files as webview URIs. */
export function analyticsPage(webview: vscode.Webview, extensionUri: vscode.Uri, title: string): string {
    const file = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', name)).toString();
    return analyticsHtml({ cspSource: webview.cspSource, nonce: makeNonce(), scriptUri: file('analytics.js'), styleUri: file('analytics.css'), title });
}
