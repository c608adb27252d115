import type { LangiumDocument } from 'langium';
import { TextEdit, type Range, type WorkspaceEdit } from 'vscode-languageserver';
import type { Box } from '../generated/ast.js';
import { boxInterpolations } from '../box-texts.js';

/** The ranges of the names in a (possibly qualified) reference text: `Desk` and `pharmacist` in `Desk.pharmacist`. */
export function segmentRanges(document: LangiumDocument, offset: number, end: number): Range[] {
    const text = document.textDocument.getText().substring(offset, end);
    return [...text.matchAll(/[_a-zA-Z]\w*/g)].map(match => rangeOf(document, offset + match.index!, match[0].length));
}

/** The ranges of `name` inside `{name}` placeholders of a box's text and retry texts. */
export function textRanges(document: LangiumDocument, box: Box, name: string): Range[] {
    return boxInterpolations(box)
        .filter(use => use.name === name)
        .map(use => rangeOf(document, use.offset, name.length));
}

function rangeOf(document: LangiumDocument, offset: number, length: number): Range {
    return { start: document.textDocument.positionAt(offset), end: document.textDocument.positionAt(offset + length) };
}

/** Text edits per document URI, without duplicates. */
export class EditCollector {
    private readonly changes = new Map<string, Map<string, TextEdit>>();

    add(document: LangiumDocument, range: Range, newText: string): void {
        const uri = document.uri.toString();
        const edits = this.changes.get(uri) ?? new Map<string, TextEdit>();
        edits.set(`${range.start.line}:${range.start.character}`, TextEdit.replace(range, newText));
        this.changes.set(uri, edits);
    }

    toWorkspaceEdit(): WorkspaceEdit {
        const changes: Record<string, TextEdit[]> = {};
        for (const [uri, edits] of this.changes) changes[uri] = [...edits.values()];
        return { changes };
    }
}
