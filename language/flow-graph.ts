import { GrammarUtils, type AstNode, type CstNode, type LangiumDocument } from 'langium';
import {
    isActionBox, isAnswerStep, isArmStep, isBinaryExpression, isChoiceBox, isChooseStep, isConditionBox,
    isEndBox, isExpectBox, isExpectEnd, isExpectGoal, isExpectVariable, isFlow, isGoal, isHandoffBox, isInputBox,
    isMessageBox, isNotExpression, isOutcomeStep, isRangeValidation, isSplitBox,
    type Box, type BoxRef, type ChatflowDocument, type Expression, type Flow, type InputValidation, type SplitBox, type TestCase, type TestStep
} from './generated/ast.js';
import { trackOf } from './tracking/track-model.js';
import { cstRange, literalValue, rangeOf, uriOf } from './ast-facts.js';
import { boxId } from './chatflow-names.js';
import type {
    BoxKind, ComparisonOperator, ConditionExpr, FlowBox, FlowEdge, FlowGoal, FlowGraph, FlowTest, FlowVariable, SourceRange, SplitSpec, TestStepSpec,
    InputValidation as FlowInputValidation
} from './flow-model.js';

/**
 * Builds the FlowGraph DTO of each flow of a document from its linked AST.
 *
 * Total over partial ASTs: Langium's error recovery leaves any property of a node undefined
 * (`start` without a box, `expect` without what, `when` without a condition), whatever the
 * generated types say. What is missing is left out of the graph; its syntax error is what the
 * user sees, and the rest of the flow still shows.
 */
export class FlowGraphBuilder {

    buildDocument(document: LangiumDocument): FlowGraph[] {
        const root = document.parseResult.value as ChatflowDocument;
        return root.elements.filter(isFlow).map(flow => this.buildFlow(flow));
    }

    /**
     * The graph of one flow: its own boxes plus the boxes of other flows it leads into
     * (transitively), marked `external`, so the simulator can play the whole conversation.
     */
    buildFlow(flow: Flow): FlowGraph {
        const boxes = new Map<string, FlowBox>();
        const edges: FlowEdge[] = [];
        const goals = new Map<string, FlowGoal>();
        const variables = new Map<string, FlowVariable>();
        const queue: Box[] = [...flow.boxes];
        const flowsSeen = new Set<Flow>([flow]);
        this.addVariables(flow, variables);
        this.addDeclaredGoals(flow, goals);
        for (let next = 0; next < queue.length; next++) {
            const box = queue[next];
            const id = boxId(box);
            if (boxes.has(id) || !box.name) continue;
            boxes.set(id, this.box(box, flow));
            for (const goal of box.goals) {
                const ref = goal.ref;
                if (ref && !goals.has(ref.name)) goals.set(ref.name, { name: ref.name, label: ref.label, range: rangeOf(ref) });
            }
            for (const edge of this.edgesOf(box)) {
                edges.push(edge.dto);
                const target = edge.target;
                if (target.$container !== flow && !boxes.has(edge.dto.to)) {
                    queue.push(target);
                    if (!flowsSeen.has(target.$container)) {
                        flowsSeen.add(target.$container);
                        this.addVariables(target.$container, variables);
                    }
                }
            }
        }
        const start = flow.starts[0]?.box?.ref;
        return {
            flow: flow.name ?? '',
            label: flow.label,
            uri: uriOf(flow),
            range: rangeOf(flow),
            start: start ? boxId(start) : undefined,
            boxes: [...boxes.values()],
            edges,
            goals: [...goals.values()],
            variables: [...variables.values()],
            tests: flow.tests.map(test => this.test(test)),
            ...(flow.tracks.length > 0 ? { tracks: flow.tracks.map(track => trackOf(track)) } : {})
        };
    }

    private addVariables(flow: Flow, into: Map<string, FlowVariable>): void {
        const savedSensitive = sensitiveSaves(flow);
        for (const variable of flow.variables) {
            if (!variable.name || into.has(variable.name)) continue;
            into.set(variable.name, {
                name: variable.name,
                type: (variable.type ?? 'text') as FlowVariable['type'],
                sensitive: variable.sensitive || savedSensitive.has(variable.name),
                default: variable.default?.value !== undefined ? literalValue(variable.default) : undefined,
                range: rangeOf(variable)
            });
        }
    }

    /** Goals declared in the flow's own document, so a goal no box marks still shows. */
    private addDeclaredGoals(flow: Flow, into: Map<string, FlowGoal>): void {
        for (const element of flow.$container.elements) {
            if (isGoal(element) && element.name) {
                into.set(element.name, { name: element.name, label: element.label, range: rangeOf(element) });
            }
        }
    }

    private box(box: Box, flow: Flow): FlowBox {
        const dto: FlowBox = {
            id: boxId(box),
            name: box.name,
            flow: box.$container.name ?? '',
            kind: kindOf(box),
            label: box.name,
            text: box.text,
            goals: box.goals.map(g => g.ref?.name ?? g.$refText),
            aliases: [...box.aliases],
            assignments: box.assignments
                .filter(a => a.variable?.ref && a.value?.value !== undefined)
                .map(a => ({ variable: a.variable.ref!.name, value: literalValue(a.value) })),
            range: rangeOf(box),
            nameRange: nameRangeOf(box)
        };
        if (box.$container !== flow) dto.external = true;
        if (isInputBox(box)) {
            const variable = box.save[0]?.ref;
            const validation = box.validation[0];
            dto.input = {
                variable: variable?.name,
                type: (variable?.type ?? 'text') as FlowVariable['type'],
                sensitive: box.sensitive || (variable?.sensitive ?? false),
                validation: inputValidation(validation),
                retry: box.retry[0]
            };
        } else if (isActionBox(box)) {
            dto.call = box.call[0];
        } else if (isHandoffBox(box)) {
            dto.queue = box.queue[0];
        } else if (isSplitBox(box)) {
            dto.split = splitSpec(box);
        }
        return dto;
    }

    private edgesOf(box: Box): Array<{ dto: FlowEdge; target: Box }> {
        const from = boxId(box);
        const result: Array<{ dto: FlowEdge; target: Box }> = [];
        const add = (ref: BoxRef, kind: FlowEdge['kind'], label: string | undefined, node: AstNode, condition?: ConditionExpr, weight?: number) => {
            const target = ref?.box?.ref;
            if (!target || !target.name) return;
            const to = boxId(target);
            const dto: FlowEdge = { id: `${from}:${kind}:${label ?? to}`, from, to, kind, label, condition, range: rangeOf(node) };
            if (weight !== undefined) dto.weight = weight;
            result.push({ target, dto });
        };
        if (isMessageBox(box) || isInputBox(box)) {
            for (const next of box.next) add(next, 'next', undefined, next);
        } else if (isChoiceBox(box)) {
            for (const option of box.options) add(option.target, 'choice', option.label, option);
        } else if (isConditionBox(box)) {
            for (const branch of box.branches) {
                // A `when` without a condition never holds: its edge is drawn, never taken.
                const text = branch.condition?.$cstNode?.text ?? '';
                add(branch.target, 'branch', text, branch, branch.condition ? condition(branch.condition) : undefined);
            }
            for (const other of box.elseBranch) add(other.target, 'else', 'else', other);
        } else if (isActionBox(box)) {
            for (const outcome of box.outcomes) add(outcome.target, 'outcome', outcome.name, outcome);
        } else if (isSplitBox(box)) {
            for (const arm of box.arms) if (arm.name) add(arm.target, 'arm', arm.name, arm, undefined, arm.weight);
        }
        return result;
    }

    private test(test: TestCase): FlowTest {
        const from = test.from?.box?.ref;
        return {
            name: test.name ?? '',
            from: from ? boxId(from) : undefined,
            range: rangeOf(test),
            // A step the parser could not complete (`expect` alone) is left out: tests of a document with errors are not run.
            steps: test.steps.flatMap(step => testStep(step) ?? [])
        };
    }
}

function testStep(step: TestStep): TestStepSpec | undefined {
    const range = rangeOf(step);
    if (isChooseStep(step)) return step.label === undefined ? undefined : { kind: 'choose', label: step.label, range };
    if (isAnswerStep(step)) return step.value?.value === undefined ? undefined : { kind: 'answer', value: literalValue(step.value), range };
    if (isOutcomeStep(step)) return step.outcome === undefined ? undefined : { kind: 'outcome', outcome: step.outcome, range };
    if (isArmStep(step)) return step.arm === undefined ? undefined : { kind: 'arm', arm: step.arm, range };
    if (isExpectBox(step)) {
        const ref = step.box?.box;
        if (!ref) return undefined;
        return { kind: 'expectBox', box: ref.ref ? boxId(ref.ref) : ref.$refText, range };
    }
    if (isExpectGoal(step)) return step.goal ? { kind: 'expectGoal', goal: step.goal.ref?.name ?? step.goal.$refText, range } : undefined;
    if (isExpectEnd(step)) return { kind: 'expectEnd', range };
    if (isExpectVariable(step)) {
        if (!step.variable || step.value?.value === undefined) return undefined;
        return { kind: 'expectVariable', variable: step.variable.ref?.name ?? step.variable.$refText, value: literalValue(step.value), range };
    }
    return undefined; // `expect` with nothing after it: the parser could not tell which step it is.
}

/** A missing operand (`when s and`) is a comparison of no variable: it never holds. */
export function condition(expression: Expression | undefined): ConditionExpr {
    if (isBinaryExpression(expression)) {
        return { op: expression.operator, left: condition(expression.left), right: condition(expression.right) };
    }
    if (isNotExpression(expression)) {
        return { op: 'not', operand: condition(expression.operand) };
    }
    if (!expression) return { op: 'compare', variable: '' };
    return {
        op: 'compare',
        variable: expression.variable?.ref?.name ?? expression.variable?.$refText ?? '',
        operator: expression.operator as ComparisonOperator | undefined,
        value: expression.value?.value !== undefined ? literalValue(expression.value) : undefined
    };
}


/** A split's experiment: what it measures, its arms (those the parser completed), where it stops. */
function splitSpec(box: SplitBox): SplitSpec {
    const measure = box.measure[0];
    const spec: SplitSpec = {
        measure: measure ? measure.ref?.name ?? measure.$refText : undefined,
        arms: box.arms.flatMap(arm => {
            const target = arm.target?.box?.ref;
            return arm.name && typeof arm.weight === 'number' && target?.name ? [{ name: arm.name, weight: arm.weight, to: boxId(target) }] : [];
        })
    };
    if (typeof box.stopAt[0] === 'number') spec.stopAt = box.stopAt[0];
    return spec;
}

/** An input's validation, or none when the parser left it incomplete (`between 1 and`, `matches`). */
function inputValidation(validation: InputValidation | undefined): FlowInputValidation | undefined {
    if (isRangeValidation(validation)) {
        return typeof validation.min === 'number' && typeof validation.max === 'number'
            ? { kind: 'range', min: validation.min, max: validation.max } : undefined;
    }
    return validation?.pattern !== undefined ? { kind: 'pattern', pattern: validation.pattern } : undefined;
}

export function kindOf(box: Box): BoxKind {
    if (isMessageBox(box)) return 'message';
    if (isChoiceBox(box)) return 'choice';
    if (isInputBox(box)) return 'input';
    if (isConditionBox(box)) return 'condition';
    if (isActionBox(box)) return 'action';
    if (isHandoffBox(box)) return 'handoff';
    if (isEndBox(box)) return 'end';
    if (isSplitBox(box)) return 'split';
    throw new Error('Unknown box kind');
}

/** Variables saved by an input marked sensitive: they are sensitive too. */
function sensitiveSaves(flow: Flow): Set<string> {
    const names = new Set<string>();
    for (const box of flow.boxes) {
        if (isInputBox(box) && box.sensitive) box.save.forEach(s => names.add(s.$refText));
    }
    return names;
}



function nameRangeOf(box: Box): SourceRange {
    const nameNode = box.$cstNode ? findName(box) : undefined;
    return cstRange(nameNode ?? box.$cstNode, uriOf(box));
}

function findName(box: Box): CstNode | undefined {
    return GrammarUtils.findNodeForProperty(box.$cstNode, 'name');
}

