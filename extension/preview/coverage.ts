import { runFlowTests, uncoveredEdges } from '../../language/conversation-tests.js';
import type { FlowGraph } from '../../language/flow-model.js';
import type { ToPreview } from '../webview-protocol.js';

/** Plays the conversation tests of every flow and says which transitions they take. */
export function testCoverage(flows: readonly FlowGraph[]): Extract<ToPreview, { type: 'coverage' }> {
    const covered = new Set<string>();
    const uncovered = new Set<string>();
    for (const graph of flows) {
        const outcomes = runFlowTests(graph);
        for (const edge of outcomes.flatMap(outcome => outcome.edges)) covered.add(edge);
        for (const edge of uncoveredEdges(graph, outcomes)) uncovered.add(edge);
    }
    for (const edge of covered) uncovered.delete(edge);
    return { type: 'coverage', covered: [...covered].sort(), uncovered: [...uncovered].sort() };
}
