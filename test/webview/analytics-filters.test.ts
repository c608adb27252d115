import * as assert from 'node:assert';
import type { FromAnalytics } from '../../extension/webview-protocol.js';
import type { AnalyticsOverviewResult } from '../../server/protocol.js';
import type { AnalyticsData } from './harness/analytics-data.js';
import { CLINIC_URI as URI, clinicAnalyticsSuite, type AnalyticsPage } from './harness/analytics-page.js';

type Available = Extract<AnalyticsOverviewResult, { available: true }>;

/** The drop-out table as the user reads it: box -> drop-outs. */
async function dropOutRows(page: AnalyticsPage): Promise<Record<string, number>> {
    return Object.fromEntries(await page.page.$$eval('table.dropouts tbody tr', trs => trs.map(tr =>
        [tr.getAttribute('data-box')!, Number(tr.children[1].textContent!.replace(/,/g, ''))])));
}

function expectedRows(o: Available, shown: number): Record<string, number> {
    return Object.fromEntries(o.dropOuts.filter(d => d.dropOuts > 0).slice(0, shown).map(d => [d.box, d.dropOuts]));
}

const filters = (posted: FromAnalytics[]) => posted.filter((m): m is Extract<FromAnalytics, { type: 'filter' }> => m.type === 'filter').map(m => m.filter);

describe('the Analytics panel webview: date range and version filter', function () {
    this.timeout(90_000);
    const suite = clinicAnalyticsSuite();
    let data: AnalyticsData;
    let all: Available;
    let page: AnalyticsPage;
    beforeEach(() => ({ data, overview: all, page } = suite));

    it('offers the store\'s versions and days, sends the version picked, and every view shows that version\'s chats', async () => {
        const options = await page.page.$$eval('select[name="version"] option', os => os.map(o => (o as HTMLOptionElement).value));
        assert.deepStrictEqual(options, ['', ...all.storeVersions!]);
        assert.strictEqual(await page.page.getAttribute('input[name="from"]', 'min'), all.totals.first!.slice(0, 10));
        const version = all.versions[0].version;
        await page.page.selectOption('select[name="version"]', version);
        assert.deepStrictEqual(filters(await page.answer()), [{ version }]);
        await page.page.waitForSelector('.filtered');
        const only = await data.overview({ version });
        assert.ok(only.available);
        assert.strictEqual(await page.page.textContent('.filtered'), `Showing ${all.versions[0].chats.toLocaleString('en-US')} chats: flow version ${version}.`);
        const rows = await dropOutRows(page);
        assert.deepStrictEqual(rows, expectedRows(only, Object.keys(rows).length), 'the drop-out table holds the version\'s numbers');
        assert.notDeepStrictEqual(rows, expectedRows(all, Object.keys(rows).length), 'and they differ from all chats\'');
        const chartTotal = await page.page.$$eval('svg.chart circle[data-chats]', cs => cs.reduce((sum, c) => sum + Number(c.getAttribute('data-chats')), 0));
        assert.strictEqual(chartTotal, only.conversions.reduce((sum, c) => sum + c.chats, 0), 'the chart counts the version\'s conversions');
        const funnel = only.funnels[0];
        assert.strictEqual(await page.page.textContent(`ol.funnel[data-goal="${funnel.goal}"] li:nth-child(1) button.number`), funnel.steps[0].chats.toLocaleString('en-US'));
        assert.strictEqual(await page.page.inputValue('select[name="version"]'), version, 'the picker keeps the choice');
        assert.deepStrictEqual(await page.page.evaluate(() => (window as unknown as { __state: unknown }).__state), { uri: URI, filter: { version } }, 'the filter persists in the webview state');

        // The chats behind a filtered number add up to it.
        const top = only.dropOuts[0];
        await page.click(`table.dropouts tr[data-box="${top.box}"] td:nth-child(2) button.number`);
        await page.page.waitForSelector('.chats-view');
        assert.strictEqual(await page.page.textContent('.chats-view h2'), `${top.dropOuts.toLocaleString('en-US')} chats`);
        await page.screenshot('analytics-filtered-version', true);
    });

    it('applies a date range to the numbers, and clears it', async () => {
        await page.page.fill('input[name="from"]', '2026-11-10');
        await page.page.fill('input[name="to"]', '2026-11-16');
        await page.page.locator('input[name="to"]').dispatchEvent('change');
        const sent = filters(await page.answer());
        assert.deepStrictEqual(sent[sent.length - 1], { from: '2026-11-10', to: '2026-11-16' });
        await page.page.waitForFunction(() => document.querySelector('.filtered')?.textContent?.includes('2026-11-16'));
        const week = await data.overview({ from: '2026-11-10', to: '2026-11-16' });
        assert.ok(week.available);
        const rows = await dropOutRows(page);
        assert.deepStrictEqual(rows, expectedRows(week, Object.keys(rows).length));
        const points = await page.page.$$eval('svg.chart .series circle', cs => cs.map(c => ({ day: c.getAttribute('data-day')!, chats: Number(c.getAttribute('data-chats')) })));
        // A chat started late on the 16th may convert after midnight: it counts on the 17th.
        assert.ok(points.length > 0 && points.every(p => p.day >= '2026-11-10' && p.day <= '2026-11-17'), `the chart shows that week: ${[...new Set(points.map(p => p.day))].join(', ')}`);
        assert.strictEqual(points.reduce((sum, p) => sum + p.chats, 0), week.conversions.reduce((sum, c) => sum + c.chats, 0), 'and the week\'s conversions');

        await page.click('button.clear-filter');
        assert.deepStrictEqual(filters(await page.posted()).pop(), {});
        await page.page.waitForFunction(() => !document.querySelector('.filtered'));
        assert.deepStrictEqual(await dropOutRows(page), expectedRows(all, Object.keys(rows).length));
    });

    it('says so when no chat matches, and refuses a start after the end', async () => {
        await page.page.fill('input[name="from"]', '2026-11-20');
        await page.page.fill('input[name="to"]', '2026-11-02');
        await page.page.locator('input[name="to"]').dispatchEvent('change');
        assert.match((await page.page.textContent('.filter-error'))!, /start day 2026-11-20 is after the end day 2026-11-02/);
        assert.deepStrictEqual(filters(await page.answer()).filter(f => f.to === '2026-11-02'), [], 'nothing sent for an impossible range');

        await page.page.fill('input[name="from"]', '2025-01-01');
        await page.page.fill('input[name="to"]', '2025-01-31');
        await page.page.locator('input[name="to"]').dispatchEvent('change');
        await page.answer();
        await page.page.waitForSelector('.no-match');
        assert.match((await page.page.textContent('.no-match'))!, /No chats of these flows match the filter \(chats started 2025-01-01 to 2025-01-31\)/);
        assert.strictEqual(await page.page.locator('table.dropouts, svg.chart').count(), 0, 'no empty chart or table pretending to be numbers');
        assert.ok(await page.page.isVisible('form.filters'), 'the controls stay, to change the filter');
        await page.screenshot('analytics-filter-no-match');
    });

    it('sends the filter saved before a reload with its first "ready"', async () => {
        const restored = await suite.fixture.open(data, 'dark', { uri: URI, filter: { version: all.versions[0].version } });
        try {
            const ready = (await restored.posted()).find(m => m.type === 'ready');
            assert.deepStrictEqual(ready, { type: 'ready', filter: { version: all.versions[0].version } });
        } finally {
            await restored.close();
        }
    });
});
