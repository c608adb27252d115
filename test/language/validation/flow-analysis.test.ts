import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import { analyzeFlow, type AnalysisGraph } from '../../../language/flow-analysis.js';
import type { BoxKind } from '../../../language/flow-model.js';
import { isFlow } from '../../../language/generated/ast.js';
import { services, validate } from './validate.js';

type BoxSpec = { kind: BoxKind; goals?: string[]; set?: string[]; save?: string };

/** A graph written as boxes `Flow.name -> spec` and edges `from>to`, starting at the first box. */
function graph(boxes: Record<string, BoxSpec>, edges: string[], variables: Array<{ name: string; default?: unknown }> = []): AnalysisGraph {
    const ids = Object.keys(boxes);
    return {
        start: ids[0],
        boxes: ids.map(id => ({
            id, kind: boxes[id].kind, goals: boxes[id].goals ?? [],
            assignments: (boxes[id].set ?? []).map(variable => ({ variable })),
            input: boxes[id].kind === 'input' ? { variable: boxes[id].save } : undefined
        })),
        edges: edges.map(e => { const [from, to] = e.split('>'); return { from, to }; }),
        variables
    };
}

describe('flow analysis (pure, over the FlowGraph DTO)', () => {
    it('finds reachable boxes from the start and from extra entries', () => {
        const g = graph({ 'P.greet': { kind: 'message' }, 'P.ask_rx': { kind: 'input', save: 'rx' }, 'P.done': { kind: 'end' }, 'P.ask_address': { kind: 'input', save: 'address' } },
            ['P.greet>P.ask_rx', 'P.ask_rx>P.done', 'P.ask_address>P.done']);
        assert.deepStrictEqual([...analyzeFlow(g).reachable].sort(), ['P.ask_rx', 'P.done', 'P.greet']);
        assert.ok(analyzeFlow(g, ['P.ask_address']).reachable.has('P.ask_address'));
    });

    it('lists non-terminal boxes without a way on as dead ends, never end or handoff boxes', () => {
        const g = graph({ 'C.menu': { kind: 'choice' }, 'C.hours': { kind: 'message' }, 'C.desk': { kind: 'handoff' }, 'C.bye': { kind: 'end' } },
            ['C.menu>C.hours', 'C.menu>C.desk']);
        assert.deepStrictEqual(analyzeFlow(g).deadEnds, ['C.hours']);
    });

    it('finds loops no path can leave, but not loops with an exit or loops no chat reaches', () => {
        const g = graph({
            'C.menu': { kind: 'choice' }, 'C.faq': { kind: 'message' }, 'C.more': { kind: 'choice' },
            'C.ask': { kind: 'input', save: 'x' }, 'C.confirm': { kind: 'message' }, 'C.bye': { kind: 'end' },
            'C.orphan_a': { kind: 'message' }, 'C.orphan_b': { kind: 'message' }
        }, ['C.menu>C.faq', 'C.faq>C.more', 'C.more>C.faq', 'C.menu>C.ask', 'C.ask>C.confirm', 'C.confirm>C.ask', 'C.confirm>C.bye',
            'C.orphan_a>C.orphan_b', 'C.orphan_b>C.orphan_a']);
        assert.deepStrictEqual(analyzeFlow(g).trappedLoops, [['C.faq', 'C.more']]);
    });

    it('handles a 20,000-box loop and a 20,000-box chain without overflowing the stack', () => {
        const n = 20000;
        const boxes: Record<string, BoxSpec> = {};
        const edges: string[] = [];
        for (let i = 0; i < n; i++) {
            boxes[`Big.b${i}`] = { kind: 'message' };
            edges.push(`Big.b${i}>Big.b${(i + 1) % n}`);
        }
        const loop = analyzeFlow(graph(boxes, edges));
        assert.strictEqual(loop.reachable.size, n);
        assert.strictEqual(loop.trappedLoops.length, 1);
        assert.strictEqual(loop.trappedLoops[0].length, n);
        edges[n - 1] = `Big.b${n - 1}>Big.bye`;
        boxes['Big.bye'] = { kind: 'end' };
        const chain = analyzeFlow(graph(boxes, edges));
        assert.deepStrictEqual(chain.trappedLoops, []);
        assert.deepStrictEqual(chain.deadEnds, []);
    });

    it('reports which goals have a reachable mark', () => {
        const g = graph({ 'D.hello': { kind: 'message' }, 'D.book': { kind: 'end', goals: ['booked'] }, 'D.old_offer': { kind: 'end', goals: ['promo', 'booked'] } },
            ['D.hello>D.book']);
        const goals = analyzeFlow(g).goals;
        assert.deepStrictEqual(goals.get('booked'), { markedBy: ['D.book', 'D.old_offer'], reachable: true });
        assert.deepStrictEqual(goals.get('promo'), { markedBy: ['D.old_offer'], reachable: false });
    });

    it('tracks variables assigned on every path: set on entry, save after the answer, defaults everywhere', () => {
        const g = graph({
            'D.menu': { kind: 'choice' }, 'D.whiten': { kind: 'message', set: ['treatment'] }, 'D.checkup': { kind: 'message' },
            'D.ask_name': { kind: 'input', save: 'name' }, 'D.quote': { kind: 'end' }
        }, ['D.menu>D.whiten', 'D.menu>D.checkup', 'D.whiten>D.ask_name', 'D.checkup>D.ask_name', 'D.ask_name>D.quote'],
        [{ name: 'treatment' }, { name: 'name' }, { name: 'clinic', default: 'Bright Smile' }]);
        const analysis = analyzeFlow(g);
        assert.strictEqual(analysis.isAssigned('D.whiten', 'treatment'), true, 'a box can show what it sets');
        assert.strictEqual(analysis.isAssigned('D.quote', 'treatment'), false, 'the check-up path skips the set');
        assert.strictEqual(analysis.isAssigned('D.ask_name', 'name'), false, 'an input cannot show its own answer');
        assert.strictEqual(analysis.isAssigned('D.quote', 'name'), true);
        assert.strictEqual(analysis.isAssigned('D.menu', 'clinic'), true);
        assert.strictEqual(analysis.isAssigned('D.quote', 'unknown'), undefined);
    });

    it('does not count an assignment later in a loop for the loop\'s first round', () => {
        const g = graph({ 'L.ask': { kind: 'message' }, 'L.save': { kind: 'input', save: 'day' }, 'L.bye': { kind: 'end' } },
            ['L.ask>L.save', 'L.save>L.ask', 'L.save>L.bye'], [{ name: 'day' }]);
        const analysis = analyzeFlow(g);
        assert.strictEqual(analysis.isAssigned('L.ask', 'day'), false);
        assert.strictEqual(analysis.isAssigned('L.bye', 'day'), true);
    });

    it('runs on the FlowGraph the server builds for the clinic example: all reachable, no dead end, no trapped loop', async () => {
        const document = await validate(readFileSync('examples/clinic.chatflow', 'utf8'), 'clinic.chatflow');
        const flow = document.parseResult.value.elements.find(isFlow)!;
        const flowGraph = services.flow.FlowGraphBuilder.buildFlow(flow);
        const analysis = analyzeFlow(flowGraph);
        assert.strictEqual(analysis.reachable.size, flowGraph.boxes.length);
        assert.deepStrictEqual(analysis.deadEnds, []);
        assert.deepStrictEqual(analysis.trappedLoops, []);
        assert.strictEqual(analysis.isAssigned('Clinic.confirmed', 'preferred_day'), true);
    });
});
