import { AstUtils, CstUtils, GrammarAST, type AstNode, type AstReflection, type CstNode, type LangiumDocument } from 'langium';

/**
 * The node a cross-reference being completed belongs to. After a syntax error Langium's completion
 * can hand over the wrong node: the flow for `start |` (the parser made no Start node), the choice
 * option for `"" goal |` (the goals belong to the box around it). Asking the scope for `goals` of a
 * ChoiceOption throws "Property goals of type ChoiceOption is not a reference".
 *
 * Returns the nearest node from `node` up whose type has `property` as a reference, or, when the
 * reference's own rule was not entered yet, that rule's type to create the node from (what Langium
 * does for a rule it knows it entered); undefined when neither fits, and nothing is offered.
 */
export function referenceOwner(
    reflection: AstReflection, node: AstNode, property: string, rule: GrammarAST.ParserRule | undefined
): { node: AstNode } | { type: string } | undefined {
    for (let current: AstNode | undefined = node; current; current = current.$container) {
        if (isReference(reflection, current.$type, property)) return { node: current };
    }
    const type = rule && !rule.fragment ? rule.name : undefined;
    return type && isReference(reflection, type, property) ? { type } : undefined;
}

/**
 * `node` if it is part of the document's AST; otherwise the innermost node around `offset` that is.
 * Error recovery can leave the node at the cursor cut off the tree (`when = and`: the comparison
 * the parser gave up on), and its scope cannot be computed ("AST node has no document").
 */
export function attachedNode(document: LangiumDocument, node: AstNode, offset: number): AstNode {
    const root = document.parseResult.value;
    if (AstUtils.findRootNode(node) === root) return node;
    for (let cst: CstNode | undefined = root.$cstNode && CstUtils.findLeafNodeBeforeOffset(root.$cstNode, offset); cst; cst = cst.container) {
        if (AstUtils.findRootNode(cst.astNode) === root) return cst.astNode;
    }
    return root;
}

export function isReference(reflection: AstReflection, type: string, property: string): boolean {
    return reflection.getTypeMetaData(type).properties[property]?.referenceType !== undefined;
}
