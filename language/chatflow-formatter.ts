import { AstUtils, CstUtils, GrammarAST, type AstNode, type CstNode, type LeafCstNode } from 'langium';
import { AbstractFormatter, type FormattingAction, type FormattingContext } from 'langium/lsp';
import type { TextEdit } from 'vscode-languageserver';
import {
    isAssignment, isBox, isBranch, isChatflowDocument, isChoiceOption, isElseBranch, isFlow, isInputValidation, isOutcome,
    isSplitArm, isTestCase, isTestStep, isTrack, isTrackedEvent, isVariable, isGoal, isStart, type ChatflowDocument
} from './generated/ast.js';

/** Keywords that begin a statement inside a box body (the rest are nodes of their own). */
const BOX_STATEMENT_KEYWORDS = new Set(['alias', 'goal', 'save', 'retry', 'call', 'queue', 'measure', 'stop', '->']);

/**
 * Formats flows: four-space indentation inside braces, one statement per line, one space between
 * the tokens of a statement (none before `,` and `:`, none around `.` and inside parentheses),
 * and at most one blank line between statements, none after `{` or before `}`.
 *
 * The rules are decided per token in one pass over the document's tokens: a token either starts
 * a line (indented by the number of open braces) or follows the previous token on its line.
 */
export class ChatflowFormatter extends AbstractFormatter {

    protected format(node: AstNode): void {
        if (!isChatflowDocument(node) || !node.$cstNode) return;
        let depth = 0;
        let previous: LeafCstNode | undefined;
        for (const leaf of CstUtils.flattenCst(node.$cstNode)) {
            if (leaf.hidden) {
                // Comments on a line of their own follow the indentation of the code around them.
                if (isComment(leaf) && previous && leaf.range.start.line > previous.range.end.line) {
                    this.prepend(leaf, { options: {}, moves: [{ tabs: depth }] });
                }
                continue;
            }
            if (leaf.text === '}') depth = Math.max(0, depth - 1);
            if (previous) this.prepend(leaf, this.spacing(previous, leaf, depth, node));
            if (leaf.text === '{') depth++;
            previous = leaf;
        }
    }

    /** Comments keep their place, but at most one blank line before them (none right after `{`). */
    protected override createHiddenTextEdits(previous: CstNode | undefined, hidden: CstNode, formatting: FormattingAction | undefined, context: FormattingContext): TextEdit[] {
        const edits = super.createHiddenTextEdits(previous, hidden, formatting, context);
        if (!previous) return edits;
        const maxLines = previous.text === '{' ? 1 : 2;
        const start = hidden.range.start.line;
        if (start - previous.range.end.line <= maxLines) return edits;
        const collapse = { range: { start: previous.range.end, end: { line: start, character: 0 } }, newText: '\n'.repeat(maxLines) };
        return [collapse, ...edits];
    }

    private prepend(leaf: LeafCstNode, formatting: FormattingAction): void {
        this.getNodeFormatter(leaf.astNode).cst([leaf]).prepend(formatting);
    }

    private spacing(previous: LeafCstNode, leaf: LeafCstNode, depth: number, root: ChatflowDocument): FormattingAction {
        // A tracked event's allow-list stays on the event's line: `{ value: 1, currency: "USD" }`, or `{}`.
        if ((previous.text === '{' && isAllowListBrace(previous)) || isAllowListBrace(leaf)) return spaces(previous.text === '{' && leaf.text === '}' ? 0 : 1);
        if (leaf.text === '}' || previous.text === '{') return lines(1, 1, depth);
        if (startsLine(leaf, root)) return lines(1, 2, depth);
        if (leaf.text === ',' || leaf.text === ':' || leaf.text === ')' || leaf.text === '.') return spaces(0);
        if (previous.text === '.' || previous.text === '(' || previous.text === '-') return spaces(0);
        return spaces(1);
    }
}

function lines(min: number, max: number, tabs: number): FormattingAction {
    const moves = [];
    for (let count = min; count <= max; count++) moves.push({ lines: count, tabs });
    return { options: {}, moves };
}

function spaces(characters: number): FormattingAction {
    return { options: {}, moves: [{ characters }] };
}

function isComment(leaf: LeafCstNode): boolean {
    return leaf.tokenType.name === 'SL_COMMENT' || leaf.tokenType.name === 'ML_COMMENT';
}

/** A token starts a line when it is the first token of a declaration, box statement or test step. */
function startsLine(leaf: LeafCstNode, root: ChatflowDocument): boolean {
    const owner = leaf.astNode;
    if (isBox(owner) && isStatementKeyword(leaf)) return true;
    for (let node: AstNode | undefined = owner; node && node !== root; node = node.$container) {
        if (isLineNode(node)) return node.$cstNode?.offset === leaf.offset;
    }
    return false;
}

/** A keyword of the box's own statements, not a type name used as a box or variable name. */
function isStatementKeyword(leaf: LeafCstNode): boolean {
    const source = leaf.grammarSource;
    if (!source || !GrammarAST.isKeyword(source) || !BOX_STATEMENT_KEYWORDS.has(source.value)) return false;
    const rule = AstUtils.getContainerOfType(source, GrammarAST.isParserRule);
    return rule?.name !== 'Name' && rule?.name !== 'QualifiedName';
}

function isLineNode(node: AstNode): boolean {
    return isGoal(node) || isFlow(node) || isStart(node) || isVariable(node) || isBox(node) || isTestCase(node)
        || isTestStep(node) || isAssignment(node) || isChoiceOption(node) || isInputValidation(node)
        || isBranch(node) || isElseBranch(node) || isOutcome(node) || isSplitArm(node) || isTrack(node) || isTrackedEvent(node);
}

function isAllowListBrace(leaf: LeafCstNode): boolean {
    return (leaf.text === '{' || leaf.text === '}') && isTrackedEvent(leaf.astNode);
}
