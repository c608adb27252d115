import { AstUtils, type AstNode, type CstNode, type LangiumParser, type Mutable, type ParseResult } from 'langium';
import type { Range } from 'vscode-languageserver-types';
import { isBox, isChatflowDocument, isFlow, type Box, type ChatflowDocument, type Flow } from './generated/ast.js';

/**
 * Re-parses only the box an edit falls in, instead of the whole file: a keystroke in a 5,000-box
 * flow re-lexed and re-parsed 23,000 lines. The edit must lie strictly inside one box (its first
 * and last characters unchanged), the file must have parsed without errors, and the box's new
 * text must parse alone as one box, with no error and nothing left over. Anything else (an edit
 * across boxes, a syntax error, a box that now swallows its neighbour) returns undefined and the
 * caller parses the whole file, so the result is always the one a full parse gives
 * (test/language/incremental-reparse.test.ts checks that on random edits).
 *
 * The new parse result keeps every other box's AST and CST nodes and gives the file and the
 * flow new root and flow nodes, as a full parse would: caches keyed by those (the scope maps,
 * the FlowGraphs, the per-flow variable names) never serve the old tree.
 */
export function reparseBox(parser: LangiumParser, previous: ParseResult<AstNode>, oldText: string, newText: string): ParseResult<ChatflowDocument> | undefined {
    const oldRoot = previous.value;
    if (!isChatflowDocument(oldRoot) || !oldRoot.$cstNode || hasErrors(previous)) return undefined;
    const change = changedRegion(oldText, newText);
    const box = boxAround(oldRoot, change.start, change.oldEnd);
    if (!box) return undefined;
    const outer = outermostCst(box);
    const start = outer.offset;
    const oldEnd = outer.end;
    const delta = newText.length - oldText.length;
    const newEnd = oldEnd + delta;
    // A token of the box must not merge with what stands right before or after it.
    if (!isSpaceOrEnd(newText, start - 1) || !isSpaceOrEnd(newText, newEnd)) return undefined;

    const boxText = newText.slice(start, newEnd);
    const parsed = parser.parse<Box>(boxText, { rule: 'Box' });
    const parsedCst = parsed.value.$cstNode;
    if (hasErrors(parsed) || !isBox(parsed.value) || !parsedCst || parsedCst.end !== boxText.length || parsedCst.offset !== 0) return undefined;

    const flow = box.$container;
    const rootCst = oldRoot.$cstNode as unknown as MutableComposite & { _text: string };
    const startPosition = outer.range.start;
    const oldEndPosition = outer.range.end;
    const newBox = parsed.value as Mutable<Box>;
    const parent = outer.container as unknown as MutableComposite | undefined;
    const index = parent?.content.indexOf(outer as unknown as MutableCst) ?? -1;
    if (!parent || index < 0) return undefined;

    // The box's CST, moved to where it stands in the file, under a node for the flow's rule call.
    const parsedRoot = parsedCst.root as unknown as MutableComposite;
    const endPosition = parsedRoot.range.end;
    forEachCst(parsedRoot, cst => {
        cst.root = rootCst;
        if (isLeaf(cst)) {
            cst._offset += start;
            cst._range = moveRange(cst._range, startPosition.line, startPosition.character);
        } else if (cst._rangeCache !== undefined) {
            cst._rangeCache = undefined;
        }
    });
    const old = outer as unknown as MutableComposite;
    const wrapped = new (old.constructor as new () => MutableComposite)();
    wrapped.grammarSource = old.grammarSource;
    wrapped.root = rootCst;
    if (old._astNode === box || parsedRoot._astNode === newBox) wrapped._astNode = newBox;
    wrapped.content.push(...parsedRoot.content);
    if (box.$cstNode === outer || newBox.$cstNode === (parsedRoot as unknown)) newBox.$cstNode = wrapped as unknown as CstNode;

    // New root and flow nodes, as a full parse makes; the other boxes stay as they are.
    const newFlow = { ...flow, boxes: flow.boxes.map(b => (b === box ? newBox : b)) } as Mutable<Flow>;
    const newRoot = { ...oldRoot, elements: oldRoot.elements.map(element => (element === flow ? newFlow : element)) } as Mutable<ChatflowDocument>;
    delete (newRoot as { $document?: unknown }).$document;
    AstUtils.linkContentToContainer(newRoot);
    AstUtils.linkContentToContainer(newFlow);

    // Every later token moves by the edit's length and lines; cached ranges are dropped.
    const newEndLine = startPosition.line + endPosition.line;
    const newEndCharacter = endPosition.line === 0 ? startPosition.character + endPosition.character : endPosition.character;
    const lineDelta = newEndLine - oldEndPosition.line;
    const characterDelta = newEndCharacter - oldEndPosition.character;
    forEachCst(rootCst, cst => {
        if (cst._astNode === oldRoot) cst._astNode = newRoot;
        else if (cst._astNode === flow) cst._astNode = newFlow;
        if (isLeaf(cst)) {
            if (cst._offset >= oldEnd) {
                cst._offset += delta;
                const characters = cst._range.start.line === oldEndPosition.line ? characterDelta : 0;
                if (lineDelta !== 0 || characters !== 0) cst._range = shiftRange(cst._range, lineDelta, characters, oldEndPosition.line);
            }
        } else if (cst._rangeCache !== undefined) {
            cst._rangeCache = undefined;
        }
    });
    parent.content.splice(index, 1, wrapped);
    rootCst._text = newText;
    return { value: newRoot, lexerErrors: [], lexerReport: parsed.lexerReport, parserErrors: [] } as ParseResult<ChatflowDocument>;
}

/** Langium's CST classes, with the fields this module moves (langium/lib/parser/cst-node-builder.js). */
interface MutableCst {
    root: unknown;
    container?: unknown;
    readonly range: Range;
    _astNode?: AstNode;
    _offset: number;
    _range: Range;
    _rangeCache?: Range;
}
interface MutableComposite extends MutableCst {
    content: MutableCst[];
    grammarSource: unknown;
}

function hasErrors(result: ParseResult<AstNode>): boolean {
    return result.lexerErrors.length > 0 || result.parserErrors.length > 0;
}

/** The first and last changed offsets: [start, oldEnd) in the old text became [start, newEnd) in the new. */
function changedRegion(oldText: string, newText: string): { start: number; oldEnd: number } {
    const shorter = Math.min(oldText.length, newText.length);
    let start = 0;
    while (start < shorter && oldText.charCodeAt(start) === newText.charCodeAt(start)) start++;
    let suffix = 0;
    while (suffix < shorter - start && oldText.charCodeAt(oldText.length - 1 - suffix) === newText.charCodeAt(newText.length - 1 - suffix)) suffix++;
    return { start, oldEnd: oldText.length - suffix };
}

/** The box whose text strictly contains [start, end): its first and last characters outside the change. */
function boxAround(root: ChatflowDocument, start: number, end: number): Box | undefined {
    for (const element of root.elements) {
        if (!isFlow(element) || !element.$cstNode || start < element.$cstNode.offset || end > element.$cstNode.end) continue;
        for (const box of element.boxes) {
            const cst = box.$cstNode;
            if (cst && cst.offset < start && end < cst.end) return box;
        }
    }
    return undefined;
}

/**
 * The box's outermost CST node: the rule call `boxes+=Box` wraps the box's own rule call, each
 * node the only child of the one above, up to the flow's node (which also holds its keywords).
 */
function outermostCst(box: Box): CstNode {
    let node = box.$cstNode!;
    while (node.container && node.container.content.length === 1 && node.container.container) node = node.container;
    return node;
}

function isSpaceOrEnd(text: string, index: number): boolean {
    return index < 0 || index >= text.length || /\s/.test(text[index]);
}

function isLeaf(node: MutableCst): boolean {
    return !('content' in node);
}

/** Every node of the tree, parents first (a plain walk: Langium's streamCst costs more than the work done per node here). */
function forEachCst(node: MutableCst, visit: (node: MutableCst) => void): void {
    visit(node);
    const content = (node as Partial<MutableComposite>).content;
    if (content) for (let i = 0; i < content.length; i++) forEachCst(content[i], visit);
}

function moveRange(range: Range, line: number, character: number): Range {
    const move = (p: Range['start']) => ({ line: p.line + line, character: p.line === 0 ? p.character + character : p.character });
    return { start: move(range.start), end: move(range.end) };
}

function shiftRange(range: Range, lines: number, characters: number, endLine: number): Range {
    const shift = (p: Range['start']) => ({ line: p.line + lines, character: p.line === endLine ? p.character + characters : p.character });
    return { start: shift(range.start), end: shift(range.end) };
}
