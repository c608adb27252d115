import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'mocha';
import type { FlowGraph } from '../../language/flow-model.js';
import { exampleGraph, graphOf } from '../language/build-graph.js';
import { PreviewFixture } from './harness/preview-page.js';

/** The clinic flow after an edit: a parking option in the main menu, with its own answer box. */
function clinicWithParking(): string {
    return readFileSync('examples/clinic.chatflow', 'utf8')
        .replace('"Talk to the front desk" -> front_desk', '"Talk to the front desk" -> front_desk\n        "Parking" -> parking')
        .replace('    choice anything_else', '    message parking "Free parking behind the clinic, entrance on Mill Lane." {\n        goal question_answered\n        -> anything_else\n    }\n\n    choice anything_else');
}

/** Two flows in one document: a refill flow that hands over to the pharmacy's front desk flow. */
const PHARMACY = `${readFileSync('test/fixtures/lsp/pharmacy/desk.chatflow', 'utf8')}\n${readFileSync('test/fixtures/lsp/pharmacy/refill.chatflow', 'utf8')}`;

describe('preview webview: live updates', () => {
    let fixture: PreviewFixture;
    let clinic: FlowGraph;

    before(async () => {
        clinic = await exampleGraph('clinic.chatflow');
        fixture = await PreviewFixture.start();
    });

    after(async () => {
        await fixture?.close();
    });

    it('keeps the drawing and names the first errors (1-based lines) while the document has errors', async () => {
        const preview = await fixture.open();
        await preview.postGraph({ type: 'graph', uri: clinic.uri, version: 1, flows: [clinic] });
        await preview.post({
            type: 'problems', uri: clinic.uri, errors: [
                { message: "Could not resolve reference to Box named 'ask_retuning'.", line: 27, character: 34, code: 'linking-error' },
                { message: "Expecting token of type '->' but found `ask_name`.", line: 64, character: 8 },
                { message: "Goal 'apointment' is not declared.", line: 140, character: 13 },
                { message: 'Box confirmed cannot be reached from the start.', line: 139, character: 12 }
            ]
        });
        const banner = preview.page.locator('.cf-banner');
        await banner.waitFor({ state: 'visible' });
        assert.equal(await banner.locator('strong').textContent(), 'The flow has 4 errors; the graph shows the last version without errors.');
        assert.deepEqual(await banner.locator('li').allTextContents(), [
            "Line 28, column 35: Could not resolve reference to Box named 'ask_retuning'.",
            "Line 65, column 9: Expecting token of type '->' but found `ask_name`.",
            "Line 141, column 14: Goal 'apointment' is not declared."
        ]);
        assert.equal((await preview.boxRects()).length, clinic.boxes.length, 'the last good graph is still drawn');
        await preview.screenshot('clinic-problems-banner');
        await preview.postGraph({ type: 'graph', uri: clinic.uri, version: 2, flows: [clinic] });
        assert.ok(await banner.isHidden(), 'a good graph clears the banner');
        await preview.close();
    });

    it('redraws an edited graph without moving the zoom and pan the user chose', async () => {
        const preview = await fixture.open();
        await preview.postGraph({ type: 'graph', uri: clinic.uri, version: 1, flows: [clinic] });
        const fitted = await preview.viewportTransform();
        await preview.page.click('[data-action="zoom-in"]');
        await preview.page.mouse.move(300, 500);
        await preview.page.mouse.down();
        await preview.page.mouse.move(420, 380, { steps: 5 });
        await preview.page.mouse.up();
        const chosen = await preview.viewportTransform();
        assert.notEqual(chosen, fitted);
        assert.equal((await preview.posted()).filter(m => m.type === 'reveal').length, 0, 'a drag is not a click');

        const edited = await graphOf(clinicWithParking());
        await preview.postGraph({ type: 'graph', uri: clinic.uri, version: 2, flows: [edited] });
        assert.equal(await preview.viewportTransform(), chosen);
        const ids = (await preview.boxRects()).map(r => r.id);
        assert.ok(ids.includes('Clinic.parking'));
        assert.equal(ids.length, clinic.boxes.length + 1);
        assert.equal(await preview.page.locator('.edge-label', { hasText: 'Parking' }).count(), 1);
        await preview.page.waitForFunction(t => (window as unknown as { __state?: { viewport?: unknown } }).__state?.viewport !== undefined && document.querySelector('.cf-viewport')!.getAttribute('transform') === t, chosen);
        const state = await preview.savedState();
        assert.equal(state?.uri, clinic.uri);
        assert.equal(state?.flow, 'Clinic');
        const [x, y, zoom] = chosen!.match(/-?[\d.]+/g)!.map(Number);
        assert.ok(Math.abs(state!.viewport!.x - x) < 0.01 && Math.abs(state!.viewport!.y - y) < 0.01 && state!.viewport!.zoom === zoom,
            `saved viewport ${JSON.stringify(state!.viewport)} is the one on screen: ${chosen}`);

        // A reload (the serializer restores the saved state) comes back to the same view.
        const restored = await fixture.open({ state });
        await restored.postGraph({ type: 'graph', uri: clinic.uri, version: 2, flows: [edited] });
        assert.equal(await restored.viewportTransform(), chosen);
        await restored.close();
        await preview.close();
    });

    it('offers a flow picker for a document with several flows, and draws boxes of other flows dashed', async () => {
        const refill = await graphOf(PHARMACY, 'Refill');
        const desk = await graphOf(PHARMACY, 'Desk');
        const preview = await fixture.open();
        await preview.postGraph({ type: 'graph', uri: refill.uri, version: 1, flows: [desk, refill] });
        const picker = preview.page.locator('.cf-flow-picker');
        assert.ok(await picker.isVisible());
        assert.deepEqual(await picker.locator('option').allTextContents(), ['Desk: Greenway Pharmacy front desk', 'Refill: Prescription refill']);
        assert.deepEqual((await preview.boxRects()).map(r => r.id).sort(), desk.boxes.map(b => b.id).sort());

        const drawn = await preview.drawCount();
        await picker.selectOption('Refill');
        await preview.page.waitForFunction(n => Number(document.getElementById('chatflow-preview')!.dataset.drawCount) > n, drawn);
        assert.deepEqual((await preview.boxRects()).map(r => r.id).sort(), refill.boxes.map(b => b.id).sort());
        const external = await preview.page.$$eval('.box.external', nodes => nodes.map(n => n.getAttribute('data-box')));
        assert.deepEqual(external.sort(), ['Desk.goodbye', 'Desk.pharmacist']);
        assert.equal(await preview.page.$eval('.box.external .box-shape', s => getComputedStyle(s).strokeDasharray), '6px, 4px');
        assert.equal(await preview.page.locator('.cf-msg.bot').first().textContent(), "What's your prescription number?", 'the chat runs the flow shown');
        assert.equal((await preview.savedState())?.flow, 'Refill');
        await preview.screenshot('pharmacy-refill');

        // The cursor moving into the desk flow in the editor brings that flow up.
        await preview.post({ type: 'highlight', boxId: 'Desk.desk_menu' });
        await preview.page.waitForSelector('.box.highlighted[data-box="Desk.desk_menu"]');
        assert.equal(await picker.inputValue(), 'Desk');
        await preview.close();
    });

    it('says why there is no drawing when the layout worker cannot be loaded, and logs it to the extension', async () => {
        const preview = await fixture.open({ worker: '/dist/webview/layout-worker-missing.js' });
        await preview.post({ type: 'graph', uri: clinic.uri, version: 1, flows: [clinic] });
        await preview.page.waitForSelector('#chatflow-preview[data-status="error"]');
        const status = await preview.page.locator('.cf-status').textContent();
        assert.match(status!, /Could not lay out the flow: Could not fetch the layout worker .*layout-worker-missing\.js: HTTP 404/);
        const log = (await preview.posted()).find(m => m.type === 'log');
        assert.equal(log?.type === 'log' && log.level, 'error');
        assert.match(log?.type === 'log' ? log.message : '', /flow Clinic \(29 boxes\)/);
        assert.equal(await preview.page.locator('.cf-msg.bot').first().textContent(), "Hi! I'm the Riverside Family Clinic assistant.", 'the chat still works');
        await preview.close();
    });
});
