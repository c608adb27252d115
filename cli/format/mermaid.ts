import type { BoxKind, FlowBox, FlowGraph } from '../../language/flow-model.js';
import { boxLines, toDiagram } from './diagram.js';

/** Mermaid node shapes: [open, close] around the quoted label. */
const SHAPES: Record<BoxKind, [string, string]> = {
    message: ['(', ')'],
    choice: ['{{', '}}'],
    input: ['[/', '/]'],
    condition: ['{', '}'],
    action: ['[[', ']]'],
    handoff: ['>', ']'],
    end: ['(((', ')))'],
    split: ['[\\', '/]']
};

/** A Mermaid flowchart; when boxes of several flows are drawn, each flow is a subgraph. */
export function toMermaid(graphs: readonly FlowGraph[]): string {
    const diagram = toDiagram(graphs);
    const ids = new NodeIds();
    const out = ['flowchart TD'];
    const clustered = diagram.groups.size > 1;
    const goalNodes: string[] = [];
    const externalNodes: string[] = [];
    for (const [flow, boxes] of diagram.groups) {
        if (boxes.length === 0) continue;
        const indent = clustered ? '        ' : '    ';
        if (clustered) out.push(`    subgraph flow_${flow}["${escape(flow)}"]`);
        for (const box of boxes) {
            const id = ids.of(box.id);
            out.push(`${indent}${id}${shape(box)}`);
            if (box.goals.length > 0) goalNodes.push(id);
            if (box.external) externalNodes.push(id);
        }
        if (clustered) out.push('    end');
    }
    diagram.starts.forEach((start, i) => out.push(`    start_${i}(["start"]) --> ${ids.of(start)}`));
    for (const edge of diagram.edges) {
        const arrow = edge.kind === 'else' ? '-.->' : '-->';
        const label = edge.label !== undefined ? `|"${escape(edge.label)}"|` : '';
        out.push(`    ${ids.of(edge.from)} ${arrow}${label} ${ids.of(edge.to)}`);
    }
    out.push('    classDef goal stroke:#2e7d32,stroke-width:3px;');
    out.push('    classDef external stroke-dasharray:5 5,color:#555555;');
    if (goalNodes.length > 0) out.push(`    class ${goalNodes.join(',')} goal;`);
    if (externalNodes.length > 0) out.push(`    class ${externalNodes.join(',')} external;`);
    return out.join('\n');
}

function shape(box: FlowBox): string {
    const [open, close] = SHAPES[box.kind];
    return `${open}"${boxLines(box).map(escape).join('<br/>')}"${close}`;
}

/** Mermaid entity codes for characters that would end the quoted label or read as HTML. */
function escape(text: string): string {
    return text.replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;');
}

/**
 * Mermaid ids are safest as plain word characters: `Clinic.welcome` becomes `Clinic__welcome`.
 * Two box ids that would collide get a numbered suffix, in order of first use.
 */
class NodeIds {
    private readonly byBox = new Map<string, string>();
    private readonly used = new Set<string>();

    of(boxId: string): string {
        let id = this.byBox.get(boxId);
        if (id) return id;
        const base = boxId.replace(/\W/g, '__');
        id = base;
        for (let n = 2; this.used.has(id); n++) id = `${base}_${n}`;
        this.used.add(id);
        this.byBox.set(boxId, id);
        return id;
    }
}
