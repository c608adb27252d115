import { CstUtils, type AstNode, type Reference } from 'langium';
import { AbstractSemanticTokenProvider, type SemanticTokenAcceptor } from 'langium/lsp';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver';
import {
    isAssignment, isBox, isBoxRef, isComparison, isExpectGoal, isExpectVariable, isFlow, isGoal, isInputBox, isStart, isVariable,
    type Box
} from './generated/ast.js';
import { boxInterpolations } from './box-texts.js';

const declaration = SemanticTokenModifiers.declaration;
/** Goals are the conversions a flow is built for; themes colour enum members reliably. */
const goalType = SemanticTokenTypes.enumMember;

/**
 * Semantic highlighting: flows as classes, boxes as functions, goals as enum members and variables
 * as variables, with the `declaration` modifier where they are declared. In `Flow.box` the flow
 * segment is a class and the box segment a function; `{variable}` inside box texts is a variable.
 */
export class ChatflowSemanticTokenProvider extends AbstractSemanticTokenProvider {

    protected highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void | undefined | 'prune' {
        if (isFlow(node)) {
            acceptor({ node, property: 'name', type: SemanticTokenTypes.class, modifier: declaration });
        } else if (isGoal(node)) {
            acceptor({ node, property: 'name', type: goalType, modifier: declaration });
        } else if (isVariable(node)) {
            acceptor({ node, property: 'name', type: SemanticTokenTypes.variable, modifier: declaration });
        } else if (isBox(node)) {
            this.highlightBox(node, acceptor);
        } else if (isStart(node) || isBoxRef(node)) {
            this.highlightBoxReference(node.box, acceptor);
        } else if (isExpectGoal(node)) {
            acceptor({ node, property: 'goal', type: goalType });
        } else if (isAssignment(node) || isComparison(node) || isExpectVariable(node)) {
            acceptor({ node, property: 'variable', type: SemanticTokenTypes.variable });
        }
    }

    private highlightBox(box: Box, acceptor: SemanticTokenAcceptor): void {
        acceptor({ node: box, property: 'name', type: SemanticTokenTypes.function, modifier: declaration });
        acceptor({ node: box, property: 'goals', type: goalType });
        if (isInputBox(box)) {
            acceptor({ node: box, property: 'save', type: SemanticTokenTypes.variable });
        }
        const variables = new Set(box.$container.variables.map(v => v.name));
        const textDocument = this.currentDocument?.textDocument;
        if (!textDocument) return;
        for (const use of boxInterpolations(box)) {
            if (!variables.has(use.name)) continue;
            const start = textDocument.positionAt(use.offset);
            acceptor({ line: start.line, char: start.character, length: use.name.length, type: SemanticTokenTypes.variable });
        }
    }

    /**
     * `welcome` is a function; in `Desk.pharmacist`, `Desk` is a class and `pharmacist` a function.
     * The reference is missing where the parser recovered from an error (`start` with no box name).
     */
    private highlightBoxReference(reference: Reference<Box> | undefined, acceptor: SemanticTokenAcceptor): void {
        const refNode = reference?.$refNode;
        if (!refNode) return;
        const segments = CstUtils.flattenCst(refNode).filter(leaf => !leaf.hidden && leaf.text !== '.').toArray();
        segments.forEach((segment, index) => {
            const isBoxSegment = index === segments.length - 1;
            acceptor({ cst: segment, type: isBoxSegment ? SemanticTokenTypes.function : SemanticTokenTypes.class });
        });
    }
}
