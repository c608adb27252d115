import assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import type { FlowGraph } from '../../language/flow-model.js';
import type { FromPreview } from '../../extension/webview-protocol.js';
import { exampleGraph } from '../language/build-graph.js';
import { PreviewFixture, type PreviewPage } from './harness/preview-page.js';

interface Rect { x: number; y: number; width: number; height: number }

const rectOf = (preview: PreviewPage, selector: string): Promise<Rect> =>
    preview.page.$eval(selector, e => { const r = e.getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height }; });

function inside(inner: Rect, outer: Rect, slack = 0.5): boolean {
    return inner.x >= outer.x - slack && inner.y >= outer.y - slack
        && inner.x + inner.width <= outer.x + outer.width + slack && inner.y + inner.height <= outer.y + outer.height + slack;
}

function intersects(a: Rect, b: Rect): boolean {
    return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

describe('preview webview: graph and simulator side by side (a 800 px wide panel, as beside an editor)', () => {
    let fixture: PreviewFixture;
    let clinic: FlowGraph;

    before(async () => {
        clinic = await exampleGraph('clinic.chatflow');
        fixture = await PreviewFixture.start();
    });

    after(async () => {
        await fixture?.close();
    });

    async function openClinic(options: Parameters<PreviewFixture['open']>[0] = {}): Promise<PreviewPage> {
        const preview = await fixture.open({ width: 800, height: 900, ...options });
        await preview.postGraph({ type: 'graph', uri: clinic.uri, version: 1, flows: [clinic] });
        return preview;
    }

    it('never draws the graph under the chat pane, whatever its width', async () => {
        const preview = await openClinic();
        for (const key of ['', 'ArrowLeft', 'ArrowLeft', 'ArrowLeft', 'End']) {
            if (key) await preview.page.press('.cf-splitter', key);
            const graph = await rectOf(preview, '.cf-graph'), chat = await rectOf(preview, '.cf-chat'), svg = await rectOf(preview, '.cf-canvas');
            assert.ok(!intersects(graph, chat), `graph ${JSON.stringify(graph)} and chat ${JSON.stringify(chat)} overlap`);
            assert.ok(inside(svg, graph), 'the drawing stays in the graph area');
            assert.ok(chat.x + chat.width <= 800.5 && graph.width >= 239, 'both fit in the panel');
        }
        await preview.close();
    });

    it('resizes the chat pane by keyboard and by drag, collapses it, and remembers both', async () => {
        const preview = await openClinic();
        const width = async () => (await rectOf(preview, '.cf-chat')).width;
        const before = await width();
        await preview.page.press('.cf-splitter', 'ArrowLeft');
        assert.equal(await width(), before + 24, 'left arrow widens the pane');
        const handle = await rectOf(preview, '.cf-splitter');
        await preview.page.mouse.move(handle.x + 3, 400);
        await preview.page.mouse.down();
        await preview.page.mouse.move(handle.x + 3 + 60, 400, { steps: 4 });
        await preview.page.mouse.up();
        assert.equal(await width(), before + 24 - 60, 'dragging the divider right narrows the pane');
        await preview.page.waitForFunction(w => (window as unknown as { __state?: { chatWidth?: number } }).__state?.chatWidth === w, before - 36);

        await preview.page.press('.cf-splitter', 'Enter');
        assert.equal(await preview.page.locator('.cf-chat').isVisible(), false, 'Enter collapses the pane');
        assert.equal(await preview.page.getAttribute('[data-action="toggle-chat"]', 'aria-pressed'), 'false');
        assert.ok((await rectOf(preview, '.cf-graph')).width > 780, 'the graph takes the freed width');
        await preview.page.waitForFunction(() => (window as unknown as { __state?: { chatHidden?: boolean } }).__state?.chatHidden === true);
        const saved = await preview.savedState();
        await preview.close();

        const reopened = await openClinic({ state: { ...saved!, chatHidden: false } });
        assert.equal(await reopened.page.locator('.cf-chat').isVisible(), true);
        assert.equal((await rectOf(reopened, '.cf-chat')).width, before - 36, 'a reload keeps the width the user chose');
        await reopened.page.click('[data-action="toggle-chat"]');
        assert.equal(await reopened.page.locator('.cf-chat').isVisible(), false, 'the toolbar button collapses it too');
        await reopened.close();
    });

    it('fits the whole flow into the visible graph area, clear of the chat pane and the minimap', async () => {
        const preview = await openClinic();
        await preview.page.click('[data-action="fit"]');
        const graph = await rectOf(preview, '.cf-graph'), minimap = await rectOf(preview, '.cf-minimap');
        const boxes = await preview.boxRects();
        assert.equal(boxes.length, clinic.boxes.length);
        for (const box of boxes) {
            assert.ok(inside(box, graph), `${box.id} is inside the visible graph area after Fit`);
            assert.ok(!intersects(box, minimap), `${box.id} is not under the minimap`);
        }
        const right = Math.max(...boxes.map(b => b.x + b.width)), left = Math.min(...boxes.map(b => b.x));
        const bottom = Math.max(...boxes.map(b => b.y + b.height)), top = Math.min(...boxes.map(b => b.y));
        assert.ok(right - left > graph.width * 0.8 || bottom - top > (graph.height - minimap.height) * 0.8, 'the flow fills the area in one direction');
        await preview.close();
    });

    for (const file of ['clinic.chatflow', 'dental.chatflow', 'pharmacy-refill.chatflow']) {
        it(`opens ${file} at a zoom where box names and texts are readable (≥ 9 px on screen)`, async () => {
            const graph = await exampleGraph(file);
            const preview = await fixture.open({ width: 800, height: 900 });
            await preview.postGraph({ type: 'graph', uri: graph.uri, version: 1, flows: [graph] });
            const sizes = await preview.page.$$eval('.box-name, .box-text', texts => texts.map(t => {
                const matrix = (t as SVGGraphicsElement).getScreenCTM()!;
                return parseFloat(getComputedStyle(t).fontSize) * matrix.a;
            }));
            assert.ok(sizes.length > 0);
            assert.ok(Math.min(...sizes) >= 9, `smallest box text ${Math.min(...sizes).toFixed(1)} px`);
            assert.ok(await preview.box(graph.start!).isVisible(), 'the start box is on screen');
            const start = (await preview.boxRects()).find(b => b.id === graph.start)!;
            assert.ok(inside(start, await rectOf(preview, '.cf-graph')), 'the start box is in the graph area, not cut by the chat pane');
            await preview.close();
        });
    }

    it('finds a box by name: marks it, brings it into view, Enter goes to it and reveals it', async () => {
        const preview = await openClinic();
        await preview.page.keyboard.press('/');
        assert.equal(await preview.page.evaluate(() => document.activeElement?.className), 'cf-search', '/ focuses the search');
        await preview.page.keyboard.type('insured');
        assert.equal(await preview.page.textContent('.cf-search-count'), '1 of 2');
        const hits = await preview.page.$$eval('.box.search-hit', boxes => boxes.map(b => b.getAttribute('data-box')));
        assert.deepEqual(hits.sort(), ['Clinic.ask_insured', 'Clinic.check_insured']);
        const current = (await preview.boxRects()).find(b => b.id === 'Clinic.ask_insured')!;
        assert.ok(inside(current, await rectOf(preview, '.cf-graph')), 'the first hit was brought into view');
        await preview.page.keyboard.press('Shift+Enter');
        assert.equal(await preview.page.textContent('.cf-search-count'), '2 of 2');
        assert.equal(await preview.page.getAttribute('.box.search-current', 'data-box'), 'Clinic.check_insured');
        await preview.page.keyboard.press('Enter');
        assert.equal(await preview.page.evaluate(() => document.activeElement?.getAttribute('data-box')), 'Clinic.check_insured');
        await preview.page.keyboard.press('Enter');
        const last = (await preview.posted()).filter((m): m is Extract<FromPreview, { type: 'reveal' }> => m.type === 'reveal').pop();
        assert.equal(last?.boxId, 'Clinic.check_insured');
        await preview.page.focus('.cf-search');
        await preview.page.keyboard.press('Escape');
        assert.equal(await preview.page.locator('.box.search-hit').count(), 0, 'Escape clears the marks');
        await preview.page.keyboard.type('no such box');
        assert.equal(await preview.page.textContent('.cf-search-count'), 'no box');
        await preview.close();
    });

    it('shows a minimap for a large flow that moves the view where it is clicked, and none for a small flow', async () => {
        const preview = await openClinic();
        assert.ok(await preview.page.locator('.cf-minimap').isVisible());
        const map = await rectOf(preview, '.cf-minimap');
        const before = await preview.viewportTransform();
        await preview.page.mouse.click(map.x + map.width / 2, map.y + map.height - 4);
        assert.notEqual(await preview.viewportTransform(), before);
        const frame = await rectOf(preview, '.cf-minimap-frame');
        assert.ok(frame.y + frame.height > map.y + map.height * 0.8, 'the frame follows the view to the bottom of the flow');
        const small = await exampleGraph('pharmacy-common.chatflow');
        await preview.postGraph({ type: 'graph', uri: small.uri, version: 1, flows: [small] });
        assert.equal(await preview.page.locator('.cf-minimap').isVisible(), false);
        await preview.close();
    });

    it('reaches every control by Tab in reading order, with the graph one stop and a visible focus on each', async () => {
        const preview = await openClinic();
        const stops: { name: string; visible: boolean }[] = [];
        await preview.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
        for (let i = 0; i < 24; i++) {
            await preview.page.keyboard.press('Tab');
            const stop = await preview.page.evaluate(() => {
                const e = document.activeElement!;
                if (e === document.body) return undefined;
                const name = e.getAttribute('data-action') ?? e.getAttribute('data-box') ?? e.className.toString();
                const ring = e.querySelector('.box-ring');
                const style = getComputedStyle(e);
                const visible = ring ? getComputedStyle(ring).display !== 'none' : style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
                return { name, visible };
            });
            if (!stop) break;
            stops.push(stop);
        }
        const names = stops.map(s => s.name);
        const at = (name: string) => names.indexOf(name);
        for (const name of ['cf-search', 'zoom-out', 'zoom-in', 'fit', 'direction', 'toggle-chat', 'Clinic.welcome', 'cf-splitter', 'restart', 'start-from']) {
            assert.ok(at(name) >= 0, `${name} is reached by Tab (order: ${names.join(', ')})`);
        }
        assert.ok(at('cf-search') < at('fit') && at('fit') < at('Clinic.welcome') && at('Clinic.welcome') < at('cf-splitter') && at('cf-splitter') < at('restart'),
            `toolbar, graph, divider, chat: ${names.join(', ')}`);
        assert.equal(names.filter(n => n.startsWith('Clinic.')).length, 1, 'the graph is a single Tab stop; arrows move inside it');
        for (const stop of stops) assert.ok(stop.visible, `${stop.name} shows where the focus is`);
        await preview.close();
    });
});
