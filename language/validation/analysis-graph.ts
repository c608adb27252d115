import { isBinaryExpression, isConditionBox, isInputBox, isNotExpression, isRangeValidation, type Box, type Expression, type Flow, type InputBox } from '../generated/ast.js';
import type { AnalysisGraph } from '../flow-analysis.js';
import type { BoxKind, ConditionExpr, EdgeKind, InputValidation, LiteralValue, VariableType } from '../flow-model.js';
import { boxId } from '../chatflow-names.js';
import { literalValue } from '../ast-facts.js';
import { condition } from '../flow-graph.js';
import type { FeasibilityGraph } from '../testgen/value-sources.js';
import { forEachTransition } from './transitions.js';

/**
 * An AnalysisGraph with edge kinds and labels (choice texts, outcome names), for the test checks,
 * and with what the feasibility check reads: assigned values, input types and validations, branch
 * conditions (`index`: the branch's place among its box's `when`s, or among its `else`s).
 */
export interface ValidationGraph extends AnalysisGraph, FeasibilityGraph {
    boxes: Array<{
        id: string; kind: BoxKind; goals: string[];
        assignments: Array<{ variable: string; value?: LiteralValue }>;
        input?: { variable?: string; type?: VariableType; validation?: InputValidation };
    }>;
    edges: Array<{ from: string; to: string; kind: EdgeKind; label?: string; condition?: ConditionExpr; index?: number }>;
    variables: Array<{ name: string; type?: VariableType; default?: LiteralValue }>;
}

const EDGE_KINDS: Record<Box['$type'], EdgeKind> = {
    MessageBox: 'next', ChoiceBox: 'choice', InputBox: 'next', ConditionBox: 'branch',
    ActionBox: 'outcome', HandoffBox: 'next', EndBox: 'next', SplitBox: 'arm'
};

const KINDS: Record<Box['$type'], BoxKind> = {
    MessageBox: 'message', ChoiceBox: 'choice', InputBox: 'input', ConditionBox: 'condition',
    ActionBox: 'action', HandoffBox: 'handoff', EndBox: 'end', SplitBox: 'split'
};

/**
 * The same boxes and edges as FlowGraphBuilder.buildFlow (the flow's boxes, then boxes of other
 * flows it leads into), without source ranges or texts: validation runs on every keystroke, and
 * computing ranges for 10,000 boxes would cost more than the whole analysis.
 */
export function buildValidationGraph(flow: Flow): { graph: ValidationGraph; boxes: Map<string, Box>; unresolved: boolean } {
    const graph: ValidationGraph = { start: undefined, boxes: [], edges: [], variables: [] };
    /** The flow's own boxes by id; with duplicate names, the first (the one references resolve to). */
    const boxes = new Map<string, Box>();
    let unresolved = false;
    const seen = new Set<string>();
    const flows = new Set<Flow>();
    const queue: Box[] = [...flow.boxes];
    addVariables(flow, graph, flows);
    for (let head = 0; head < queue.length; head++) {
        const box = queue[head];
        if (!box.name) continue;
        const id = boxId(box);
        if (seen.has(id)) continue;
        seen.add(id);
        const own = box.$container === flow;
        if (own) boxes.set(id, box);
        const assignments: ValidationGraph['boxes'][number]['assignments'] = [];
        for (const a of box.assignments) if (a.variable?.ref) assignments.push({ variable: a.variable.ref.name, value: a.value ? literalValue(a.value) : undefined });
        graph.boxes.push({
            id,
            kind: KINDS[box.$type],
            goals: box.goals.map(g => g.ref?.name ?? g.$refText),
            assignments,
            input: isInputBox(box) ? inputOf(box) : undefined
        });
        if (isConditionBox(box)) {
            // Branches keep their conditions and order, elses their own kind: what the feasibility check reads.
            const add = (target: Box | undefined, kind: EdgeKind, index: number, when?: ConditionExpr) => {
                if (!target?.name) {
                    if (own) unresolved = true;
                    return;
                }
                graph.edges.push({ from: id, to: boxId(target), kind, index, ...(when ? { condition: when } : {}) });
                if (target.$container !== flow) {
                    queue.push(target);
                    addVariables(target.$container, graph, flows);
                }
            };
            box.branches.forEach((branch, i) => add(branch.target?.box?.ref, 'branch', i, conditionOf(branch.condition)));
            box.elseBranch.forEach((other, i) => add(other.target?.box?.ref, 'else', i));
            continue;
        }
        const kind = EDGE_KINDS[box.$type];
        forEachTransition(box, (ref, label) => {
            const target = ref.box?.ref;
            if (!target?.name) {
                if (own) unresolved = true;
                return;
            }
            graph.edges.push({ from: id, to: boxId(target), kind, label });
            if (target.$container !== flow) {
                queue.push(target);
                addVariables(target.$container, graph, flows);
            }
        });
    }
    const start = flow.starts[0]?.box?.ref;
    graph.start = start?.name ? boxId(start) : undefined;
    return { graph, boxes, unresolved };
}

function addVariables(flow: Flow, graph: ValidationGraph, flows: Set<Flow>): void {
    if (flows.has(flow)) return;
    flows.add(flow);
    const known = new Set(graph.variables.map(v => v.name));
    for (const variable of flow.variables) {
        if (!variable.name || known.has(variable.name)) continue;
        known.add(variable.name);
        graph.variables.push({ name: variable.name, type: variable.type as VariableType, default: variable.default ? literalValue(variable.default) : undefined });
    }
}

/** The branch's condition; none while it is half-typed (a comparison without its variable yet). */
function conditionOf(expression: Expression | undefined): ConditionExpr | undefined {
    if (!expression || !complete(expression)) return undefined;
    return condition(expression);
}

function complete(expression: Expression): boolean {
    if (isBinaryExpression(expression)) return !!expression.left && !!expression.right && complete(expression.left) && complete(expression.right);
    if (isNotExpression(expression)) return !!expression.operand && complete(expression.operand);
    return !!(expression as { variable?: unknown }).variable;
}

function inputOf(box: InputBox): ValidationGraph['boxes'][number]['input'] {
    const variable = box.save[0]?.ref;
    const validation = box.validation[0];
    return {
        variable: variable?.name,
        type: (variable?.type ?? 'text') as VariableType,
        validation: validation === undefined ? undefined
            : isRangeValidation(validation) ? { kind: 'range', min: validation.min, max: validation.max } : { kind: 'pattern', pattern: validation.pattern }
    };
}
