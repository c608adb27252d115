import assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import type { FlowGraph } from '../../language/flow-model.js';
import { graphOverlay } from '../../extension/preview/stats-overlay.js';
import type { AnalyticsScope, FromPreview, GraphOverlay } from '../../extension/webview-protocol.js';
import { exampleGraph } from '../language/build-graph.js';
import { AnalyticsData } from './harness/analytics-data.js';
import { PreviewFixture, type PreviewPage } from './harness/preview-page.js';

describe('preview webview: analytics overlay on the clinic graph (sample logs imported by the CLI)', function () {
    this.timeout(90_000);
    let fixture: PreviewFixture;
    let data: AnalyticsData;
    let clinic: FlowGraph;
    let overlay: GraphOverlay;
    let preview: PreviewPage;

    before(async () => {
        clinic = await exampleGraph('clinic.chatflow');
        data = await AnalyticsData.load('examples/clinic.chatflow');
        const { stats, edges } = await data.boxStats();
        overlay = graphOverlay([clinic], stats, edges);
        fixture = await PreviewFixture.start();
        preview = await fixture.open();
        await preview.postGraph({ type: 'graph', uri: clinic.uri, version: 1, flows: [clinic] });
        await preview.page.click('[data-action="fit"]');
        await preview.post({ type: 'stats', overlay });
        await preview.page.waitForSelector('.cf-canvas.with-stats .stats-tag');
    });

    after(async () => {
        await fixture?.close();
        await data?.close();
    });

    it('puts each box\'s chats, drop-outs and rate on it, shading more as the rate rises', async () => {
        const drawn = await preview.page.$$eval('.box', nodes => nodes.map(n => ({
            id: n.getAttribute('data-box')!,
            tag: n.querySelector('.stats-tag text')?.textContent ?? undefined,
            label: n.querySelector(':scope > title')!.textContent!,
            shade: Number(/shade-(\d)/.exec(n.getAttribute('class')!)?.[1] ?? -1),
            opacity: n.querySelector('.box-shade') ? Number(getComputedStyle(n.querySelector('.box-shade')!).fillOpacity) : 0
        })));
        for (const box of drawn) {
            const expected = overlay.boxes[box.id];
            if (!expected) {
                assert.equal(box.tag, undefined, `${box.id} has no chats and no numbers`);
                continue;
            }
            assert.ok(box.tag?.startsWith(`${expected.chats.toLocaleString('en-US')} chats`), `${box.id}: '${box.tag}'`);
            if (expected.dropped !== undefined) {
                assert.ok(box.tag!.includes(`↓${expected.dropped.toLocaleString('en-US')} (${(expected.rate * 100).toFixed(1)}%)`), `${box.id}: '${box.tag}'`);
                assert.ok(box.label.includes(`dropped out here (${(expected.rate * 100).toFixed(1)}%)`), 'a screen reader hears the numbers');
            }
            assert.equal(box.shade, expected.shade, `${box.id} shade step`);
        }
        const shaded = drawn.filter(b => b.shade >= 0).sort((a, b) => overlay.boxes[a.id].rate - overlay.boxes[b.id].rate);
        assert.ok(new Set(shaded.map(b => b.shade)).size >= 2, `the sample logs shade boxes at several steps: ${shaded.map(b => `${b.id}=${b.shade}`).join(', ')}`);
        for (let i = 1; i < shaded.length; i++) {
            assert.ok(shaded[i].opacity >= shaded[i - 1].opacity, `${shaded[i].id} (rate ${overlay.boxes[shaded[i].id].rate.toFixed(3)}) is shaded at least as strongly as ${shaded[i - 1].id}`);
            if (shaded[i].shade > shaded[i - 1].shade) assert.ok(shaded[i].opacity > shaded[i - 1].opacity, 'a higher step is visibly stronger');
        }
        await preview.screenshot('clinic-analytics-overlay');
        await preview.box('Clinic.main_menu').focus();
        for (let i = 0; i < 4; i++) await preview.page.click('[data-action="zoom-in"]');
        await preview.page.evaluate(() => (document.querySelector('.box[data-box="Clinic.main_menu"]') as SVGGElement).scrollIntoView());
        await preview.screenshot('clinic-analytics-overlay-zoomed');
        await preview.page.click('[data-action="fit"]');
        assert.deepEqual(await preview.cspViolations(), []);
        assert.deepEqual(preview.errors, []);
    });

    it('keeps the texts of a shaded box in the theme\'s foreground, above the shading', async () => {
        const box = Object.entries(overlay.boxes).sort((a, b) => b[1].shade - a[1].shade)[0][0];
        const look = await preview.box(box).evaluate(n => {
            const children = [...n.children].map(c => c.getAttribute('class'));
            return { order: children, name: getComputedStyle(n.querySelector('.box-name')!).fill, tag: getComputedStyle(n.querySelector('.stats-tag text')!).fill, body: getComputedStyle(document.body).color };
        });
        assert.ok(look.order.indexOf('box-shade') < look.order.indexOf('box-name'), `the shading is drawn under the name: ${look.order.join(', ')}`);
        assert.equal(look.tag, look.name, 'the numbers use the same foreground as the box name');
    });

    it('draws edges wider as more chats take them, with the count as a tooltip', async () => {
        const edges = await preview.page.$$eval('.edge[data-chats]', nodes => nodes.map(n => ({
            id: n.getAttribute('data-edge')!, chats: Number(n.getAttribute('data-chats')), title: n.querySelector('title')?.textContent ?? '',
            width: parseFloat(getComputedStyle(n.querySelector('.edge-line')!).strokeWidth)
        })));
        assert.equal(edges.length, clinic.edges.length);
        const taken = edges.filter(e => e.chats > 0).sort((a, b) => a.chats - b.chats);
        for (let i = 1; i < taken.length; i++) assert.ok(taken[i].width >= taken[i - 1].width, `${taken[i].id} (${taken[i].chats} chats) is at least as wide as ${taken[i - 1].id} (${taken[i - 1].chats})`);
        assert.ok(taken[taken.length - 1].width > taken[0].width * 2, `the busiest edge (${taken[taken.length - 1].chats} chats) is much wider than the quietest (${taken[0].chats})`);
        for (const edge of taken) assert.match(edge.title, new RegExp(`^${edge.chats.toLocaleString('en-US')} chats? took this transition`));
    });

    it('marks edges no chat took, and explains the marks in a legend', async () => {
        // A month of sample chats takes every transition; one day's chats leave some untaken.
        const { stats, edges } = await data.boxStats({ from: '2026-11-12', to: '2026-11-12' });
        const oneDay = graphOverlay([clinic], stats, edges);
        const never = Object.entries(oneDay.edges).filter(([, e]) => e.chats === 0).map(([id]) => id).sort();
        assert.ok(never.length > 0 && never.length < clinic.edges.length, `one day's chats leave some transitions untaken (${never.length})`);
        await preview.post({ type: 'stats', overlay: oneDay });
        await preview.page.waitForFunction(n => document.querySelectorAll('.edge.never-taken').length === n, never.length);
        await preview.screenshot('clinic-analytics-one-day');
        const marked = await preview.page.$$eval('.edge.never-taken', nodes => nodes.map(n => ({
            id: n.getAttribute('data-edge')!, dash: getComputedStyle(n.querySelector('.edge-line')!).strokeDasharray, title: n.querySelector('title')!.textContent
        })));
        assert.deepEqual(marked.map(m => m.id).sort(), never);
        for (const m of marked) {
            assert.notEqual(m.dash, 'none', `${m.id} is dotted`);
            assert.equal(m.title, 'No chat took this transition');
        }
        assert.ok(await preview.page.isVisible('.cf-legend'));
        assert.match((await preview.page.textContent('.cf-legend'))!, /≥ 5%.*≥ 15%.*≥ 30%.*never taken/);
        await preview.post({ type: 'stats', overlay });
        await preview.page.waitForFunction(() => document.querySelectorAll('.edge.never-taken').length === 0);
    });

    it('shows the conversion counts on the goal boxes', async () => {
        const goalBoxes = clinic.boxes.filter(b => b.goals.length > 0 && overlay.boxes[b.id]);
        assert.ok(goalBoxes.length >= 3);
        for (const box of goalBoxes) {
            for (const goal of box.goals) {
                const text = await preview.box(box.id).locator(`.goal-badge[data-goal="${goal}"] .goal-count`).textContent();
                assert.equal(text, `${overlay.boxes[box.id].goals[goal].toLocaleString('en-US')} converted`, `${box.id} ${goal}`);
            }
        }
    });

    it('asks for the chats behind a box\'s numbers when they are clicked (a click on the box still reveals it)', async () => {
        const box = 'Clinic.main_menu';
        await preview.box(box).locator('.stats-tag').click();
        await preview.box(box).locator('.box-name').click();
        const posted = (await preview.posted()).filter((m): m is Extract<FromPreview, { type: 'showChats' | 'reveal' }> => m.type === 'showChats' || m.type === 'reveal');
        assert.deepEqual(posted.map(m => `${m.type} ${m.boxId}`), [`showChats ${box}`, `reveal ${box}`]);
    });

    it('lists the chats of the focused box on C, so the numbers are reachable without a mouse', async () => {
        const box = 'Clinic.ask_phone';
        const showChats = async () => (await preview.posted()).filter(m => m.type === 'showChats').map(m => (m as { boxId: string }).boxId);
        const before = await showChats();
        await preview.box(box).focus();
        await preview.page.keyboard.press('c');
        assert.deepEqual((await showChats()).slice(before.length), [box]);
    });

    it('removes every mark when the overlay is turned off, and draws them again when it is back', async () => {
        await preview.post({ type: 'stats' });
        await preview.page.waitForSelector('.cf-canvas:not(.with-stats)');
        const left = await preview.page.evaluate(() => ({
            tags: document.querySelectorAll('.stats-tag, .box-shade, .goal-count, .edge[data-chats], .edge.never-taken').length,
            shaded: document.querySelectorAll('.box[class*="shade-"]').length,
            legend: !document.querySelector('.cf-legend')!.hasAttribute('hidden')
        }));
        assert.deepEqual(left, { tags: 0, shaded: 0, legend: false });
        assert.equal(await preview.box('Clinic.main_menu').locator('.box-shape').count(), 1, 'the graph itself stays');
        await preview.post({ type: 'stats', overlay });
        await preview.page.waitForSelector('.cf-canvas.with-stats .stats-tag');
        assert.ok(await preview.page.isVisible('.cf-legend'));
    });

    it('follows the Analytics panel\'s filter: draws the filtered chats\' numbers, names the filter above the graph, and asks to clear it', async () => {
        const overview = await data.overview();
        const versions = overview.available ? overview.storeVersions ?? [] : [];
        assert.ok(versions.length >= 2, `the sample logs have two flow versions: ${versions.join(', ')}`);
        const scope: AnalyticsScope = { from: '2026-11-12', to: '2026-11-12', version: versions[versions.length - 1] };
        const menu = 'Clinic.main_menu';
        const tag = () => preview.box(menu).locator('.stats-tag text').textContent();
        assert.ok(await preview.page.isHidden('.cf-scope'), 'all chats: no filter named');

        const scoped = await data.boxStats(scope);
        const all = overlay.boxes[menu];
        assert.ok(scoped.stats[menu].visits > 0 && scoped.stats[menu].visits < all.chats, 'one day of one version is fewer chats');
        await preview.post({ type: 'stats', overlay: graphOverlay([clinic], scoped.stats, scoped.edges), scope });
        const expected = `${scoped.stats[menu].visits} chats · ↓${scoped.stats[menu].dropOuts} (${(scoped.stats[menu].dropOutRate * 100).toFixed(1)}%)`;
        await preview.page.waitForFunction(([box, text]) => document.querySelector(`.box[data-box="${box}"] .stats-tag text`)?.textContent === text, [menu, expected] as const);
        assert.ok(await preview.page.isVisible('.cf-scope'));
        assert.equal(await preview.page.textContent('.cf-scope-label'), `Filtered: chats started 2026-11-12 to 2026-11-12, flow version ${scope.version}`);
        await preview.screenshot('clinic-analytics-filtered');

        await preview.page.click('.cf-scope-clear');
        assert.deepEqual((await preview.posted()).filter(m => m.type === 'clearScope'), [{ type: 'clearScope' }]);
        // The extension answers with the numbers of all chats again, for no scope.
        await preview.post({ type: 'stats', overlay, scope: {} });
        await preview.page.waitForSelector('.cf-scope', { state: 'hidden' });
        assert.ok((await tag())!.startsWith(`${all.chats.toLocaleString('en-US')} chats`));
        // With the overlay off there are no numbers, so no filter is named either.
        await preview.post({ type: 'stats', scope });
        assert.ok(await preview.page.isHidden('.cf-scope'));
        await preview.post({ type: 'stats', overlay });
        assert.deepEqual(await preview.cspViolations(), []);
        assert.deepEqual(preview.errors, []);
    });
});
