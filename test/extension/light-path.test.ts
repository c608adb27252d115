import assert from 'node:assert/strict';
import { before, describe, it } from 'mocha';
import type { FlowGraph } from '../../language/flow-model.js';
import { litPath } from '../../extension/preview/light-path.js';
import { graphOf } from '../language/build-graph.js';
import { REFILL } from './refill-flow.js';

describe('lighting a complete path from the Analytics panel on the preview', () => {
    let refill: FlowGraph;
    const edgeOf = (from: string, to: string) => refill.edges.filter(e => e.from === from && e.to === to).map(e => e.id);

    before(async () => {
        refill = await graphOf(REFILL);
    });

    it('lights the edge between each box and the next, both buttons of a pair the logs cannot tell apart', () => {
        const path = litPath([refill], { boxes: ['Refill.menu', 'Refill.ask_rx', 'Refill.done', 'Refill.bye'], chats: 412, converted: 157 });
        const buttons = edgeOf('Refill.menu', 'Refill.ask_rx');
        assert.equal(buttons.length, 2, 'two buttons lead from the menu to the prescription question');
        assert.deepEqual(path.edges, [...buttons, ...edgeOf('Refill.ask_rx', 'Refill.done'), ...edgeOf('Refill.done', 'Refill.bye')]);
        assert.deepEqual(path.boxes, ['Refill.menu', 'Refill.ask_rx', 'Refill.done', 'Refill.bye']);
        assert.equal(path.chats, 412);
        assert.equal(path.converted, 157);
        assert.ok(!path.edges.some(id => id.includes('desk')), 'the desk button is not on the path');
    });

    it('lights no edge for a pair the edited flow no longer joins, but keeps both boxes', () => {
        const path = litPath([refill], { boxes: ['Refill.menu', 'Refill.bye'], chats: 3, converted: 0 });
        assert.deepEqual(path.edges, []);
        assert.deepEqual(path.boxes, ['Refill.menu', 'Refill.bye']);
    });
});
