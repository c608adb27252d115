import { AstUtils, type AstNode, type CstNode } from 'langium';
import { isBooleanLiteral, isNumberLiteral, type Literal } from './generated/ast.js';
import type { LiteralValue, SourceRange } from './flow-model.js';

/* Facts of AST nodes the FlowGraph builder and the tracking model both read. */

/** The value of a literal; '' for one the parser left without its value. */
export function literalValue(literal: Literal | undefined): LiteralValue {
    if (!literal || literal.value === undefined) return '';
    if (isBooleanLiteral(literal)) return literal.value === 'yes';
    if (isNumberLiteral(literal)) return literal.value;
    return literal.value;
}

export function uriOf(node: AstNode): string {
    return AstUtils.getDocument(node).uri.toString();
}

export function rangeOf(node: AstNode): SourceRange {
    return cstRange(node.$cstNode, uriOf(node));
}

export function cstRange(node: CstNode | undefined, uri: string): SourceRange {
    const range = node?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return { uri, start: { ...range.start }, end: { ...range.end } };
}
