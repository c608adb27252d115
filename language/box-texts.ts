import { GrammarAST, isCompositeCstNode, type CstNode } from 'langium';
import type { Box } from './generated/ast.js';
import { interpolations } from './input-values.js';

/** The properties of a box whose strings are shown to the user and may hold `{variable}`. */
const TEXT_PROPERTIES = new Set(['text', 'retry']);

/**
 * The CST nodes of a box's display strings (`text=STRING`, `retry+=STRING`), in source order.
 *
 * A plain array built by a scan of the box's own children. It must never be one of Langium's CST
 * child containers (what `GrammarUtils.findNodesForProperty` can return): pushing into those
 * re-parents the pushed nodes, and the CST then loses its way back to the AST.
 */
export function boxTextNodes(box: Box): CstNode[] {
    const found: CstNode[] = [];
    const visit = (node: CstNode | undefined): void => {
        // Unassigned rule calls (Box: MessageBox | ...) nest the box's tokens one level down.
        if (!isCompositeCstNode(node) || node.astNode !== box) return;
        for (const child of node.content) {
            const assignment = child.grammarSource?.$container;
            if (GrammarAST.isAssignment(assignment)) {
                if (TEXT_PROPERTIES.has(assignment.feature)) found.push(child);
            } else {
                visit(child);
            }
        }
    };
    visit(box.$cstNode);
    return found;
}

/** A `{name}` in one of a box's texts, at the document offset of the name (after the brace). */
export interface TextInterpolation { name: string; offset: number }

/** Every `{name}` in the box's text and retry texts. */
export function boxInterpolations(box: Box): TextInterpolation[] {
    return boxTextNodes(box).flatMap(node => node.text.includes('{')
        ? interpolations(node.text).map(use => ({ name: use.name, offset: node.offset + use.offset }))
        : []);
}
