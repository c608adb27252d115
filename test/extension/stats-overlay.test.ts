import assert from 'node:assert/strict';
import { before, describe, it } from 'mocha';
import type { FlowGraph } from '../../language/flow-model.js';
import type { BoxStats, EdgeTraffic } from '../../analytics/model.js';
import { graphOverlay, lineWeight, MAX_WEIGHT } from '../../extension/preview/stats-overlay.js';
import { exampleGraph, graphOf } from '../language/build-graph.js';
import { REFILL } from './refill-flow.js';

/** Stats as the store answers them: visits, drop-outs and conversions of the chats at each box. */
function stats(box: string, visits: number, dropOuts: number, conversions: Record<string, number> = {}): BoxStats {
    return { box, visits, entries: visits, dropOuts, dropOutRate: visits ? dropOuts / visits : 0, conversions };
}

describe('preview overlay model (stats -> what the graph draws)', () => {
    let clinic: FlowGraph;
    // A November of clinic chats: 412 reach the menu, 37 leave there, most go on to book.
    const boxes: Record<string, BoxStats> = {};
    let traffic: EdgeTraffic[];

    before(async () => {
        clinic = await exampleGraph('clinic.chatflow');
        for (const s of [
            stats('Clinic.welcome', 430, 18), stats('Clinic.main_menu', 412, 37),
            stats('Clinic.ask_returning', 240, 40), stats('Clinic.hours', 60, 2, { question_answered: 60 }),
            stats('Clinic.ask_phone', 120, 42), stats('Clinic.confirmed', 95, 0, { appointment: 95 }),
            stats('Clinic.goodbye', 150, 0, { appointment: 70, question_answered: 55 }), stats('Clinic.front_desk', 31, 0)
        ]) boxes[s.box] = s;
        traffic = [
            { from: 'Clinic.welcome', to: 'Clinic.main_menu', chats: 412, traversals: 412 },
            { from: 'Clinic.main_menu', to: 'Clinic.ask_returning', chats: 190, traversals: 190 },
            { from: 'Clinic.main_menu', to: 'Clinic.hours', chats: 60, traversals: 61 },
            { from: 'Clinic.main_menu', to: 'Clinic.front_desk', chats: 31, traversals: 31 },
            { from: 'Clinic.hours', to: 'Clinic.anything_else', chats: 3, traversals: 3 }
        ];
    });

    it('gives each box with chats its numbers and the editor\'s shading step; none for boxes no chat entered', () => {
        const overlay = graphOverlay([clinic], boxes, traffic);
        assert.deepEqual(overlay.boxes['Clinic.main_menu'], { chats: 412, dropped: 37, rate: 37 / 412, shade: 0, goals: {} }, '9.0% is the first step (>= 5%)');
        assert.equal(overlay.boxes['Clinic.ask_returning'].shade, 1, '16.7% is the second step');
        assert.equal(overlay.boxes['Clinic.ask_phone'].shade, 2, '35% is the third step');
        assert.equal(overlay.boxes['Clinic.welcome'].shade, -1, '4.2% is not shaded');
        assert.deepEqual(overlay.boxes['Clinic.front_desk'], { chats: 31, rate: 0, shade: -1, goals: {} }, 'a handoff has no drop-outs to show');
        assert.equal(overlay.boxes['Clinic.emergency'], undefined, 'no chat reached the emergency box');
        assert.deepEqual(Object.keys(overlay.boxes).sort(), Object.keys(boxes).sort());
    });

    it('counts conversions only on the goals a box marks', () => {
        const overlay = graphOverlay([clinic], boxes, traffic);
        assert.deepEqual(overlay.boxes['Clinic.confirmed'].goals, { appointment: 95 });
        assert.deepEqual(overlay.boxes['Clinic.hours'].goals, { question_answered: 60 });
        assert.deepEqual(overlay.boxes['Clinic.goodbye'].goals, {}, 'goodbye marks no goal, though chats passing it converted');
    });

    it('weights edges by traffic, heaviest for the busiest, never falling as traffic rises; untaken edges weigh 0', () => {
        const overlay = graphOverlay([clinic], boxes, traffic);
        const edgeOf = (from: string, to: string) => clinic.edges.find(e => e.from === from && e.to === to)!.id;
        assert.equal(overlay.edges[edgeOf('Clinic.welcome', 'Clinic.main_menu')].weight, MAX_WEIGHT);
        assert.equal(overlay.edges[edgeOf('Clinic.main_menu', 'Clinic.hours')].chats, 60);
        const taken = Object.values(overlay.edges).filter(e => e.chats > 0).sort((a, b) => a.chats - b.chats);
        for (let i = 1; i < taken.length; i++) assert.ok(taken[i].weight >= taken[i - 1].weight, `${taken[i].chats} chats weigh at least as much as ${taken[i - 1].chats}`);
        assert.ok(taken[0].weight >= 1 && taken[0].weight < MAX_WEIGHT, '3 chats still draw a visible, thinner line');
        const never = clinic.edges.filter(e => !traffic.some(t => t.from === e.from && t.to === e.to));
        for (const edge of never) assert.deepEqual(overlay.edges[edge.id], { chats: 0, weight: 0 }, `${edge.id} was never taken`);
        assert.equal(Object.keys(overlay.edges).length, clinic.edges.length, 'every edge of a flow with chats is in the overlay');
    });

    it('scales on a square root and clamps', () => {
        assert.deepEqual([0, 1, 25, 100, 400].map(c => lineWeight(c, 400)), [0, 1 + Math.round(5 * Math.sqrt(1 / 400)), 1 + Math.round(5 / 4), 1 + Math.round(5 / 2), MAX_WEIGHT]);
        assert.equal(lineWeight(10, 0), 0);
    });

    it('marks parallel edges as sharing their pair\'s count, and leaves flows without chats bare', async () => {
        const refill = await graphOf(REFILL);
        const overlay = graphOverlay([refill, clinic], { 'Refill.menu': stats('Refill.menu', 80, 5), 'Refill.ask_rx': stats('Refill.ask_rx', 70, 10) },
            [{ from: 'Refill.menu', to: 'Refill.ask_rx', chats: 70, traversals: 70 }]);
        const toRx = refill.edges.filter(e => e.to === 'Refill.ask_rx');
        assert.equal(toRx.length, 2);
        for (const edge of toRx) assert.deepEqual(overlay.edges[edge.id], { chats: 70, weight: MAX_WEIGHT, shared: true });
        assert.deepEqual(overlay.edges[refill.edges.find(e => e.to === 'Refill.desk')!.id], { chats: 0, weight: 0 });
        assert.ok(clinic.edges.every(e => !(e.id in overlay.edges)), 'the clinic flow has no chats in this store: no edge marked never taken');
        assert.ok(clinic.boxes.every(b => !(b.id in overlay.boxes)));
    });
});
