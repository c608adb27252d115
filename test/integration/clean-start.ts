import * as vscode from 'vscode';
import { revertToClean } from './helpers.js';

/** Starts a suite from the file as saved, even if an earlier suite left unsaved edits in it. */
export async function startClean(uri: vscode.Uri): Promise<void> {
    const document = await vscode.workspace.openTextDocument(uri);
    if (!document.isDirty) return;
    await vscode.window.showTextDocument(document);
    await revertToClean(uri);
}
