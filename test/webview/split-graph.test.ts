import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'mocha';
import { graphOf } from '../language/build-graph.js';
import { PreviewFixture, type PreviewPage } from './harness/preview-page.js';

describe('preview webview: a split experiment', () => {
    let fixture: PreviewFixture;
    let preview: PreviewPage;

    before(async () => {
        const graph = await graphOf(readFileSync('test/fixtures/experiments/pricing.chatflow', 'utf8').replace('arm a 50', 'arm a 70').replace('arm b 50', 'arm b 30'));
        fixture = await PreviewFixture.start();
        preview = await fixture.open();
        await preview.postGraph({ type: 'graph', uri: graph.uri, version: 1, flows: [graph] });
        await preview.page.click('[data-action="fit"]');
    });

    after(async () => {
        await fixture?.close();
    });

    it('draws the split in its own shape and each arm with its name and weight', async () => {
        const split = await preview.page.$eval('[data-box="Offers.pricing"]', node => ({ classes: node.getAttribute('class'), label: node.querySelector(':scope > title')?.textContent }));
        assert.match(split.classes ?? '', /\bkind-split\b/);
        assert.match(split.label ?? '', /^split pricing/);
        const arms = await preview.page.$$eval('.edge.kind-arm .edge-label text', nodes => nodes.map(n => n.textContent));
        assert.deepEqual(arms.sort(), ['a · 70%', 'b · 30%']);
    });

    it('lets the simulator force an arm: the chat takes it and says so, and a restart keeps it', async () => {
        const chat = preview.page.locator('.cf-chat');
        const picker = chat.locator('.cf-arm-picker');
        assert.ok(await picker.isVisible(), 'the picker shows for a flow with a split');
        assert.deepEqual(await picker.locator('option').allTextContents(),
            ['an arm drawn by the weights', 'arm a (pricing 70%)', 'arm b (pricing 30%)']);
        // The chat already passed the split when it started; the pick forces the next one: restart.
        await picker.selectOption('b');
        await chat.locator('[data-action="restart"]').click();
        assert.equal(await chat.locator('.cf-msg.bot').last().textContent(), 'New patients see a doctor within 48 hours, $40 off. Shall I book you in?');
        assert.equal(await chat.locator('.cf-arm-badge').getAttribute('data-arm'), 'b');
        await picker.selectOption('a');
        await chat.locator('[data-action="restart"]').click();
        assert.equal(await chat.locator('.cf-msg.bot').last().textContent(), 'Your first visit is $40 off this month. Book now?');
        assert.equal(await chat.locator('.cf-arm-badge').textContent(), 'pricing: arm a');
    });
});
