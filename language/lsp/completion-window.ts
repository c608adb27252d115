import { CstUtils, isLeafCstNode, type AstNode, type CstNode, type LangiumDocument, type LexerResult } from 'langium';
import type { CompletionBacktrackingInformation } from 'langium/lsp';
import { isFlow, type ChatflowDocument } from '../generated/ast.js';

/**
 * Completion only needs the grammar state at the cursor, and in this language that state is fixed
 * by the enclosing flow's header and the flow member (box, variable, test...) the cursor is in.
 * Re-parsing just `flow X {` plus that member keeps completion independent of the flow's size
 * (Langium's default re-parses the whole text before the cursor, several times per request).
 */
export interface FeatureWindow {
    /** Synthetic text standing in for everything before `start`: the flow's header. */
    prefix: string;
    /** Offset in the real text where the enclosing member starts. */
    start: number;
}

export function featureWindow(document: LangiumDocument, offset: number): FeatureWindow | undefined {
    const root = document.parseResult.value as ChatflowDocument;
    const text = document.textDocument.getText();
    const element = lastStartingBefore(root.elements, offset);
    if (!element?.$cstNode) return undefined;
    if (!isFlow(element)) return { prefix: '', start: element.$cstNode.offset };
    const brace = openingBrace(element.$cstNode);
    if (!brace || offset <= brace.offset) return { prefix: '', start: element.$cstNode.offset };
    const candidates: Array<AstNode | undefined> = [
        lastStartingBefore(element.starts, offset), lastStartingBefore(element.variables, offset),
        lastStartingBefore(element.boxes, offset), lastStartingBefore(element.tests, offset)
    ];
    const member = candidates.reduce((best, each) => (each && (!best || start(each) > start(best)) ? each : best), undefined);
    if (!member?.$cstNode) return { prefix: '', start: element.$cstNode.offset };
    return { prefix: text.substring(element.$cstNode.offset, brace.end) + '\n', start: member.$cstNode.offset };
}

/** The flow's `{`: among the first few children of its CST node, so no search through the boxes. */
function openingBrace(node: CstNode): CstNode | undefined {
    return CstUtils.streamCst(node).find(child => isLeafCstNode(child) && !child.hidden && child.text === '{');
}

/** The last of `nodes` (in document order) that starts at or before `offset`: a binary search. */
function lastStartingBefore<T extends AstNode>(nodes: readonly T[], offset: number): T | undefined {
    let low = 0;
    let high = nodes.length - 1;
    let found: T | undefined;
    while (low <= high) {
        const middle = (low + high) >> 1;
        if (start(nodes[middle]) <= offset) {
            found = nodes[middle];
            low = middle + 1;
        } else {
            high = middle - 1;
        }
    }
    return found;
}

function start(node: AstNode): number {
    return node.$cstNode?.offset ?? Number.MAX_SAFE_INTEGER;
}

/**
 * The part of the text to lex to find the tokens around the cursor: from the start of the line
 * holding the last non-blank character before the cursor, to the end of the cursor's line.
 */
export function tokenWindow(text: string, offset: number): { start: number; end: number } {
    let last = Math.min(offset, text.length) - 1;
    while (last >= 0 && /\s/.test(text[last])) last--;
    const start = last < 0 ? 0 : text.lastIndexOf('\n', last) + 1;
    const newline = text.indexOf('\n', offset);
    return { start, end: newline < 0 ? text.length : newline };
}

type IToken = LexerResult['tokens'][number];

/** Langium's `backtrackToAnyToken` over already lexed tokens (offsets relative to those tokens). */
export function backtrackIn(tokens: readonly IToken[], offset: number): CompletionBacktrackingInformation {
    let previous: IToken | undefined;
    const before = () => ({
        previousTokenStart: previous?.startOffset,
        previousTokenEnd: previous ? previous.endOffset! + 1 : undefined
    });
    for (const token of tokens) {
        if (token.startOffset >= offset) return { nextTokenStart: offset, nextTokenEnd: offset, ...before() };
        if (token.endOffset! >= offset) return { nextTokenStart: token.startOffset, nextTokenEnd: token.endOffset! + 1, ...before() };
        previous = token;
    }
    return { nextTokenStart: offset, nextTokenEnd: offset, ...before() };
}
