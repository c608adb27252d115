import type { ValidationAcceptor } from 'langium';
import { isArmStep, type Flow, type SplitBox } from '../generated/ast.js';
import { boxId } from '../chatflow-names.js';
import { closestName, didYouMean } from './did-you-mean.js';
import { IssueCodes, issue } from './issue-codes.js';
import type { FlowFacts } from './validation-run.js';

const MIN_ARMS = 2;
const MAX_ARMS = 4;

/** What one split box says by itself: 2–4 arms with distinct names, weights adding up to 100, a measured goal. */
export function checkSplit(box: SplitBox, accept: ValidationAcceptor): void {
    const arms = box.arms.filter(arm => arm.name);
    if (arms.length < MIN_ARMS) {
        accept('error', `Split '${box.name}' has ${arms.length} arm${arms.length === 1 ? '' : 's'}; an experiment needs ${MIN_ARMS} to ${MAX_ARMS}. Add e.g. 'arm b 50 -> other_box'.`,
            { node: box, property: 'name', ...issue(IssueCodes.SplitArmCount) });
    }
    arms.slice(MAX_ARMS).forEach(arm => accept('error', `Split '${box.name}' has ${arms.length} arms; at most ${MAX_ARMS} (each arm needs its share of the chats to decide).`,
        { node: arm, property: 'name', ...issue(IssueCodes.SplitArmCount) }));
    const seen = new Set<string>();
    for (const arm of arms) {
        if (seen.has(arm.name)) accept('error', `Split '${box.name}' already has an arm '${arm.name}'. Give each arm its own name.`, { node: arm, property: 'name', ...issue(IssueCodes.DuplicateArm) });
        seen.add(arm.name);
    }
    const weights = arms.map(arm => arm.weight);
    if (arms.length > 0 && weights.every(weight => typeof weight === 'number')) {
        const total = weights.reduce((sum, weight) => sum + weight, 0);
        if (Math.abs(total - 100) > 1e-9) {
            const last = arms[arms.length - 1];
            const fitting = 100 - (total - last.weight);
            const shown = weights.join(' + ');
            accept('error', `The weights of split '${box.name}' add up to ${round(total)} (${shown}), not 100: they are the percent of chats each arm gets.${fitting > 0 ? ` Make the last one ${round(fitting)}.` : ''}`,
                { node: last, property: 'weight', ...issue(IssueCodes.SplitWeights, fitting > 0 ? { suggestion: String(round(fitting)) } : {}) });
        }
    }
    if (box.measure.length === 0) {
        accept('warning', `Split '${box.name}' measures no goal: add 'measure <goal>' with the goal the experiment decides on.`,
            { node: box, property: 'name', ...issue(IssueCodes.MissingMeasure) });
    }
}

/**
 * What a split means in its flow: its measured goal must be reachable from some arm, and each
 * arm's box reached only through the split (else chats that never took the arm count for it).
 */
export function checkSplitsInFlow(flow: Flow, facts: FlowFacts, accept: ValidationAcceptor): void {
    const splits = flow.boxes.filter((box): box is SplitBox => box.$type === 'SplitBox' && Boolean(box.name));
    if (splits.length === 0) return;
    const next = new Map<string, string[]>();
    for (const edge of facts.graph.edges) next.set(edge.from, [...(next.get(edge.from) ?? []), edge.to]);
    const goalsOf = new Map(facts.graph.boxes.map(box => [box.id, box.goals]));
    for (const split of splits) {
        const id = boxId(split);
        const armTargets = split.arms.map(arm => ({ arm, target: arm.target?.box?.ref })).filter(a => a.arm.name && a.target?.name);
        const measure = split.measure[0]?.ref?.name;
        if (measure && armTargets.length > 0) {
            const reached = reachable(armTargets.map(a => boxId(a.target!)), next);
            if (![...reached].some(box => goalsOf.get(box)?.includes(measure))) {
                accept('warning', `No arm of split '${split.name}' can reach a box marking '${measure}': the experiment could never see a conversion. Measure a goal the arms lead to.`,
                    { node: split, property: 'measure', ...issue(IssueCodes.UnreachableMeasure) });
            }
        }
        const start = facts.graph.start;
        if (!start) continue;
        // The flow without the split's own arms: what its arm boxes can be reached by otherwise.
        const around = new Map([...next].map(([from, tos]) => [from, from === id ? [] : tos]));
        const elsewhere = reachable([start], around);
        for (const { arm, target } of armTargets) {
            const to = boxId(target!);
            const shared = armTargets.some(other => other.arm !== arm && other.target === target);
            if (elsewhere.has(to) || shared) {
                accept('warning', `Box '${target!.name}' of arm '${arm.name}' is also reached ${shared ? 'by another arm' : 'without passing split \'' + split.name + '\''}: chats that did not take the arm would count for it. Lead to it only from this arm.`,
                    { node: arm, property: 'target', ...issue(IssueCodes.ContaminatedArm) });
            }
        }
    }
}

/** A test step `arm x` must name an arm of one of the flow's splits. */
export function checkArmSteps(flow: Flow, accept: ValidationAcceptor): void {
    const arms = new Set(flow.boxes.flatMap(box => (box.$type === 'SplitBox' ? box.arms.map(arm => arm.name).filter(Boolean) : [])));
    for (const test of flow.tests) {
        for (const step of test.steps) {
            if (!isArmStep(step) || step.arm === undefined || arms.has(step.arm)) continue;
            const suggestion = closestName(step.arm, arms);
            accept('error', arms.size === 0
                ? `Flow '${flow.name}' has no split, so 'arm ${step.arm}' has nothing to choose.`
                : `No split of flow '${flow.name}' has an arm '${step.arm}'.${didYouMean(suggestion)}`,
            { node: step, property: 'arm', ...issue(IssueCodes.UnknownArm, suggestion ? { suggestion } : {}) });
        }
    }
}

function reachable(from: readonly string[], next: ReadonlyMap<string, readonly string[]>): Set<string> {
    const seen = new Set(from);
    const queue = [...from];
    while (queue.length > 0) {
        for (const to of next.get(queue.pop()!) ?? []) {
            if (!seen.has(to)) {
                seen.add(to);
                queue.push(to);
            }
        }
    }
    return seen;
}

function round(value: number): number {
    return Math.round(value * 1000) / 1000;
}
