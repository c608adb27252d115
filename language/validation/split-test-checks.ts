import { AstUtils, type ValidationAcceptor } from 'langium';
import type { Flow } from '../generated/ast.js';
import type { FlowGraphCache } from '../flow-graph-cache.js';
import { runTest } from '../conversation-tests.js';
import { Simulator } from '../simulator.js';
import { IssueCodes, issue } from './issue-codes.js';

/**
 * A test that passes a split without an `arm` step plays whichever arm is drawn. When the arms
 * lead to different results, the test passes or fails by chance: say which arms to choose from.
 */
export function checkSplitTests(flow: Flow, graphs: FlowGraphCache, accept: ValidationAcceptor): void {
    const arms = flow.boxes.flatMap(box => (box.$type === 'SplitBox' ? box.arms.filter(arm => arm.name) : []));
    if (arms.length === 0 || flow.tests.length === 0) return;
    const graph = graphs.of(AstUtils.getDocument(flow)).find(g => g.flow === flow.name);
    if (!graph) return;
    graph.tests.forEach((test, index) => {
        const node = flow.tests[index];
        if (!node || test.steps.some(step => step.kind === 'arm')) return;
        // The same test with every draw forced to one arm: does the result depend on it?
        const names = [...new Set(graph.edges.filter(e => e.kind === 'arm').map(e => e.label ?? ''))];
        const results = names.map(name => {
            const outcome = runTest(new Simulator(graph, { random: () => 0 }), { ...test, steps: [{ kind: 'arm', arm: name, range: test.range }, ...test.steps] });
            const passedSplit = Object.keys(outcome.final.arms ?? {}).length > 0;
            return { name, passedSplit, passed: outcome.passed };
        });
        if (!results.some(r => r.passedSplit)) return;
        const passing = results.filter(r => r.passed).map(r => r.name);
        if (passing.length === 0 || passing.length === results.length) return;
        accept('warning', `Test '${test.name}' passes a split without choosing an arm, and passes only with arm ${passing.map(n => `'${n}'`).join(' or ')}: add 'arm ${passing[0]}' before the chat reaches the split.`,
            { node, property: 'name', ...issue(IssueCodes.TestWithoutArm, { suggestion: passing[0] }) });
    });
}
