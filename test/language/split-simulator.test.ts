import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import { runFlowTests } from '../../language/conversation-tests.js';
import { seededRandom, Simulator } from '../../language/simulator.js';
import { graphOf } from './build-graph.js';

const PRICING = readFileSync('test/fixtures/experiments/pricing.chatflow', 'utf8');

describe('split boxes in the FlowGraph and the simulator', () => {
    it('carry the experiment in the graph: kind split, weighted arm edges, the measured goal, the stop', async () => {
        const graph = await graphOf(PRICING);
        const split = graph.boxes.find(box => box.id === 'Offers.pricing')!;
        assert.strictEqual(split.kind, 'split');
        assert.deepStrictEqual(split.split, {
            measure: 'appointment', stopAt: 2000,
            arms: [{ name: 'a', weight: 50, to: 'Offers.offer_a' }, { name: 'b', weight: 50, to: 'Offers.offer_b' }]
        });
        assert.deepStrictEqual(graph.edges.filter(e => e.kind === 'arm').map(e => [e.id, e.to, e.weight]), [
            ['Offers.pricing:arm:a', 'Offers.offer_a', 50], ['Offers.pricing:arm:b', 'Offers.offer_b', 50]
        ]);
    });

    it('draws arms by their weights, the same way for the same seed', async () => {
        const graph = await graphOf(PRICING.replace('arm a 50', 'arm a 80').replace('arm b 50', 'arm b 20'));
        const draw = (seed: number) => {
            const simulator = new Simulator(graph, { random: seededRandom(seed) });
            return Array.from({ length: 2000 }, () => simulator.start().arms?.['Offers.pricing']);
        };
        const arms = draw(7);
        const share = arms.filter(arm => arm === 'a').length / arms.length;
        assert.ok(Math.abs(share - 0.8) < 0.03, `arm a drawn ${(share * 100).toFixed(1)}% of the time, weight 80`);
        assert.deepStrictEqual(draw(7), arms, 'the same seed, the same draws');
        assert.notDeepStrictEqual(draw(8), arms);
    });

    it('takes the arm a test asks for, also for a split right after the start, and says when there is no such arm', async () => {
        const graph = await graphOf(PRICING);
        assert.deepStrictEqual(runFlowTests(graph).map(o => [o.name, o.passed]), [['arm b books an appointment', true], ['arm a can decline', true]]);
        const simulator = new Simulator(graph);
        assert.strictEqual(simulator.start(undefined, {}, 'b').current, 'Offers.offer_b');
        const stuck = simulator.start(undefined, {}, 'c');
        assert.strictEqual(stuck.status, 'stuck');
        assert.strictEqual(stuck.problem, "Split 'Offers.pricing' has no arm 'c'; its arms are 'a', 'b'.");
    });
});
