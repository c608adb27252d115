import { AstUtils, type ValidationAcceptor } from 'langium';
import { isGoal, type Box, type ChatflowDocument, type Flow } from '../generated/ast.js';
import { IssueCodes, issue } from './issue-codes.js';
import { transitions, type ValidationRun } from './validation-run.js';

const WAY_ON: Record<string, string> = {
    MessageBox: "add '-> <box>'",
    InputBox: "add '-> <box>' after the answer",
    ChoiceBox: "add an option '\"Label\" -> <box>'",
    ConditionBox: "add 'when <condition> -> <box>' and 'else -> <box>'",
    ActionBox: "add an outcome 'on <name> -> <box>'"
};

/** Dead ends, unreachable boxes and loops no chat can leave, from one analysis of the flow's graph. */
export function checkFlowGraph(flow: Flow, run: ValidationRun, accept: ValidationAcceptor): void {
    const facts = run.flow(flow);
    for (const id of facts.analysis.deadEnds) {
        const box = facts.boxes.get(id);
        // A box whose transitions do not resolve already has a linking error there.
        if (!box || transitions(box).length > 0) continue;
        accept('error', `Box '${box.name}' is a dead end: the chat stops here without an end. ${capitalize(WAY_ON[box.$type] ?? '')}, or make it an 'end' or 'handoff' box.`,
            { node: box, property: 'name', ...issue(IssueCodes.DeadEnd) });
    }
    if (facts.incomplete) return;
    const start = flow.starts[0]?.box?.$refText;
    for (const [id, box] of facts.boxes) {
        if (!facts.analysis.reachable.has(id)) {
            run.dependsOnOtherDocuments = true;
            accept('warning', `Box '${box.name}' cannot be reached from start '${start}'. Lead to it from another box, or remove it.`,
                { node: box, property: 'name', ...issue(IssueCodes.UnreachableBox, { box: box.name }) });
        }
    }
    for (const loop of facts.analysis.trappedLoops) {
        const own = loop.map(id => facts.boxes.get(id)).filter((b): b is Box => b !== undefined);
        if (own.length === 0) continue;
        const names = loop.map(id => id.slice(id.indexOf('.') + 1));
        const shown = names.length > 6 ? [...names.slice(0, 6), '...'] : names;
        accept('warning', `Boxes ${shown.map(n => `'${n}'`).join(', ')} form a loop no chat can leave. Add a way out, e.g. an option that leads to an end box.`,
            { node: own[0], property: 'name', ...issue(IssueCodes.TrappedLoop, { boxes: names }) });
    }
}

/**
 * Goals of this document that no box in the loaded workspace marks, and goals whose every mark is
 * on a box no chat can reach (judged only when all marks are in this document, whose flows were analysed).
 */
export function checkGoals(root: ChatflowDocument, run: ValidationRun, accept: ValidationAcceptor): void {
    for (const goal of root.elements.filter(isGoal)) {
        if (goal.name && !run.goalMarks.has(goal.name)) {
            accept('warning', `Goal '${goal.name}' is marked by no box, so it can never convert. Add 'goal ${goal.name}' to the box that achieves it, or remove the goal.`,
                { node: goal, property: 'name', ...issue(IssueCodes.UnmarkedGoal) });
        }
    }
    for (const [name, boxes] of run.goalMarks) {
        if (!boxes.every(box => AstUtils.findRootNode(box) === root)) continue;
        const unreachable = boxes.every(box => {
            const facts = run.flow(box.$container);
            return !facts.incomplete && !facts.analysis.reachable.has(`${box.$container.name}.${box.name}`);
        });
        if (!unreachable) continue;
        for (const box of boxes) {
            const index = box.goals.findIndex(g => g.$refText === name);
            if (!box.goals[index].ref) continue;
            accept('warning', `Goal '${name}' is marked only on boxes no chat can reach from start (${boxes.map(b => `'${b.name}'`).join(', ')}), so it can never convert.`,
                { node: box, property: 'goals', index, ...issue(IssueCodes.UnreachableGoal) });
        }
    }
}

function capitalize(text: string): string {
    return text.charAt(0).toUpperCase() + text.slice(1);
}
