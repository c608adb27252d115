import assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import type { FlowGraph } from '../../language/flow-model.js';
import type { AnalyticsOverviewResult } from '../../server/protocol.js';
import { graphOverlay } from '../../extension/preview/stats-overlay.js';
import { exampleGraph } from '../language/build-graph.js';
import { AnalyticsData } from './harness/analytics-data.js';
import { AnalyticsFixture, CLINIC_TITLE, CLINIC_URI } from './harness/analytics-page.js';
import { describeViolations, seriousViolations } from './harness/axe.js';
import { PreviewFixture, SCREENSHOTS } from './harness/preview-page.js';

const THEMES = ['dark', 'light', 'hc'] as const;
const NAMES = { dark: 'dark', light: 'light', hc: 'high contrast' };

describe('accessibility: axe-core on the webviews in the dark, light and high contrast themes (headless Chromium)', function () {
    this.timeout(120_000);
    let clinic: FlowGraph;
    let data: AnalyticsData;
    let overview: Extract<AnalyticsOverviewResult, { available: true }>;
    let previews: PreviewFixture;
    let panels: AnalyticsFixture;

    before(async () => {
        clinic = await exampleGraph('clinic.chatflow');
        data = await AnalyticsData.load('examples/clinic.chatflow');
        const result = await data.overview();
        assert.ok(result.available);
        overview = result;
        previews = await PreviewFixture.start();
        panels = await AnalyticsFixture.start();
    });

    after(async () => {
        await previews?.close();
        await panels?.close();
        await data?.close();
    });

    for (const theme of THEMES) {
        it(`the preview, with the analytics overlay and the chat simulator, has no serious or critical violation (${NAMES[theme]})`, async () => {
            const preview = await previews.open({ theme, width: 1100, height: 800 });
            await preview.postGraph({ type: 'graph', uri: clinic.uri, version: 1, flows: [clinic] });
            const stats = await data.boxStats();
            await preview.post({ type: 'stats', overlay: graphOverlay([clinic], stats.stats, stats.edges) });
            await preview.page.waitForSelector('.stats-tag');
            await preview.page.locator('.cf-chat .cf-reply button').first().click();
            const violations = await seriousViolations(preview.page);
            await preview.page.screenshot({ path: `${SCREENSHOTS}/a11y-preview-${theme}.png` });
            assert.deepEqual(violations, [], describeViolations(violations));
            await preview.close();
        });

        it(`the Analytics panel, with a list of chats open, has no serious or critical violation (${NAMES[theme]})`, async () => {
            const page = await panels.open(data, theme);
            await page.post({ type: 'overview', uri: CLINIC_URI, title: CLINIC_TITLE, result: overview });
            await page.page.waitForSelector('.overview');
            const top = overview.dropOuts[0];
            await page.click(`table.dropouts tr[data-box="${top.box}"] td:nth-child(2) button.number`);
            await page.page.waitForSelector('.chats-view');
            const violations = await seriousViolations(page.page);
            await page.page.screenshot({ path: `${SCREENSHOTS}/a11y-analytics-${theme}.png`, fullPage: true });
            assert.deepEqual(violations, [], describeViolations(violations));
            await page.close();
        });
    }
});
