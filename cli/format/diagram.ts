import type { FlowBox, FlowEdge, FlowGraph } from '../../language/flow-model.js';

/**
 * What DOT and Mermaid draw: the boxes and edges of one or more FlowGraphs, merged by id (a box
 * external to one flow is the own box of another), grouped by the flow that owns each box.
 */
export interface Diagram {
    /** Flow name -> its boxes, in source order; the flows in the order they were given. */
    groups: Map<string, FlowBox[]>;
    edges: FlowEdge[];
    /** Start box ids of the flows drawn. */
    starts: string[];
}

export function toDiagram(graphs: readonly FlowGraph[]): Diagram {
    const boxes = new Map<string, FlowBox>();
    const edges = new Map<string, FlowEdge>();
    for (const graph of graphs) {
        for (const box of graph.boxes) {
            const known = boxes.get(box.id);
            if (!known || (known.external && !box.external)) boxes.set(box.id, box);
        }
        for (const edge of graph.edges) edges.set(edge.id, edge);
    }
    const groups = new Map<string, FlowBox[]>();
    for (const graph of graphs) groups.set(graph.flow, []);
    for (const box of boxes.values()) {
        const group = groups.get(box.flow) ?? [];
        group.push(box);
        groups.set(box.flow, group);
    }
    const starts = graphs.map(g => g.start).filter((s): s is string => s !== undefined && boxes.has(s));
    return { groups, edges: [...edges.values()], starts };
}

/** The text shown in a box: its name, a short form of its display text, and its goal marks. */
export function boxLines(box: FlowBox): string[] {
    // Boxes of other flows are drawn inside a cluster named after their flow, so the name suffices.
    const lines = [box.name];
    if (box.text) lines.push(shorten(box.text, 48));
    if (box.kind === 'action' && box.call) lines.push(`call ${box.call}`);
    for (const goal of box.goals) lines.push(`★ ${goal}`);
    return lines;
}

function shorten(text: string, max: number): string {
    return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
