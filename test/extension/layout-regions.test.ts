import * as assert from 'node:assert/strict';
import { composeRegions, splitRegions } from '../../extension/webview/preview/layout-regions.js';
import type { LayoutInput, LayoutResult } from '../../extension/webview/preview/layout-types.js';

/** A chain of intake boxes a -> b -> c ..., with a menu (box 1) whose buttons lead on and far ahead. */
function chain(n: number): LayoutInput {
    const boxes = Array.from({ length: n }, (_, i) => ({ id: `Intake.b${i}`, width: 240, height: 60 }));
    const edges = boxes.slice(1).map((b, i) => ({ id: `e${i}`, from: boxes[i].id, to: b.id }));
    edges.push({ id: 'far', from: 'Intake.b1', to: `Intake.b${n - 1}` });
    edges.push({ id: 'back', from: `Intake.b${n - 1}`, to: 'Intake.b0' });
    const labelled = { id: 'labelled', from: 'Intake.b1', to: 'Intake.b3', label: { text: 'Book', width: 40, height: 18 } };
    edges.push(labelled as (typeof edges)[number]);
    (boxes[1] as { ports?: string[] }).ports = ['e1', 'far', 'labelled'];
    return { direction: 'DOWN', boxes, edges };
}

/** What ELK would return for a region: boxes in a column, edges straight down. */
function columnLayout(part: LayoutInput): LayoutResult {
    const boxes: LayoutResult['boxes'] = {};
    part.boxes.forEach((b, i) => { boxes[b.id] = [24, 24 + i * 100, b.width, b.height]; });
    const edges: LayoutResult['edges'] = {};
    for (const e of part.edges) edges[e.id] = { points: [144, boxes[e.from][1] + 60, 144, boxes[e.to][1]] };
    return { width: 288, height: 48 + part.boxes.length * 100, boxes, edges, elkMs: 5 };
}

describe('layout of huge flows region by region', () => {
    it('cuts the boxes into regions in source order, each with the edges inside it and ports among those', () => {
        const { parts, crossing } = splitRegions(chain(10), 4);
        assert.deepEqual(parts.map(p => p.boxes.map(b => b.id.slice(7))), [['b0', 'b1', 'b2', 'b3'], ['b4', 'b5', 'b6', 'b7'], ['b8', 'b9']]);
        assert.deepEqual(parts[0].edges.map(e => e.id), ['e0', 'e1', 'e2', 'labelled']);
        assert.deepEqual(crossing.map(e => e.id).sort(), ['back', 'e3', 'e7', 'far']);
        // The menu keeps its ordered exits that stay in the region.
        assert.deepEqual(parts[0].boxes[1].ports, ['e1', 'labelled']);
    });

    it('stacks the regions without overlap and routes every crossing edge from its source to its target', () => {
        const input = chain(10);
        const regions = splitRegions(input, 4);
        const result = composeRegions(input, regions, regions.parts.map(columnLayout));
        assert.equal(Object.keys(result.boxes).length, 10);
        assert.equal(Object.keys(result.edges).length, input.edges.length, 'every edge has a route');
        const rects = Object.values(result.boxes);
        for (let i = 0; i < rects.length; i++) for (let j = i + 1; j < rects.length; j++) {
            const [a, b] = [rects[i], rects[j]];
            const apart = a[0] + a[2] <= b[0] || b[0] + b[2] <= a[0] || a[1] + a[3] <= b[1] || b[1] + b[3] <= a[1];
            assert.ok(apart, `boxes ${i} and ${j} do not overlap`);
        }
        for (const edge of input.edges) {
            const points = result.edges[edge.id].points;
            const from = result.boxes[edge.from], to = result.boxes[edge.to];
            assert.ok(points.length >= 4);
            const [sx, sy, tx, ty] = [points[0], points[1], points.at(-2)!, points.at(-1)!];
            assert.ok(sx >= from[0] && sx <= from[0] + from[2] && sy >= from[1] && sy <= from[1] + from[3], `${edge.id} starts on its source`);
            assert.ok(tx >= to[0] && tx <= to[0] + to[2] && ty >= to[1] && ty <= to[1] + to[3], `${edge.id} ends on its target`);
            for (let k = 0; k < points.length; k += 2) {
                assert.ok(points[k] <= result.width && points[k + 1] <= result.height, `${edge.id} stays inside the drawing`);
            }
        }
        assert.equal(result.elkMs, 15, 'ELK time adds up over the regions');
    });
});
