import * as vscode from 'vscode';
import type { SourceRange } from '../../language/flow-model.js';

/**
 * Shows `target` in an editor and selects it, centered: in the column where the document is
 * already shown, else where the preview was opened from, never over the preview itself.
 */
export async function revealInEditor(target: SourceRange, previewColumn: vscode.ViewColumn | undefined,
    sourceColumn: vscode.ViewColumn | undefined): Promise<void> {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(target.uri));
    const range = new vscode.Range(target.start.line, target.start.character, target.end.line, target.end.character);
    const shown = vscode.window.visibleTextEditors.find(e => e.document === document && e.viewColumn !== previewColumn);
    const column = shown?.viewColumn
        ?? (sourceColumn !== previewColumn ? sourceColumn : undefined)
        ?? vscode.ViewColumn.Beside;
    const editor = await vscode.window.showTextDocument(document, { viewColumn: column, selection: range });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenter);
}
