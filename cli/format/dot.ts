import type { BoxKind, FlowBox, FlowGraph } from '../../language/flow-model.js';
import { boxLines, toDiagram } from './diagram.js';

const SHAPES: Record<BoxKind, string> = {
    message: 'shape=box, style="rounded"',
    choice: 'shape=hexagon',
    input: 'shape=parallelogram',
    condition: 'shape=diamond',
    action: 'shape=component',
    handoff: 'shape=house',
    end: 'shape=doubleoctagon',
    split: 'shape=trapezium'
};

/** Graphviz DOT: one digraph; when boxes of several flows are drawn, each flow is a cluster. */
export function toDot(graphs: readonly FlowGraph[]): string {
    const diagram = toDiagram(graphs);
    const name = graphs.map(g => g.flow).join('_') || 'chatflow';
    const out: string[] = [`digraph ${quote(name)} {`, '    rankdir=TB;', '    node [fontname="Helvetica", fontsize=11];',
        '    edge [fontname="Helvetica", fontsize=10];'];
    const clustered = diagram.groups.size > 1;
    let index = 0;
    for (const [flow, boxes] of diagram.groups) {
        if (boxes.length === 0) continue;
        const indent = clustered ? '        ' : '    ';
        if (clustered) out.push(`    subgraph ${quote(`cluster_${index++}`)} {`, `        label=${quote(flow)};`, '        style="dashed";');
        for (const box of boxes) out.push(`${indent}${node(box)}`);
        if (clustered) out.push('    }');
    }
    diagram.starts.forEach((start, i) => {
        const id = `__start_${i}`;
        out.push(`    ${quote(id)} [shape=point, width=0.15, label=""];`, `    ${quote(id)} -> ${quote(start)};`);
    });
    for (const edge of diagram.edges) {
        const attrs = edge.label !== undefined ? ` [label=${quote(edge.label)}${edge.kind === 'else' ? ', style="dashed"' : ''}]` : '';
        out.push(`    ${quote(edge.from)} -> ${quote(edge.to)}${attrs};`);
    }
    out.push('}');
    return out.join('\n');
}

function node(box: FlowBox): string {
    const attrs = [SHAPES[box.kind], `label=${quote(boxLines(box).join('\n'))}`];
    if (box.external) attrs.push('fontcolor="#555555"', 'color="#888888"', box.kind === 'message' ? 'style="rounded,dashed"' : 'style="dashed"');
    if (box.goals.length > 0) attrs.push('penwidth=2', 'color="#2e7d32"');
    return `${quote(box.id)} [${attrs.join(', ')}];`;
}

/** A DOT string literal; newlines become `\n` line breaks in the label. */
function quote(text: string): string {
    return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}
