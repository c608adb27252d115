import { isInputBox, type Box, type Flow } from '../generated/ast.js';
import type { AnalysisGraph } from '../flow-analysis.js';
import type { BoxKind, EdgeKind } from '../flow-model.js';
import { boxId } from '../chatflow-names.js';
import { forEachTransition } from './transitions.js';

/** An AnalysisGraph with edge kinds and labels (choice texts, outcome names), for the test checks. */
export interface ValidationGraph extends AnalysisGraph {
    boxes: Array<AnalysisGraph['boxes'][number]>;
    edges: Array<{ from: string; to: string; kind: EdgeKind; label?: string }>;
    variables: Array<AnalysisGraph['variables'][number]>;
}

const EDGE_KINDS: Record<Box['$type'], EdgeKind> = {
    MessageBox: 'next', ChoiceBox: 'choice', InputBox: 'next', ConditionBox: 'branch',
    ActionBox: 'outcome', HandoffBox: 'next', EndBox: 'next'
};

const KINDS: Record<Box['$type'], BoxKind> = {
    MessageBox: 'message', ChoiceBox: 'choice', InputBox: 'input', ConditionBox: 'condition',
    ActionBox: 'action', HandoffBox: 'handoff', EndBox: 'end'
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
        const assignments: Array<{ variable: string }> = [];
        for (const a of box.assignments) if (a.variable?.ref) assignments.push({ variable: a.variable.ref.name });
        graph.boxes.push({
            id,
            kind: KINDS[box.$type],
            goals: box.goals.map(g => g.ref?.name ?? g.$refText),
            assignments,
            input: isInputBox(box) ? { variable: box.save[0]?.ref?.name } : undefined
        });
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
        graph.variables.push({ name: variable.name, default: variable.default });
    }
}
