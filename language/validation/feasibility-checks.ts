import { AstUtils, type ValidationAcceptor } from 'langium';
import { isComparison, isConditionBox, type ConditionBox, type Flow } from '../generated/ast.js';
import { IssueCodes, issue } from './issue-codes.js';
import { infeasibleTransitions } from '../testgen/infeasible-transitions.js';
import { comparisonProblem } from './literal-checks.js';
import type { ValidationRun } from './validation-run.js';

const WHAT_TO_DO = {
    'never-holds': 'Change the condition (or the validation or `set` it contradicts), or remove the branch.',
    'earlier-branch': 'Move it above the branch that wins, narrow that branch, or remove this one.',
    'else-covered': "Turn the last 'when' into the 'else', or change the branches so some chats are left for it."
};

/**
 * Branches and elses no chat can take, given what the variables can hold at the condition (the
 * validations of the inputs that save them, the `set`s and defaults on the way): a warning on
 * the branch saying which values make it impossible. Boxes another problem already covers are
 * left out: unresolved transitions, unreachable boxes, comparisons of the wrong type.
 */
export function checkBranchFeasibility(flow: Flow, run: ValidationRun, accept: ValidationAcceptor): void {
    if (!flow.boxes.some(box => isConditionBox(box) && box.branches.length > 0)) return;
    const facts = run.flow(flow);
    if (facts.incomplete) return;
    for (const found of infeasibleTransitions(facts.graph, run.entriesFromOtherFlows.get(flow) ?? [])) {
        const box = facts.boxes.get(found.box);
        const edge = facts.graph.edges[found.edge];
        if (!isConditionBox(box) || edge.index === undefined || !wellTyped(box)) continue;
        const node = edge.kind === 'else' ? box.elseBranch[edge.index] : box.branches[edge.index];
        if (!node) continue;
        const what = edge.kind === 'else' ? `'else' of '${box.name}'` : `This branch of '${box.name}'`;
        accept('warning', `${what} can never be taken: ${found.reason}. ${WHAT_TO_DO[found.why]}`,
            { node, ...issue(IssueCodes.InfeasibleBranch, { box: box.name, why: found.why }) });
    }
}

function wellTyped(box: ConditionBox): boolean {
    return box.branches.every(branch => !branch.condition || AstUtils.streamAst(branch.condition).filter(isComparison).every(c => !comparisonProblem(c)));
}
