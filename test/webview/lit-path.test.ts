import assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import type { FlowGraph } from '../../language/flow-model.js';
import { litPath } from '../../extension/preview/light-path.js';
import type { LitPath } from '../../extension/webview-protocol.js';
import { exampleGraph } from '../language/build-graph.js';
import { PreviewFixture, type PreviewPage } from './harness/preview-page.js';

/** A booking as real chats take it through the clinic flow: menu, the intake questions, a day, the slot. */
const BOOKED = ['welcome', 'main_menu', 'ask_returning', 'ask_name', 'ask_dob', 'ask_age', 'check_age', 'ask_insured', 'check_insured',
    'ask_symptoms', 'pick_day', 'set_monday', 'ask_phone', 'book_slot', 'confirmed', 'goodbye'].map(box => `Clinic.${box}`);

describe('preview webview: a complete path from the Analytics panel lit on the clinic graph', function () {
    this.timeout(90_000);
    let fixture: PreviewFixture;
    let clinic: FlowGraph;
    let path: LitPath;
    let preview: PreviewPage;

    before(async () => {
        clinic = await exampleGraph('clinic.chatflow');
        path = litPath([clinic], { boxes: BOOKED, chats: 412, converted: 157 });
        fixture = await PreviewFixture.start();
        preview = await fixture.openDrawn(clinic);
    });

    after(async () => {
        await fixture?.close();
    });

    /** The boxes and edges drawn on the path, and whether the rest is drawn dimmed. */
    const shown = () => preview.page.evaluate(() => ({
        boxes: [...document.querySelectorAll('.box.on-path')].map(n => n.getAttribute('data-box')!),
        edges: [...document.querySelectorAll('.edge.on-path')].map(n => n.getAttribute('data-edge')!),
        dimmed: [...document.querySelectorAll('.box:not(.on-path), .edge:not(.on-path)')].filter(n => Number(getComputedStyle(n).opacity) < 0.5).length,
        banner: (document.querySelector('.cf-path-banner') as HTMLElement).hidden ? undefined : document.querySelector('.cf-path-text')!.textContent
    }));

    it('lights exactly the path\'s boxes and the edges between consecutive ones, dims the rest, and says its numbers', async () => {
        assert.equal(path.edges.length, BOOKED.length - 1, 'each step of the booking follows one edge of the flow');
        await preview.post({ type: 'path', path });
        await preview.page.waitForSelector('.cf-path-banner:not([hidden])');
        const lit = await shown();
        assert.deepEqual([...lit.boxes].sort(), [...BOOKED].sort());
        assert.deepEqual([...lit.edges].sort(), [...path.edges].sort());
        const drawn = await preview.page.$$eval('.box, .edge', nodes => nodes.length);
        assert.equal(lit.dimmed, drawn - BOOKED.length - path.edges.length, 'every box and edge off the path is dimmed');
        assert.equal(lit.banner, 'Path: 412 chats · 38.1% converted');
        const onPath = await preview.box('Clinic.book_slot').evaluate(n => getComputedStyle(n).opacity);
        assert.equal(onPath, '1', 'the path stays at full strength');
        // Over the test coverage shown on every edge, the path's edges keep the path's colour.
        await preview.post({ type: 'coverage', covered: clinic.edges.map(e => e.id), uncovered: [] });
        const colours = await preview.page.evaluate(ids => ({
            box: getComputedStyle(document.querySelector('.box.on-path .box-shape')!).stroke,
            edges: ids.map(id => getComputedStyle(document.querySelector(`.edge[data-edge="${CSS.escape(id)}"] .edge-line`)!).stroke)
        }), path.edges);
        assert.deepEqual(new Set(colours.edges), new Set([colours.box]));
        await preview.screenshot('clinic-lit-path');
    });

    it('clears with the banner\'s Clear button, and tells the extension so a redraw does not light it again', async () => {
        await preview.page.click('[data-action="clear-path"]');
        assert.deepEqual(await shown(), { boxes: [], edges: [], dimmed: 0, banner: undefined });
        assert.ok((await preview.posted()).some(m => m.type === 'clearPath'));
    });

    it('clears with Escape, but Escape in the search field only clears the search', async () => {
        await preview.post({ type: 'path', path });
        await preview.page.waitForSelector('.cf-path-banner:not([hidden])');
        await preview.page.fill('.cf-search', 'ask');
        await preview.page.focus('.cf-search');
        await preview.page.keyboard.press('Escape');
        assert.equal((await shown()).boxes.length, BOOKED.length, 'still lit after Escape in the search field');
        await preview.box('Clinic.welcome').focus();
        await preview.page.keyboard.press('Escape');
        assert.deepEqual(await shown(), { boxes: [], edges: [], dimmed: 0, banner: undefined });
        assert.deepEqual(preview.errors, []);
    });
});
