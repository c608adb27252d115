import * as vscode from 'vscode';
import type { SourceRange } from '../../language/flow-model.js';

/** A FlowGraph source range (zero-based, LSP style) as a VS Code range. */
export function toRange(range: Pick<SourceRange, 'start' | 'end'>): vscode.Range {
    return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}
