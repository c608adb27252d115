import type { FlowBox, FlowGraph } from '../../../language/flow-model.js';
import type { GraphIndex } from './graph-index.js';

/** The one line shown under a box's name: its text, or what the box does when it has none. */
export function boxExcerpt(box: FlowBox, index: GraphIndex): { text: string; fallback: boolean } {
    if (box.text) return { text: box.text.replace(/\s+/g, ' ').trim(), fallback: false };
    if (box.external) return { text: `in flow ${box.flow}`, fallback: true };
    if (box.call) return { text: `calls ${box.call}`, fallback: true };
    if (box.queue) return { text: `queue ${box.queue}`, fallback: true };
    if (box.assignments.length > 0) {
        return { text: box.assignments.map(a => `${a.variable} = ${JSON.stringify(a.value)}`).join(', '), fallback: true };
    }
    if (box.kind === 'condition') {
        const branches = index.outgoing(box.id).map(e => (e.kind === 'else' ? 'else' : e.label ?? '?'));
        return { text: branches.join(' · '), fallback: true };
    }
    return { text: '', fallback: true };
}

/** Boxes in reading order: breadth-first from the start, then the unreachable ones in file order. */
export function readingOrder(index: GraphIndex): FlowBox[] {
    const graph: FlowGraph = index.graph;
    const byId = index.boxes;
    const seen = new Set<string>();
    const order: FlowBox[] = [];
    const queue: string[] = graph.start && byId.has(graph.start) ? [graph.start] : [];
    for (let i = 0; i < queue.length; i++) {
        const id = queue[i];
        if (seen.has(id)) continue;
        seen.add(id);
        order.push(byId.get(id)!);
        for (const edge of index.outgoing(id)) if (!seen.has(edge.to) && byId.has(edge.to)) queue.push(edge.to);
    }
    for (const box of graph.boxes) if (!seen.has(box.id)) order.push(box);
    return order;
}
