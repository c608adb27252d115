import type { ElkExtendedEdge, ElkNode, ElkPort, LayoutOptions } from 'elkjs/lib/elk-api.js';
import type { LaidOutEdge, LayoutInput, LayoutResult, Rect } from './layout-types.js';

/**
 * LayoutInput <-> ELK JSON. Used by the layout worker, and by bench/layout to run raw elkjs on
 * exactly the same ELK graph.
 */

/** Layered layout, top-down or left-right; edge labels become dummy nodes so they never sit on a box. */
export function layoutOptions(input: LayoutInput): LayoutOptions {
    return {
        'elk.algorithm': 'layered',
        'elk.direction': input.direction,
        'elk.edgeRouting': 'ORTHOGONAL',
        'elk.spacing.nodeNode': '36',
        'elk.spacing.edgeNode': '16',
        'elk.spacing.edgeEdge': '10',
        'elk.spacing.edgeLabel': '4',
        'elk.layered.spacing.nodeNodeBetweenLayers': '44',
        'elk.layered.spacing.edgeNodeBetweenLayers': '16',
        'elk.layered.spacing.edgeEdgeBetweenLayers': '10',
        'elk.edgeLabels.placement': 'CENTER',
        'elk.layered.edgeLabels.sideSelection': 'SMART_DOWN',
        'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
        'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
        // Fewer crossing-minimisation sweeps on big graphs: same quality class, much faster.
        'elk.layered.thoroughness': input.boxes.length > 500 ? '2' : '7',
        'elk.padding': '[top=24,left=24,bottom=24,right=24]'
    };
}

export function toElkGraph(input: LayoutInput): ElkNode {
    const side = input.direction === 'DOWN' ? 'SOUTH' : 'EAST';
    const portOf = new Map<string, string>();
    const children: ElkNode[] = input.boxes.map(box => {
        const node: ElkNode = { id: box.id, width: box.width, height: box.height };
        if (box.ports && box.ports.length > 1) {
            const count = box.ports.length;
            // ELK orders fixed ports clockwise: on the south side that is right to left.
            node.ports = box.ports.map((edgeId, i): ElkPort => {
                const id = `${edgeId}#out`;
                portOf.set(edgeId, id);
                const index = side === 'SOUTH' ? count - 1 - i : i;
                return { id, width: 2, height: 2, layoutOptions: { 'elk.port.side': side, 'elk.port.index': String(index) } };
            });
            node.layoutOptions = { 'elk.portConstraints': 'FIXED_ORDER' };
        }
        return node;
    });
    const edges: ElkExtendedEdge[] = input.edges.map(edge => {
        const elkEdge: ElkExtendedEdge = { id: edge.id, sources: [portOf.get(edge.id) ?? edge.from], targets: [edge.to] };
        if (edge.label) elkEdge.labels = [{ text: edge.label.text, width: edge.label.width, height: edge.label.height }];
        return elkEdge;
    });
    return { id: 'root', layoutOptions: layoutOptions(input), children, edges };
}

/** Reads positions back: every coordinate is relative to the root, since the graph is flat. */
export function fromElkGraph(laidOut: ElkNode, elkMs: number): LayoutResult {
    const boxes: Record<string, Rect> = {};
    for (const node of laidOut.children ?? []) {
        boxes[node.id] = [node.x ?? 0, node.y ?? 0, node.width ?? 0, node.height ?? 0];
    }
    const edges: Record<string, LaidOutEdge> = {};
    for (const edge of (laidOut.edges ?? []) as ElkExtendedEdge[]) {
        const points: number[] = [];
        for (const section of edge.sections ?? []) {
            const all = [section.startPoint, ...(section.bendPoints ?? []), section.endPoint];
            for (const p of all) {
                const n = points.length;
                if (n >= 2 && points[n - 2] === p.x && points[n - 1] === p.y) continue;
                points.push(p.x, p.y);
            }
        }
        const label = edge.labels?.[0];
        edges[edge.id] = label ? { points, label: [label.x ?? 0, label.y ?? 0, label.width ?? 0, label.height ?? 0] } : { points };
    }
    return { width: laidOut.width ?? 0, height: laidOut.height ?? 0, boxes, edges, elkMs };
}
