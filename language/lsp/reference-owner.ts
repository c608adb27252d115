import { GrammarAST, type AstNode, type AstReflection } from 'langium';

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

export function isReference(reflection: AstReflection, type: string, property: string): boolean {
    return reflection.getTypeMetaData(type).properties[property]?.referenceType !== undefined;
}
