import assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import { generateFlowGraph } from '../../bench/layout/generate-graph.js';
import type { FlowGraph } from '../../language/flow-model.js';
import { exampleGraph } from '../language/build-graph.js';
import { PreviewFixture, type PreviewPage } from './harness/preview-page.js';

describe('preview webview: flows too big to lay out at once', () => {
    let fixture: PreviewFixture;
    let preview: PreviewPage;
    let big: FlowGraph;

    const status = () => preview.page.getAttribute('#chatflow-preview', 'data-status');

    before(async () => {
        // Above the preview's LAYOUT_BOX_LIMIT (20,000): 10,000 boxes lay out (region by region).
        big = generateFlowGraph(20_500);
        fixture = await PreviewFixture.start();
        preview = await fixture.open();
    });

    after(async () => {
        await fixture?.close();
    });

    it('shows an overview with counts per flow and kind instead of freezing on the layout', async () => {
        await preview.post({ type: 'graph', uri: big.uri, version: 1, flows: [big] });
        await preview.page.waitForSelector('#chatflow-preview[data-status="overview"]');
        const overview = preview.page.locator('.cf-overview');
        assert.match((await overview.locator('h2').textContent())!, /20,500 boxes, [\d,]+ edges/);
        const counts = Object.fromEntries(await overview.locator('.cf-overview-kind').evaluateAll(items =>
            items.map(i => [i.getAttribute('data-kind')!, Number(i.querySelector('.count')!.textContent!.replace(/,/g, ''))])));
        const expected: Record<string, number> = {};
        for (const box of big.boxes) expected[box.kind] = (expected[box.kind] ?? 0) + 1;
        assert.deepEqual(counts, expected);
        assert.equal(await preview.page.locator('.box').count(), 0, 'no box drawn');
        assert.equal(await preview.page.locator('.cf-msg.bot').first().textContent(), big.boxes[0].text, 'the chat simulator still runs the flow');
        await preview.screenshot('large-overview');
    });

    it('lays out anyway on request, keeps the panel usable meanwhile, and can cancel', async () => {
        await preview.page.click('[data-action="layout-anyway"]');
        assert.equal(await status(), 'laying-out');
        const cancel = preview.page.locator('[data-action="cancel-layout"]');
        await cancel.waitFor({ state: 'visible' });
        assert.match((await preview.page.locator('.cf-status').textContent())!, /Laying out 20,500 boxes… \d+ s/);
        // The worker computes; the UI thread still answers clicks.
        await preview.page.locator('.cf-chat [data-action="restart"]').click();
        await preview.page.click('[data-action="toggle-chat"]');
        assert.equal(await preview.page.getAttribute('[data-action="toggle-chat"]', 'aria-pressed'), 'false');
        await preview.page.click('[data-action="toggle-chat"]');
        await preview.screenshot('large-laying-out');
        await cancel.click();
        await preview.page.waitForSelector('#chatflow-preview[data-status="overview"]');
        assert.match((await preview.page.locator('.cf-overview-reason').textContent())!, /cancelled/);
    });

    it('lays out a normal flow again after a cancelled one (the worker restarts)', async () => {
        const clinic = await exampleGraph('clinic.chatflow');
        await preview.postGraph({ type: 'graph', uri: clinic.uri, version: 1, flows: [clinic] });
        assert.equal(await status(), 'drawn');
        assert.equal(await preview.page.locator('.box').count(), clinic.boxes.length);
        assert.ok(await preview.page.locator('.cf-overview').isHidden());
    });

    it('keeps only what is on screen in the DOM for a big flow, draws more as the view moves, exports it all', async () => {
        const flow = generateFlowGraph(400, 11);
        await preview.postGraph({ type: 'graph', uri: flow.uri, version: 1, flows: [flow] });
        const drawn = () => preview.page.locator('.box').count();
        const first = await drawn();
        assert.ok(first > 0 && first < flow.boxes.length, `${first} of ${flow.boxes.length} boxes in the DOM at the first view`);
        assert.ok(await preview.page.locator('.box-name').count() > 0, 'with their texts');

        // Walking down the flow with the keyboard goes past the drawn area: boxes appear as needed.
        await preview.box(flow.start!).focus();
        for (let step = 0; step < 40; step++) await preview.page.keyboard.press('ArrowDown');
        const focused = await preview.page.evaluate(() => document.activeElement?.getAttribute('data-box'));
        assert.ok(focused && focused !== flow.start, `focus moved along the flow to ${focused}`);

        await preview.page.click('[data-action="fit"]');
        await preview.page.waitForFunction(n => document.querySelectorAll('.box').length === n, flow.boxes.length);
        assert.equal(await preview.page.locator('.box-name').count(), 0, 'zoomed far out: outlines only');
        await preview.screenshot('large-400-fit');

        await preview.post({ type: 'exportSvg', requestId: 9 });
        await preview.page.waitForFunction(() => (window as unknown as { __posted: Array<{ type: string; requestId?: number }> }).__posted.some(m => m.type === 'svg' && m.requestId === 9));
        const svg = (await preview.posted()).find(m => m.type === 'svg' && m.requestId === 9);
        const text = svg?.type === 'svg' ? svg.svg : '';
        assert.equal(text.match(/ data-box="/g)?.length, flow.boxes.length, 'the export holds every box');
        assert.ok(text.includes(`>${flow.boxes[5].name}</text>`), 'with the box names');
        assert.equal(await drawn(), flow.boxes.length, 'the screen is back to the outlines after the export');
    });

    it('lays out a flow above 2,000 boxes region by region, and after pans and zooms every box on screen is in the DOM, few others', async function () {
        this.timeout(600_000);
        const flow = generateFlowGraph(2_100, 23);
        const before = await preview.drawCount();
        await preview.post({ type: 'graph', uri: flow.uri, version: 1, flows: [flow] });
        // Four ELK runs in the worker: longer than the page's default wait on a busy machine.
        await preview.page.waitForFunction(n => Number(document.getElementById('chatflow-preview')!.dataset.drawCount ?? 0) > n, before, { timeout: 540_000 });
        assert.equal(await status(), 'drawn', 'drawn, no overview');
        // Every box's place, from the export (it draws them all).
        await preview.post({ type: 'exportSvg', requestId: 10 });
        await preview.page.waitForFunction(() => (window as unknown as { __posted: Array<{ type: string; requestId?: number }> }).__posted.some(m => m.type === 'svg' && m.requestId === 10));
        const svg = (await preview.posted()).find(m => m.type === 'svg' && m.requestId === 10);
        const text = svg?.type === 'svg' ? svg.svg : '';
        const places = new Map([...text.matchAll(/data-box="([^"]+)" transform="translate\(([-\d.]+),([-\d.]+)\)"/g)].map(m => [m[1], [Number(m[2]), Number(m[3])] as const]));
        assert.equal(places.size, flow.boxes.length, 'every box has a place');

        const canvas = preview.page.locator('svg.cf-canvas');
        const bounds = (await canvas.boundingBox())!;
        // The wheel turns over a box (the middle one of the flow): the view zooms around it, so
        // boxes stay on screen whatever the regions' layout leaves empty around the graph's centre.
        let pointer = { x: bounds.x + bounds.width / 2, y: bounds.y + bounds.height / 2 };
        const wheel = async (deltaX: number, deltaY: number) => {
            await preview.page.mouse.move(pointer.x, pointer.y);
            await preview.page.mouse.wheel(deltaX, deltaY);
            // The culling redraw runs on the next animation frame.
            await preview.page.evaluate(() => new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve))));
        };
        const check = async (what: string, few = true) => {
            const [x, y, zoom] = (await preview.viewportTransform())!.match(/[-\d.]+/g)!.map(Number);
            const inDom = new Set(await preview.page.$$eval('.cf-content [data-box]', boxes => boxes.map(b => b.getAttribute('data-box')!)));
            const view = { x0: -x / zoom, y0: -y / zoom, x1: (bounds.width - x) / zoom, y1: (bounds.height - y) / zoom };
            let onScreen = 0;
            for (const [id, [bx, by]] of places) {
                // A box is 240 wide and at most ~120 high.
                const visible = bx + 240 >= view.x0 && bx <= view.x1 && by + 120 >= view.y0 && by <= view.y1;
                if (!visible) continue;
                onScreen++;
                assert.ok(inDom.has(id), `${what}: box ${id} on screen is drawn`);
            }
            assert.ok(onScreen > 0, `${what}: some boxes are on screen (view ${JSON.stringify(view)}, ${[...places.values()].slice(0, 2).join(' / ')}, ${inDom.size} in the DOM)`);
            if (few) assert.ok(inDom.size < flow.boxes.length / 2, `${what}: ${inDom.size} of ${flow.boxes.length} boxes in the DOM`);
        };
        // The whole flow, then into its middle, around it and out again.
        await preview.page.click('[data-action="fit"]');
        await preview.page.evaluate(() => new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve))));
        await check('fitted to the view', false);
        const [fx, fy, fzoom] = (await preview.viewportTransform())!.match(/[-\d.]+/g)!.map(Number);
        const [mx, my] = places.get(flow.boxes[Math.floor(flow.boxes.length / 2)].id)!;
        pointer = { x: bounds.x + fx + (mx + 120) * fzoom, y: bounds.y + fy + (my + 40) * fzoom };
        for (let i = 0; i < 10; i++) await wheel(0, -240);
        await check('after zooming in');
        for (let i = 0; i < 3; i++) await wheel(120, 0);
        await check('after panning right');
        for (let i = 0; i < 3; i++) await wheel(-120, 0);
        await check('after panning back');
        for (let i = 0; i < 2; i++) await wheel(0, 240);
        await check('after zooming out a little');
        // The preview still works: a click on a drawn box reveals it in the editor.
        const inside = (await preview.boxRects()).find(r => r.x > bounds.x && r.y > bounds.y && r.x + r.width < bounds.x + bounds.width && r.y + r.height < bounds.y + bounds.height);
        assert.ok(inside, 'a whole box on screen');
        const id = inside.id;
        await preview.page.mouse.click(inside.x + inside.width / 2, inside.y + inside.height / 2);
        await preview.page.waitForFunction(box => (window as unknown as { __posted: Array<{ type: string; boxId?: string }> }).__posted.some(m => m.type === 'reveal' && m.boxId === box), id);
    });
});

