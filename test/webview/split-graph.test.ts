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
});
