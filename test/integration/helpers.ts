/** Shared steps of the integration suites: activate, open workspace files, wait for diagnostics. */
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import type { ChatflowExtensionApi } from '../../extension/main.js';

export const EXTENSION_ID = 'chatflow.chatflow-studio';

/** `onLanguage` activation may not have fired yet inside a test run: activate explicitly. */
export async function activateExtension(): Promise<ChatflowExtensionApi> {
    const extension = vscode.extensions.getExtension<ChatflowExtensionApi>(EXTENSION_ID);
    assert.ok(extension, `Extension ${EXTENSION_ID} is not loaded: check extensionDevelopmentPath.`);
    return extension.activate();
}

export function workspaceUri(...segments: string[]): vscode.Uri {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'No workspace folder is open: the runner must open the fixture workspace.');
    return vscode.Uri.joinPath(folder.uri, ...segments);
}

export async function openInEditor(uri: vscode.Uri): Promise<vscode.TextEditor> {
    const document = await vscode.workspace.openTextDocument(uri);
    return vscode.window.showTextDocument(document);
}

/** The position of the `occurrence`-th match of `text` in the document, plus `delta` characters. */
export function positionOf(document: vscode.TextDocument, text: string, delta = 0, occurrence = 0): vscode.Position {
    let offset = -1;
    for (let i = 0; i <= occurrence; i++) {
        offset = document.getText().indexOf(text, offset + 1);
        assert.ok(offset >= 0, `'${text}' (occurrence ${occurrence}) not found in ${document.uri.path}`);
    }
    return document.positionAt(offset + delta);
}

/** The diagnostics published for `uri`, or undefined if the server has published none yet. */
export function publishedDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] | undefined {
    const key = uri.toString();
    return vscode.languages.getDiagnostics().find(([candidate]) => candidate.toString() === key)?.[1];
}

export function errorsOf(diagnostics: readonly vscode.Diagnostic[] | undefined): vscode.Diagnostic[] {
    return (diagnostics ?? []).filter(d => d.severity === vscode.DiagnosticSeverity.Error);
}

export function describeDiagnostics(diagnostics: readonly vscode.Diagnostic[] | undefined): string[] {
    return (diagnostics ?? []).map(d => `${d.range.start.line + 1}:${d.range.start.character + 1} ${vscode.DiagnosticSeverity[d.severity]} ${d.message}`);
}

/**
 * Resolves with the diagnostics of `uri` as soon as `accept` holds for them: checked now and on
 * every `onDidChangeDiagnostics` for that URI (no sleeps). Fails after `timeoutMs` saying what
 * it waited for and what it last saw.
 */
export function waitForDiagnostics(
    uri: vscode.Uri, waitingFor: string, accept: (diagnostics: vscode.Diagnostic[] | undefined) => boolean, timeoutMs = 20000
): Promise<vscode.Diagnostic[]> {
    return new Promise((resolve, reject) => {
        const check = (): boolean => {
            const diagnostics = publishedDiagnostics(uri);
            if (!accept(diagnostics)) return false;
            subscription.dispose();
            clearTimeout(timer);
            resolve(diagnostics ?? []);
            return true;
        };
        const subscription = vscode.languages.onDidChangeDiagnostics(event => {
            if (event.uris.some(changed => changed.toString() === uri.toString())) check();
        });
        const timer = setTimeout(() => {
            subscription.dispose();
            const last = describeDiagnostics(publishedDiagnostics(uri));
            reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${waitingFor} in ${uri.path}; last diagnostics: ${JSON.stringify(last)}`));
        }, timeoutMs);
        check();
    });
}

/**
 * Puts the document back to its saved (valid) text and waits until the server has re-validated
 * it without errors, so the next test starts from the state a user opening the file would see.
 * Not "Revert File": that acts on whichever editor has focus, and a panel opened by the test may
 * have it.
 */
export async function revertToClean(uri: vscode.Uri): Promise<void> {
    const document = await vscode.workspace.openTextDocument(uri);
    if (document.isDirty) {
        const saved = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
        const edit = new vscode.WorkspaceEdit();
        edit.replace(uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), saved);
        if (!await vscode.workspace.applyEdit(edit)) throw new Error(`could not restore ${uri.fsPath} to its saved text`);
        await document.save();
    }
    await waitForDiagnostics(uri, 'the errors to clear after revert', published => errorsOf(published).length === 0);
}
