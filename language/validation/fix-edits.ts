import { GrammarUtils, type LangiumDocument } from 'langium';
import type { TextEdit } from 'vscode-languageserver';
import { isEndBox, isHandoffBox, type Box, type ConditionBox, type Flow } from '../generated/ast.js';

/** Text edits of the quick fixes, indented like the code around them. */

/** A new `end` or `message` box named `name`, inserted as the last element of the flow. */
export function createBoxStub(document: LangiumDocument, flow: Flow, kind: 'end' | 'message', name: string): TextEdit {
    const text = document.textDocument.getText();
    const flowEnd = flow.$cstNode!.end - 1; // the closing brace
    const firstElement = [...flow.starts, ...flow.variables, ...flow.boxes, ...flow.tests]
        .map(e => e.$cstNode?.offset ?? Infinity).reduce((a, b) => Math.min(a, b), Infinity);
    const flowIndent = indentAt(text, flow.$cstNode!.offset);
    const indent = Number.isFinite(firstElement) ? indentAt(text, firstElement) : flowIndent + '    ';
    const stub = kind === 'end' ? `end ${name}` : `message ${name} "" {\n${indent}}`;
    const lineStart = text.lastIndexOf('\n', flowEnd - 1) + 1;
    const braceOnOwnLine = text.slice(lineStart, flowEnd).trim() === '';
    const offset = braceOnOwnLine ? lineStart : flowEnd;
    const newText = braceOnOwnLine ? `\n${indent}${stub}\n` : `\n${indent}${stub}\n${flowIndent}`;
    const position = document.textDocument.positionAt(offset);
    return { range: { start: position, end: position }, newText };
}

/**
 * Where an `else` could lead: the branches' own targets (the "otherwise continue" case is often
 * one of them), then the flow's first handoff and end box (the "give up politely" case).
 */
export function elseTargets(box: ConditionBox): string[] {
    const flow = box.$container;
    const candidates = [
        ...box.branches.map(b => b.target?.box?.$refText),
        flow.boxes.find(isHandoffBox)?.name,
        flow.boxes.find(isEndBox)?.name
    ];
    return [...new Set(candidates.filter((name): name is string => !!name && name !== box.name))].slice(0, 4);
}

/** `else -> target` on a new line after the last branch, indented like it. */
export function addElseBranch(document: LangiumDocument, box: ConditionBox, target: string): TextEdit | undefined {
    const last = box.branches[box.branches.length - 1]?.$cstNode;
    if (!last) return undefined;
    const indent = indentAt(document.textDocument.getText(), last.offset);
    const position = document.textDocument.positionAt(last.end);
    return { range: { start: position, end: position }, newText: `\n${indent}else -> ${target}` };
}

/** Deletes a box with its whole lines, and one of two blank lines it leaves next to each other. */
export function removeBox(document: LangiumDocument, box: Box): TextEdit {
    const text = document.textDocument.getText();
    const cst = box.$cstNode!;
    let start = cst.offset;
    let end = cst.end;
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    if (text.slice(lineStart, start).trim() === '') start = lineStart;
    const lineEnd = text.indexOf('\n', end);
    if (lineEnd !== -1 && text.slice(end, lineEnd).trim() === '') end = lineEnd + 1;
    const blankBefore = start >= 2 && /\n[ \t]*\n$/.test(text.slice(Math.max(0, start - 200), start));
    const blankAfter = /^[ \t]*\n/.exec(text.slice(end));
    if (blankBefore && blankAfter) end += blankAfter[0].length;
    return {
        range: { start: document.textDocument.positionAt(start), end: document.textDocument.positionAt(end) },
        newText: ''
    };
}

/**
 * `alias "name"` as the first statement of a box (after its `{`, indented like its other
 * statements), or a new `{ alias "name" }` body for a box that has none.
 */
export function addAliasEdit(document: LangiumDocument, box: Box, alias: string): TextEdit | undefined {
    const cst = box.$cstNode;
    if (!cst) return undefined;
    const text = document.textDocument.getText();
    const boxIndent = indentAt(text, cst.offset);
    const statement = `alias ${quoted(alias)}`;
    const brace = GrammarUtils.findNodeForKeyword(cst, '{');
    if (!brace) {
        const end = document.textDocument.positionAt(cst.end);
        return { range: { start: end, end }, newText: ` {\n${boxIndent}    ${statement}\n${boxIndent}}` };
    }
    const after = text.slice(brace.end);
    const next = /^[ \t]*\n([ \t]*)(\S)/.exec(after);
    const indent = next && next[2] !== '}' ? next[1] : `${boxIndent}    `;
    const position = document.textDocument.positionAt(brace.end);
    return { range: { start: position, end: position }, newText: `\n${indent}${statement}` };
}

/** A Chatflow string literal. */
function quoted(value: string): string {
    return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** The whitespace at the start of the line holding `offset`. */
function indentAt(text: string, offset: number): string {
    const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    return /^[ \t]*/.exec(text.slice(lineStart))![0];
}
