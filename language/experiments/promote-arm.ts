import { AstUtils, CstUtils, type LangiumDocument } from 'langium';
import { CodeActionKind, type CodeAction, type Range, type TextEdit } from 'vscode-languageserver';
import { boxId } from '../chatflow-names.js';
import { isArmStep, isSplitBox, type Box, type Flow, type SplitArm, type SplitBox } from '../generated/ast.js';
import { forEachTransition } from '../validation/transitions.js';
import { removeBox } from '../validation/fix-edits.js';

/** The client command a promotion runs after its edit: record the concluded experiment in the store. */
export const EXPERIMENT_CONCLUDED_COMMAND = 'chatflow.experimentConcluded';

export interface ExperimentConcludedArgs {
    uri: string;
    /** The split box id, `Flow.box`. */
    split: string;
    winner: string;
}

/**
 * "Promote arm b" on a split box: the split becomes a plain step to the winner's box (a message
 * box without text, so every reference to it still holds and its numbers keep their id), and a
 * second action also removes the boxes only the other arms led to. Both then record the
 * concluded experiment with its numbers (a command the client runs after the edit).
 */
export function promoteArmActions(document: LangiumDocument, range: Range): CodeAction[] {
    const split = splitAt(document, range);
    if (!split?.$cstNode || !split.name) return [];
    const arms = split.arms.filter(arm => arm.name && arm.target?.box?.ref);
    return arms.flatMap(arm => {
        const rewrite = [rewriteAsStep(document, split, arm), ...armStepRemovals(document, split)];
        const orphans = orphanedBy(split, arm);
        const command = { title: 'Record the concluded experiment', command: EXPERIMENT_CONCLUDED_COMMAND, arguments: [{ uri: document.uri.toString(), split: boxId(split), winner: arm.name } satisfies ExperimentConcludedArgs] };
        const actions: CodeAction[] = [{
            title: `Promote arm ${arm.name} (always go to '${arm.target!.box!.$refText}')`,
            kind: CodeActionKind.RefactorRewrite,
            edit: { changes: { [document.uri.toString()]: rewrite } },
            command
        }];
        if (orphans.length > 0) {
            actions.push({
                title: `Promote arm ${arm.name} and remove ${orphans.map(b => `'${b.name}'`).join(', ')}, which only the other arms led to`,
                kind: CodeActionKind.RefactorRewrite,
                edit: { changes: { [document.uri.toString()]: [...rewrite, ...orphans.map(box => removeBox(document, box))] } },
                command
            });
        }
        return actions;
    });
}

function splitAt(document: LangiumDocument, range: Range): SplitBox | undefined {
    const root = document.parseResult.value.$cstNode;
    if (!root) return undefined;
    const leaf = CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(range.start));
    const box = leaf && AstUtils.getContainerOfType(leaf.astNode, isSplitBox);
    return box ?? undefined;
}

/** `message pricing { -> offer_b }`, keeping the split's aliases, goal marks and assignments. */
function rewriteAsStep(document: LangiumDocument, split: SplitBox, arm: SplitArm): TextEdit {
    const text = document.textDocument.getText();
    const cst = split.$cstNode!;
    const indent = /^[ \t]*/.exec(text.slice(text.lastIndexOf('\n', cst.offset - 1) + 1))![0];
    const kept: string[] = [];
    if (split.aliases.length > 0) kept.push(`alias ${split.aliases.map(a => (/^[_a-zA-Z]\w*$/.test(a) ? a : JSON.stringify(a))).join(', ')}`);
    if (split.goals.length > 0) kept.push(`goal ${split.goals.map(g => g.$refText).join(', ')}`);
    for (const assignment of split.assignments) if (assignment.$cstNode) kept.push(assignment.$cstNode.text);
    const body = [...kept, `-> ${arm.target!.box!.$refText}`].map(line => `${indent}    ${line}`).join('\n');
    return {
        range: { start: document.textDocument.positionAt(cst.offset), end: document.textDocument.positionAt(cst.end) },
        newText: `message ${split.name} {\n${body}\n${indent}}`
    };
}

/** The `arm x` steps of the flow's tests that chose an arm of this split: with the split gone they have nothing to choose. */
function armStepRemovals(document: LangiumDocument, split: SplitBox): TextEdit[] {
    const names = new Set(split.arms.map(arm => arm.name));
    const text = document.textDocument.getText();
    return split.$container.tests.flatMap(test => test.steps.filter(step => isArmStep(step) && names.has(step.arm) && step.$cstNode).map(step => {
        const cst = step.$cstNode!;
        const lineStart = text.lastIndexOf('\n', cst.offset - 1) + 1;
        const lineEnd = text.indexOf('\n', cst.end);
        const whole = text.slice(lineStart, cst.offset).trim() === '' && text.slice(cst.end, lineEnd === -1 ? undefined : lineEnd).trim() === '';
        const start = whole ? lineStart : cst.offset;
        const end = whole && lineEnd !== -1 ? lineEnd + 1 : cst.end;
        return { range: { start: document.textDocument.positionAt(start), end: document.textDocument.positionAt(end) }, newText: '' };
    }));
}

/** The flow's own boxes reachable before the promotion and not after: those only the other arms led to. */
function orphanedBy(split: SplitBox, winner: SplitArm): Box[] {
    const flow: Flow = split.$container;
    const start = flow.starts[0]?.box?.ref;
    if (!start) return [];
    const reach = (promoted: boolean): Set<Box> => {
        const seen = new Set<Box>([start]);
        const queue: Box[] = [start];
        while (queue.length > 0) {
            const box = queue.pop()!;
            const visit = (target: Box | undefined) => {
                if (target && !seen.has(target)) {
                    seen.add(target);
                    queue.push(target);
                }
            };
            if (promoted && box === split) visit(winner.target?.box?.ref);
            else forEachTransition(box, ref => visit(ref.box?.ref));
        }
        return seen;
    };
    const before = reach(false);
    const after = reach(true);
    return flow.boxes.filter(box => before.has(box) && !after.has(box));
}
