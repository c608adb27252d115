import type { FlowGraph } from '../flow-model.js';
import type { GeneratedStep, GeneratedTest } from './generated-test.js';
import { literalText, stringText } from './literal-text.js';

/** How test blocks are laid out: the formatter's layout, with the file's own indentation and line ends. */
export interface Layout {
    /** One level of indentation: the flow's members are indented by it, test steps by two. */
    indent: string;
    eol: string;
}

export const DEFAULT_LAYOUT: Layout = { indent: '    ', eol: '\n' };

/** `test` blocks as the formatter writes them, separated by a blank line, without a trailing line end. */
export function printTests(tests: readonly GeneratedTest[], graph: FlowGraph, layout: Layout = DEFAULT_LAYOUT): string {
    return tests.map(test => printTest(test, graph, layout)).join(layout.eol + layout.eol);
}

function printTest(test: GeneratedTest, graph: FlowGraph, { indent, eol }: Layout): string {
    const from = test.from ? ` from ${boxRef(test.from, graph)}` : '';
    const lines = [`${indent}test ${stringText(test.name)}${from} {`];
    for (const step of test.steps) lines.push(`${indent}${indent}${stepText(step, graph)}`);
    lines.push(`${indent}}`);
    return lines.join(eol);
}

function stepText(step: GeneratedStep, graph: FlowGraph): string {
    switch (step.kind) {
        case 'choose': return `choose ${stringText(step.label)}`;
        case 'answer': return `answer ${literalText(step.value)}`;
        case 'outcome': return `outcome ${step.outcome}`;
        case 'arm': return `arm ${step.arm}`;
        case 'expectGoal': return `expect goal ${step.goal}`;
        case 'expectEnd': return 'expect end';
        case 'expectBox': return `expect box ${boxRef(step.box, graph)}`;
    }
}

/** A box of the flow by its name; a box of another flow by its qualified `Flow.box` id. */
function boxRef(id: string, graph: FlowGraph): string {
    const box = graph.boxes.find(b => b.id === id);
    return box && !box.external ? box.name : id;
}
