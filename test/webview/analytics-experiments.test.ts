import * as assert from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AnalyticsOverviewResult } from '../../server/protocol.js';
import { writePricingLog } from '../analytics/experiments/pricing-log.js';
import { AnalyticsData } from './harness/analytics-data.js';
import { AnalyticsFixture, type AnalyticsPage } from './harness/analytics-page.js';

type Available = Extract<AnalyticsOverviewResult, { available: true }>;
const PRICING = 'test/fixtures/experiments/pricing.chatflow';

describe('the Analytics panel: a split experiment (headless Chromium, logs imported by the CLI)', function () {
    this.timeout(90_000);
    let logs: string;
    let data: AnalyticsData;
    let fixture: AnalyticsFixture;
    let overview: Available;
    let page: AnalyticsPage;

    before(async () => {
        logs = mkdtempSync(join(tmpdir(), 'chatflow-pricing-'));
        // 10% of 600 chats book after arm a, 20% of 600 after arm b, over 8 days.
        writePricingLog(join(logs, 'pricing.jsonl'), { a: 600, b: 600, bookedA: 60, bookedB: 120 });
        data = await AnalyticsData.load(PRICING, [[join(logs, 'pricing.jsonl')]], PRICING);
        const result = await data.overview();
        assert.ok(result.available);
        overview = result;
        fixture = await AnalyticsFixture.start();
        page = await fixture.open(data);
        await page.post({ type: 'overview', uri: 'file:///work/pricing.chatflow', title: 'Analytics pricing.chatflow', result: overview });
        await page.page.waitForSelector('.experiment');
    });

    after(async () => {
        await fixture?.close();
        await data?.close();
        rmSync(logs, { recursive: true, force: true });
    });

    it('shows each arm\'s chats, conversions and rate, the difference with its interval, and the decision', async () => {
        const [experiment] = overview.experiments!;
        assert.strictEqual(experiment.decision.kind, 'decide');
        const rows = await page.page.$$eval('.experiment-arms tbody tr', trs => trs.map(tr => [...tr.children].map(td => td.textContent!.trim())));
        assert.deepStrictEqual(rows.map(r => r.slice(0, 5)), [['arm a', '50%', '600', '60', '10.0%'], ['arm b', '50%', '600', '120', '20.0%']]);
        assert.strictEqual(rows[0][5], 'control');
        assert.match(rows[1][5], /^\+10\.0 pts \[\+\d+\.\d pts, \+\d+\.\d pts\]$/);
        assert.match(await page.page.textContent('.experiment .decision') ?? '', /^arm b \+10\.0 pts · \d+% best · decide — /);
        assert.match(await page.page.textContent('.experiment .srm') ?? '', /^Sample ratio as weighted/);
        await page.screenshot('analytics-experiment', true);
    });

    it('charts the always-valid p-value per day, never rising, against α', async () => {
        const [experiment] = overview.experiments!;
        const drawn = await page.page.$$eval('.experiment-chart circle', cs => cs.map(c => [c.getAttribute('data-day'), Number(c.getAttribute('data-p'))]));
        assert.deepStrictEqual(drawn, experiment.daily.map(d => [d.day, d.pValue]));
        assert.strictEqual(drawn.length, 8, 'one point per day of the 8 days');
        assert.ok(drawn.every(([, p], i) => i === 0 || (p as number) <= (drawn[i - 1][1] as number)), 'cumulative: the statistic never rises');
        assert.match(await page.page.textContent('.experiment-chart .alpha-label') ?? '', /^α = 0\.05$/);
    });

    it('lists the chats behind an arm\'s conversions', async () => {
        const requests = await page.click('.experiment-arms tr[data-arm="b"] td:nth-child(4) button.number');
        assert.deepStrictEqual(requests.find(r => r.type === 'chats')?.drill,
            { metric: 'experimentConversions', split: 'Offers.pricing', box: 'Offers.offer_b', goal: 'appointment' });
        await page.page.waitForSelector('.chats-view');
        assert.strictEqual(await page.page.textContent('.chats-view h2'), '120 chats');
    });
});
