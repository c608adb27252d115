import type { FlowBox, FlowEdge, FlowGraph } from '../../../language/flow-model.js';

/** Lookups over one FlowGraph, built once per graph (drawing 10,000 boxes needs O(1) access). */
export class GraphIndex {
    readonly boxes = new Map<string, FlowBox>();
    private readonly out = new Map<string, FlowEdge[]>();
    private readonly in = new Map<string, FlowEdge[]>();

    constructor(readonly graph: FlowGraph) {
        for (const box of graph.boxes) this.boxes.set(box.id, box);
        for (const edge of graph.edges) {
            push(this.out, edge.from, edge);
            push(this.in, edge.to, edge);
        }
    }

    outgoing(id: string): FlowEdge[] {
        return this.out.get(id) ?? [];
    }

    incoming(id: string): FlowEdge[] {
        return this.in.get(id) ?? [];
    }
}

function push(map: Map<string, FlowEdge[]>, key: string, edge: FlowEdge): void {
    const list = map.get(key);
    if (list) list.push(edge);
    else map.set(key, [edge]);
}
