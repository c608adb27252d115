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
        big = generateFlowGraph(4000);
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
        assert.match((await overview.locator('h2').textContent())!, /4,000 boxes, [\d,]+ edges/);
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
        assert.match((await preview.page.locator('.cf-status').textContent())!, /Laying out 4,000 boxes… \d+ s/);
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
});
