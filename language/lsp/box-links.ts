import type { AstNode, AstNodeLocator, LangiumDocuments, References } from 'langium';
import {
    isActionBox, isBox, isBranch, isChoiceBox, isChoiceOption, isConditionBox, isElseBranch, isInputBox, isMessageBox,
    isOutcome, isSplitArm, isSplitBox, isStart, type Box, type BoxRef
} from '../generated/ast.js';

/** One way into or out of a box: the box at the other end and what leads there. */
export interface BoxLink {
    /** `name` for a box of the same flow, `Flow.name` otherwise; the flow's start has none. */
    box?: string;
    /** The choice text, `when ...`, `else`, `on outcome`, `arm a (50%)` or `start`; absent for a plain `->`. */
    via?: string;
}

/** Finds the AST nodes that hold references to a declaration, in every document of the workspace. */
export class ReferenceFinder {
    constructor(
        private readonly references: References,
        private readonly documents: LangiumDocuments,
        private readonly locator: AstNodeLocator
    ) {}

    referencingNodes(target: AstNode): AstNode[] {
        const nodes: AstNode[] = [];
        for (const ref of this.references.findReferences(target, { includeDeclaration: false })) {
            if (!this.documents.hasDocument(ref.sourceUri)) continue;
            const root = this.documents.getDocument(ref.sourceUri)!.parseResult.value;
            const node = this.locator.getAstNode(root, ref.sourcePath);
            if (node) nodes.push(node);
        }
        return nodes;
    }
}

/** The name of `box` as seen from a box of `from`'s flow. */
export function relativeName(box: Box, from: Box): string {
    return box.$container === from.$container ? box.name : `${box.$container.name}.${box.name}`;
}

export function waysOut(box: Box): BoxLink[] {
    const link = (ref: BoxRef | undefined, via?: string): BoxLink => ({ box: ref?.box.$refText, via });
    if (isMessageBox(box) || isInputBox(box)) return box.next.map(next => link(next));
    if (isChoiceBox(box)) return box.options.map(option => link(option.target, `"${option.label}"`));
    if (isConditionBox(box)) {
        return [
            ...box.branches.map(branch => link(branch.target, `when ${branch.condition?.$cstNode?.text ?? ''}`)),
            ...box.elseBranch.map(other => link(other.target, 'else'))
        ];
    }
    if (isActionBox(box)) return box.outcomes.map(outcome => link(outcome.target, `on ${outcome.name}`));
    if (isSplitBox(box)) return box.arms.map(arm => link(arm.target, `arm ${arm.name} (${arm.weight}%)`));
    return [];
}

/** Who leads into `box`: boxes of any flow (with the choice, condition or outcome) and flows starting there. */
export function waysIn(box: Box, finder: ReferenceFinder): BoxLink[] {
    const links: BoxLink[] = [];
    for (const node of finder.referencingNodes(box)) {
        if (isStart(node)) {
            links.push({ via: `start of flow ${node.$container.name}` });
            continue;
        }
        const holder = node.$container;
        const from = holder && (isBox(holder) ? holder : holder.$container);
        if (!from || !isBox(from)) continue; // tests naming the box are not ways in
        const via = isChoiceOption(holder) ? `"${holder.label}"`
            : isBranch(holder) ? `when ${holder.condition?.$cstNode?.text ?? ''}`
                : isElseBranch(holder) ? 'else'
                    : isOutcome(holder) ? `on ${holder.name}`
                        : isSplitArm(holder) ? `arm ${holder.name} (${holder.weight}%)`
                            : undefined;
        links.push({ box: relativeName(from, box), via });
    }
    return links;
}
