import type { FlowGraph, FlowTest, ProblemSummary } from '../../language/flow-model.js';

/** What a Test Explorer item stands for. Pure (no 'vscode'), so unit tests cover the lookups. */
export type TestItemData =
    | { kind: 'file' }
    | { kind: 'flow'; flow: string }
    | { kind: 'test'; flow: string; name: string };

/** Ids are built from names, not positions, so results stay on their test across edits. */
export function flowItemId(uri: string, flow: string): string {
    return `${uri}#${flow}`;
}

export function testItemId(uri: string, flow: string, name: string): string {
    return `${uri}#${flow}#${name}`;
}

export type TestLookup =
    | { found: true; graph: FlowGraph; test: FlowTest }
    | { found: false; reason: string };

/** Finds a test by flow and name in a freshly pulled document, or says why it is gone. */
export function findFlowTest(flows: readonly FlowGraph[], flow: string, name: string, fileName: string): TestLookup {
    const graph = flows.find(g => g.flow === flow);
    if (!graph) return { found: false, reason: `${fileName} no longer has a flow named ${flow}; the test list will refresh.` };
    const test = graph.tests.find(t => t.name === name);
    if (!test) return { found: false, reason: `Flow ${flow} in ${fileName} no longer has a test named "${name}"; the test list will refresh.` };
    return { found: true, graph, test };
}

/** "line 12: message" for the first errors of a document (1-based lines, as editors show them). */
export function describeErrors(errors: readonly ProblemSummary[], max = 3): string[] {
    const shown = errors.slice(0, max).map(e => `line ${e.line + 1}: ${e.message}`);
    if (errors.length > max) shown.push(`... and ${errors.length - max} more`);
    return shown;
}
