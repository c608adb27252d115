import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { after, before, describe, it } from 'mocha';
import type { FlowGraph } from '../../language/flow-model.js';
import type { FromPreview } from '../../extension/webview-protocol.js';
import { exampleGraph } from '../language/build-graph.js';
import { PreviewFixture, SCREENSHOTS, type BoxRect, type PreviewPage } from './harness/preview-page.js';

function overlap(a: BoxRect, b: BoxRect): boolean {
    return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

describe('preview webview: the clinic graph', () => {
    let fixture: PreviewFixture;
    let clinic: FlowGraph;
    let preview: PreviewPage;

    before(async () => {
        clinic = await exampleGraph('clinic.chatflow');
        fixture = await PreviewFixture.start();
        // Fit the whole flow, so every box is on screen for the geometry checks.
        preview = await fixture.openDrawn(clinic);
    });

    after(async () => {
        await fixture?.close();
    });

    it('draws every box of the clinic flow, no two boxes overlapping, under the webview CSP', async () => {
        const rects = await preview.boxRects();
        assert.deepEqual(rects.map(r => r.id).sort(), clinic.boxes.map(b => b.id).sort());
        for (const rect of rects) assert.ok(rect.width > 20 && rect.height > 10, `box ${rect.id} is drawn with a visible size`);
        for (let i = 0; i < rects.length; i++) {
            for (let j = i + 1; j < rects.length; j++) {
                assert.ok(!overlap(rects[i], rects[j]), `boxes ${rects[i].id} and ${rects[j].id} overlap`);
            }
        }
        await preview.screenshot('clinic-dark');
        assert.deepEqual(await preview.cspViolations(), [], 'the bundle runs under the webview CSP');
        assert.deepEqual(preview.errors, []);
    });

    it('labels the edges with choice texts, conditions, outcomes and else, clear of every box', async () => {
        const labels = await preview.page.$$eval('.edge-label', nodes => nodes.map(n => {
            const r = n.querySelector('rect')!.getBoundingClientRect();
            return { text: n.textContent!, x: r.x, y: r.y, width: r.width, height: r.height, id: '' };
        }));
        const texts = labels.map(l => l.text);
        for (const expected of ['Book an appointment', 'Talk to the front desk', 'age < 18', 'else', 'booked', 'full', 'Pick another day']) {
            assert.ok(texts.includes(expected), `an edge is labelled '${expected}' (labels: ${texts.join(' | ')})`);
        }
        const boxes = await preview.boxRects();
        for (const label of labels) {
            for (const box of boxes) assert.ok(!overlap(label, box), `label '${label.text}' lies on box ${box.id}`);
        }
    });

    it('tells box kinds apart by shape and colour, marks the start, the terminals, goals and other flows', async () => {
        const looks = await preview.page.$$eval('.box', nodes => nodes.map(n => {
            const shape = n.querySelector('.box-shape')!;
            return { id: n.getAttribute('data-box')!, cls: n.getAttribute('class')!, d: shape.getAttribute('d')!, stroke: getComputedStyle(shape).stroke };
        }));
        const byKind = new Map<string, { d: string; stroke: string }>();
        for (const box of clinic.boxes) {
            const look = looks.find(l => l.id === box.id)!;
            assert.match(look.cls, new RegExp(`kind-${box.kind}`));
            if (!box.goals.length && box.id !== clinic.start) byKind.set(box.kind, look);
        }
        const kinds = [...byKind.keys()];
        assert.deepEqual(kinds.sort(), ['action', 'choice', 'condition', 'end', 'handoff', 'input', 'message']);
        const strokes = new Set(kinds.map(k => byKind.get(k)!.stroke));
        assert.equal(strokes.size, kinds.length, `each kind has its own colour: ${[...strokes].join(', ')}`);
        const outline = (d: string) => d.replace(/[\d.]+/g, '#');
        assert.notEqual(outline(byKind.get('condition')!.d), outline(byKind.get('message')!.d), 'a condition is not a rectangle');
        assert.notEqual(outline(byKind.get('input')!.d), outline(byKind.get('message')!.d), 'an input is a parallelogram');
        assert.ok(looks.find(l => l.id === 'Clinic.welcome')!.cls.includes('start'));
        assert.equal(await preview.page.locator('.box.start .start-tag').count(), 1);
        for (const terminal of ['Clinic.goodbye', 'Clinic.emergency', 'Clinic.front_desk']) {
            assert.ok(looks.find(l => l.id === terminal)!.cls.includes('terminal'), `${terminal} is drawn as a terminal`);
        }
        const badges = await preview.page.$$eval('.goal-badge', nodes => nodes.map(n => `${n.closest('.box')!.getAttribute('data-box')}=${n.getAttribute('data-goal')}`));
        assert.deepEqual(badges.sort(), ['Clinic.callback_noted=callback_requested', 'Clinic.confirmed=appointment', 'Clinic.hours=question_answered', 'Clinic.insurance_faq=question_answered']);
    });

    it('posts reveal with the box range when a box is clicked', async () => {
        await preview.box('Clinic.book_slot').click();
        const reveal = (await preview.posted()).filter((m): m is Extract<FromPreview, { type: 'reveal' }> => m.type === 'reveal').pop();
        const bookSlot = clinic.boxes.find(b => b.id === 'Clinic.book_slot')!;
        assert.deepEqual(reveal, { type: 'reveal', boxId: 'Clinic.book_slot', range: bookSlot.range });
    });

    it('moves between boxes along the edges with the arrow keys and reveals with Enter', async () => {
        await preview.box('Clinic.welcome').focus();
        await preview.page.keyboard.press('ArrowDown');
        const focused = () => preview.page.evaluate(() => document.activeElement?.getAttribute('data-box'));
        assert.equal(await focused(), 'Clinic.main_menu');
        await preview.page.keyboard.press('ArrowDown');
        assert.equal(await focused(), 'Clinic.ask_returning', 'down follows the first option');
        await preview.page.keyboard.press('ArrowRight');
        assert.equal(await focused(), 'Clinic.hours', 'right goes to the next option of the same menu');
        await preview.page.keyboard.press('ArrowUp');
        assert.equal(await focused(), 'Clinic.main_menu', 'up returns to the menu');
        await preview.page.keyboard.press('Enter');
        const last = (await preview.posted()).pop();
        assert.equal(last?.type === 'reveal' && last.boxId, 'Clinic.main_menu');
    });

    it('rings the box the editor cursor is in', async () => {
        await preview.post({ type: 'highlight', boxId: 'Clinic.check_age' });
        await preview.page.waitForSelector('.box.highlighted[data-box="Clinic.check_age"] .box-ring', { state: 'visible' });
        assert.equal(await preview.page.locator('.box.highlighted').count(), 1);
        await preview.post({ type: 'highlight' });
        await preview.page.waitForSelector('.box.highlighted', { state: 'detached' });
    });

    it('styles covered and uncovered edges from a coverage message, with a toggle', async () => {
        const covered = clinic.edges.filter(e => e.from === 'Clinic.main_menu').map(e => e.id);
        const uncovered = clinic.edges.filter(e => e.from === 'Clinic.book_slot').map(e => e.id);
        await preview.post({ type: 'coverage', covered, uncovered });
        await preview.page.waitForSelector('.cf-canvas.show-coverage');
        const classes = await preview.page.$$eval('.edge.covered, .edge.uncovered', nodes => nodes.map(n => `${n.getAttribute('data-edge')} ${n.classList.contains('covered') ? 'covered' : 'uncovered'}`));
        assert.deepEqual(classes.sort(), [...covered.map(id => `${id} covered`), ...uncovered.map(id => `${id} uncovered`)].sort());
        await preview.screenshot('clinic-coverage');
        await preview.page.click('[data-action="coverage"]');
        assert.equal(await preview.page.locator('.cf-canvas.show-coverage').count(), 0);
        assert.equal(await preview.page.getAttribute('[data-action="coverage"]', 'aria-pressed'), 'false');
    });

    it('zooms with the buttons and the wheel, and fits to view', async () => {
        const zoom = async () => Number(/scale\(([\d.]+)\)/.exec((await preview.viewportTransform())!)![1]);
        const fitted = await zoom();
        await preview.page.click('[data-action="zoom-in"]');
        assert.ok(await zoom() > fitted);
        await preview.page.mouse.move(400, 300);
        await preview.page.mouse.wheel(0, 400);
        assert.ok(await zoom() < fitted * 1.25, 'wheel down zooms out');
        await preview.page.click('[data-action="fit"]');
        assert.equal(await zoom(), fitted);
    });

    it('exports a standalone SVG: concrete colours, no classes, no external references', async () => {
        await preview.post({ type: 'exportSvg', requestId: 41 });
        await preview.page.waitForFunction(() => (window as unknown as { __posted: FromPreview[] }).__posted.some(m => m.type === 'svg'));
        const answer = (await preview.posted()).find((m): m is Extract<FromPreview, { type: 'svg' }> => m.type === 'svg')!;
        assert.equal(answer.requestId, 41);
        const svg = answer.svg;
        writeFileSync(`${SCREENSHOTS}/clinic.svg`, svg);
        assert.ok(!svg.includes('var('), 'theme variables are resolved');
        assert.ok(!/class="/.test(svg), 'no class left that would need the stylesheet');
        assert.ok(!/(href|src)="(?!#)/.test(svg) && !/url\((?!#)/.test(svg), 'no external reference');
        for (const box of clinic.boxes) assert.ok(svg.includes(`data-box="${box.id}"`), `${box.id} is in the SVG`);
        // Rendered on its own, with no stylesheet, it still shows coloured boxes.
        const page = await fixture.browser.newPage({ viewport: { width: 1000, height: 900 } });
        await page.setContent(svg.replace(/^<\?xml[^>]*>/, ''));
        const stroke = await page.$eval('[data-box="Clinic.pick_day"] path', p => getComputedStyle(p).stroke);
        assert.equal(stroke, 'rgb(177, 128, 215)', 'the choice outline keeps the theme purple');
        await page.screenshot({ path: `${SCREENSHOTS}/clinic-exported-svg.png` });
        await page.close();
    });
});

describe('preview webview: themes', () => {
    let fixture: PreviewFixture;
    let clinic: FlowGraph;

    before(async () => {
        clinic = await exampleGraph('clinic.chatflow');
        fixture = await PreviewFixture.start();
    });

    after(async () => {
        await fixture?.close();
    });

    for (const [theme, background, name] of [['light', 'rgb(255, 255, 255)', 'rgb(59, 59, 59)'], ['hc', 'rgb(0, 0, 0)', 'rgb(255, 255, 255)']] as const) {
        it(`draws with the ${theme === 'hc' ? 'high contrast' : 'light'} theme's colours`, async () => {
            const preview = await fixture.open({ theme });
            await preview.postGraph({ type: 'graph', uri: clinic.uri, version: 1, flows: [clinic] });
            assert.equal(await preview.page.evaluate(() => getComputedStyle(document.body).backgroundColor), background);
            assert.equal(await preview.page.$eval('.box-name', t => getComputedStyle(t).fill), name);
            await preview.screenshot(`clinic-${theme}`);
            await preview.close();
        });
    }
});
