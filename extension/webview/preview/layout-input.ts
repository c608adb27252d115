import type { FlowGraph } from '../../../language/flow-model.js';
import { BOX_WIDTH, boxHeight, edgeLabelText, hasOrderedExits, LABEL_HEIGHT, LABEL_PADDING } from './box-metrics.js';
import type { Direction, LayoutBox, LayoutEdge, LayoutInput } from './layout-types.js';
import type { TextMeasurer } from './text-metrics.js';

/** The geometry-only view of a flow that the layout worker needs. */
export function layoutInput(graph: FlowGraph, direction: Direction, labels: TextMeasurer): LayoutInput {
    const known = new Set(graph.boxes.map(b => b.id));
    const edges: LayoutEdge[] = [];
    const exits = new Map<string, string[]>();
    for (const edge of graph.edges) {
        // An edge into a box the graph does not carry (a broken reference) cannot be laid out.
        if (!known.has(edge.from) || !known.has(edge.to)) continue;
        const text = edgeLabelText(edge);
        const layoutEdge: LayoutEdge = { id: edge.id, from: edge.from, to: edge.to };
        if (text) layoutEdge.label = { text, width: Math.ceil(labels.width(text)) + LABEL_PADDING, height: LABEL_HEIGHT };
        edges.push(layoutEdge);
        const list = exits.get(edge.from) ?? [];
        list.push(edge.id);
        exits.set(edge.from, list);
    }
    const boxes: LayoutBox[] = graph.boxes.map(box => {
        const layoutBox: LayoutBox = { id: box.id, width: BOX_WIDTH, height: boxHeight(box) };
        const ports = exits.get(box.id);
        if (hasOrderedExits(box.kind) && ports && ports.length > 1) layoutBox.ports = ports;
        return layoutBox;
    });
    return { direction, boxes, edges };
}

/** Two inputs with the same key lay out identically (texts inside boxes do not matter). */
export function layoutKey(input: LayoutInput): string {
    return JSON.stringify(input);
}
