import { AstUtils, UriUtils, type AstNode, type IndexManager, type ValidationAcceptor } from 'langium';
import { isFlow, isGoal, type ChatflowDocument, type ChoiceBox, type Flow } from '../generated/ast.js';
import { IssueCodes, issue } from './issue-codes.js';

/** Duplicate box and variable names inside one flow: references would resolve to the first only. */
export function checkFlowNames(flow: Flow, accept: ValidationAcceptor): void {
    reportDuplicates(flow.boxes, (box, first) => accept('error',
        `Box '${box.name}' is already defined in flow '${flow.name}' (line ${lineOf(first)}). Rename one of them.`,
        { node: box, property: 'name', ...issue(IssueCodes.DuplicateBox) }));
    reportDuplicates(flow.variables, (variable, first) => accept('error',
        `Variable '${variable.name}' is already declared in flow '${flow.name}' (line ${lineOf(first)}). Rename or remove one of them.`,
        { node: variable, property: 'name', ...issue(IssueCodes.DuplicateVariable) }));
}

/**
 * Goal and flow names are global to the workspace: duplicates in this document, and names the
 * workspace index also holds from another document. True when some name is also declared elsewhere.
 */
export function checkDocumentNames(root: ChatflowDocument, accept: ValidationAcceptor, index: IndexManager): boolean {
    const uri = AstUtils.getDocument(root).uri;
    const goals = root.elements.filter(isGoal);
    const flows = root.elements.filter(isFlow);
    reportDuplicates(goals, (goal, first) => accept('error',
        `Goal '${goal.name}' is already declared on line ${lineOf(first)}. Goal names are global: remove or rename one.`,
        { node: goal, property: 'name', ...issue(IssueCodes.DuplicateGoal) }));
    reportDuplicates(flows, (flow, first) => accept('error',
        `Flow '${flow.name}' is already defined on line ${lineOf(first)}. Rename one of them.`,
        { node: flow, property: 'name', ...issue(IssueCodes.DuplicateFlow) }));
    const elsewhere = (type: string, names: Set<string>): Map<string, string> => {
        const found = new Map<string, string>();
        if (names.size === 0) return found;
        for (const description of index.allElements(type)) {
            if (names.has(description.name) && !UriUtils.equals(description.documentUri, uri) && !found.has(description.name)) {
                found.set(description.name, UriUtils.basename(description.documentUri));
            }
        }
        return found;
    };
    const goalsElsewhere = elsewhere('Goal', new Set(goals.map(g => g.name)));
    for (const goal of goals) {
        const other = goalsElsewhere.get(goal.name);
        if (other) accept('error', `Goal '${goal.name}' is also declared in ${other}. Goal names are global to the workspace: keep one declaration.`,
            { node: goal, property: 'name', ...issue(IssueCodes.DuplicateGoal) });
    }
    const flowsElsewhere = elsewhere('Flow', new Set(flows.map(f => f.name)));
    for (const flow of flows) {
        const other = flowsElsewhere.get(flow.name);
        if (other) accept('error', `Flow '${flow.name}' is also defined in ${other}, so 'Flow.box' references are ambiguous. Rename one of them.`,
            { node: flow, property: 'name', ...issue(IssueCodes.DuplicateFlow) });
    }
    return goalsElsewhere.size > 0 || flowsElsewhere.size > 0;
}

/** Two buttons with the same label: a user could not tell them apart, and a test could not pick one. */
export function checkChoiceLabels(box: ChoiceBox, accept: ValidationAcceptor): void {
    const seen = new Set<string>();
    for (const option of box.options) {
        if (option.label === undefined) continue;
        if (seen.has(option.label)) {
            accept('error', `Choice '${box.name}' already offers "${option.label}". Give each option its own label.`,
                { node: option, property: 'label', ...issue(IssueCodes.DuplicateChoiceLabel) });
        }
        seen.add(option.label);
    }
}

function reportDuplicates<T extends AstNode & { name: string }>(nodes: T[], report: (duplicate: T, first: T) => void): void {
    const first = new Map<string, T>();
    for (const node of nodes) {
        if (!node.name) continue;
        const earlier = first.get(node.name);
        if (earlier) report(node, earlier); else first.set(node.name, node);
    }
}

function lineOf(node: AstNode): number {
    return (node.$cstNode?.range.start.line ?? 0) + 1;
}
