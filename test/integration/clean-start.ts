import * as vscode from 'vscode';
import { errorsOf, waitForDiagnostics } from './helpers.js';

/**
 * Puts `text` back into the document, saves it, and waits until the server has validated it
 * without errors. Used instead of "Revert File", which acts on whichever editor is active (here
 * a second editor group holds the preview) and was seen to leave the edit in place.
 */
export async function restoreText(document: vscode.TextDocument, text: string): Promise<void> {
    if (document.getText() !== text) {
        const edit = new vscode.WorkspaceEdit();
        edit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), text);
        if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`Could not restore the text of ${document.uri.path}.`);
    }
    if (document.isDirty && !(await document.save())) throw new Error(`Could not save ${document.uri.path} after restoring it.`);
    await waitForDiagnostics(document.uri, 'no errors after restoring the text', published => published !== undefined && errorsOf(published).length === 0);
}

/** Starts a suite from the file as saved, even if an earlier suite left unsaved edits in it. */
export async function startClean(uri: vscode.Uri): Promise<void> {
    const document = await vscode.workspace.openTextDocument(uri);
    if (!document.isDirty) return;
    await restoreText(document, new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)));
}
