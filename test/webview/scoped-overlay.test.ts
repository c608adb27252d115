import assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import type { FlowGraph } from '../../language/flow-model.js';
import { graphOverlay } from '../../extension/preview/stats-overlay.js';
import type { AnalyticsScope } from '../../extension/webview-protocol.js';
import { exampleGraph } from '../language/build-graph.js';
import { AnalyticsData } from './harness/analytics-data.js';
import { PreviewFixture, type PreviewPage } from './harness/preview-page.js';

describe('preview webview: the overlay follows the Analytics panel\'s filter (the shared scope)', function () {
    this.timeout(90_000);
    let fixture: PreviewFixture;
    let data: AnalyticsData;
    let clinic: FlowGraph;
    let preview: PreviewPage;
    let scope: AnalyticsScope;

    before(async () => {
        clinic = await exampleGraph('clinic.chatflow');
        data = await AnalyticsData.load('examples/clinic.chatflow');
        const overview = await data.overview();
        const versions = overview.available ? overview.storeVersions ?? [] : [];
        assert.ok(versions.length >= 2, `the sample logs have two flow versions: ${versions.join(', ')}`);
        scope = { from: '2026-11-12', to: '2026-11-12', version: versions[versions.length - 1] };
        fixture = await PreviewFixture.start();
        preview = await fixture.open();
        await preview.postGraph({ type: 'graph', uri: clinic.uri, version: 1, flows: [clinic] });
        await preview.page.click('[data-action="fit"]');
    });

    after(async () => {
        await fixture?.close();
        await data?.close();
    });

    const tagOf = (box: string) => preview.box(box).locator('.stats-tag text').textContent();

    it('draws the numbers of the filtered chats with the filter named above the graph, and asks to clear it', async () => {
        const all = await data.boxStats();
        await preview.post({ type: 'stats', overlay: graphOverlay([clinic], all.stats, all.edges) });
        await preview.page.waitForSelector('.cf-canvas.with-stats .stats-tag');
        assert.ok(await preview.page.isHidden('.cf-scope'), 'all chats: no filter named');
        const menu = 'Clinic.main_menu';
        assert.ok((await tagOf(menu))!.startsWith(`${all.stats[menu].visits.toLocaleString('en-US')} chats`));

        const scoped = await data.boxStats(scope);
        assert.ok(scoped.stats[menu].visits > 0 && scoped.stats[menu].visits < all.stats[menu].visits, 'one day of one version is fewer chats');
        await preview.post({ type: 'stats', overlay: graphOverlay([clinic], scoped.stats, scoped.edges), scope });
        const expected = `${scoped.stats[menu].visits} chats · ↓${scoped.stats[menu].dropOuts} (${(scoped.stats[menu].dropOutRate * 100).toFixed(1)}%)`;
        await preview.page.waitForFunction(([box, text]) => document.querySelector(`.box[data-box="${box}"] .stats-tag text`)?.textContent === text, [menu, expected] as const);
        assert.ok(await preview.page.isVisible('.cf-scope'));
        assert.equal(await preview.page.textContent('.cf-scope-label'), `Filtered: chats started 2026-11-12 to 2026-11-12, flow version ${scope.version}`);
        await preview.screenshot('clinic-analytics-filtered');

        await preview.page.click('.cf-scope-clear');
        assert.deepEqual((await preview.posted()).filter(m => m.type === 'clearScope'), [{ type: 'clearScope' }]);
        // The extension answers with the numbers of all chats again, without a scope.
        await preview.post({ type: 'stats', overlay: graphOverlay([clinic], all.stats, all.edges), scope: {} });
        await preview.page.waitForSelector('.cf-scope', { state: 'hidden' });
        assert.ok((await tagOf(menu))!.startsWith(`${all.stats[menu].visits.toLocaleString('en-US')} chats`));
        // With the overlay off there are no numbers, so no filter is named either.
        await preview.post({ type: 'stats', scope });
        assert.ok(await preview.page.isHidden('.cf-scope'));
        assert.deepEqual(await preview.cspViolations(), []);
        assert.deepEqual(preview.errors, []);
    });
});
