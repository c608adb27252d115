import * as assert from 'node:assert';
import { CHATS_PAGE_SIZE, type AnalyticsInsight, type FromAnalytics } from '../../extension/webview-protocol.js';
import type { AnalyticsData } from './harness/analytics-data.js';
import { clinicAnalyticsSuite, type AnalyticsPage } from './harness/analytics-page.js';

const chatsRequest = (requests: FromAnalytics[]) => requests.find((m): m is Extract<FromAnalytics, { type: 'chats' }> => m.type === 'chats');

describe('the Analytics panel webview: outcomes, fix first, segments, paths (headless Chromium, clinic logs)', function () {
    this.timeout(90_000);
    const suite = clinicAnalyticsSuite();
    let data: AnalyticsData;
    let insight: AnalyticsInsight;
    let page: AnalyticsPage;
    beforeEach(() => {
        ({ data, page } = suite);
        insight = suite.overview.insight!;
    });

    /** Waits for the chats list and returns its heading and how many chats its first page lists. */
    async function listed(): Promise<[string, number]> {
        await page.page.waitForSelector('.chats-view');
        return [(await page.page.textContent('.chats-view h2'))!, await page.page.locator('.chats li').count()];
    }

    it('shows the outcomes adding up to the chats, and a day\'s bar opens exactly its chats', async () => {
        const { outcomes } = insight;
        assert.ok(outcomes.chats > 0 && outcomes.contained + outcomes.escalated + outcomes.abandoned + outcomes.inProgress === outcomes.chats);
        const shown = await page.page.$$eval('.outcome-totals .outcome', spans => spans.map(s => [s.getAttribute('data-outcome'), Number(s.querySelector('.number')!.textContent!.replace(/,/g, ''))]));
        assert.deepStrictEqual(shown, [['contained', outcomes.contained], ['escalated', outcomes.escalated], ['abandoned', outcomes.abandoned], ['inProgress', outcomes.inProgress]]);
        const bars = await page.page.$$eval('.outcome-chart rect.bar', rects => rects.length);
        assert.strictEqual(bars, outcomes.days.reduce((sum, d) => sum + ['contained', 'escalated', 'abandoned', 'inProgress'].filter(o => d[o as 'contained'] > 0).length, 0));
        // Each bar is drawn as tall as its count: the same pixels per chat for every bar of every day.
        const drawn = await page.page.$$eval('.outcome-chart rect.bar', rects => rects.map(r => ({
            height: r.getBoundingClientRect().height, count: Number(/: (\d+) /.exec(r.querySelector('title')!.textContent!)![1])
        })));
        const perChat = drawn.map(b => b.height / b.count);
        assert.ok(Math.max(...perChat) - Math.min(...perChat) < 0.05, `pixels per chat from ${Math.min(...perChat)} to ${Math.max(...perChat)}`);
        await page.screenshot('analytics-outcomes', true);
        const day = outcomes.days.find(d => d.abandoned > 0 && d.abandoned <= CHATS_PAGE_SIZE)!;
        await page.page.focus(`.outcome-chart rect[data-day="${day.day}"][data-outcome="abandoned"]`);
        await page.page.keyboard.press('Enter');
        assert.deepStrictEqual(chatsRequest(await page.answer())?.drill, { metric: 'outcome', outcome: 'abandoned', day: day.day });
        assert.deepStrictEqual(await listed(), [`${day.abandoned} chats`, day.abandoned]);
    });

    it('ranks the boxes to fix first by lost conversions; a row reveals its box and expands into the chats behind its numbers', async () => {
        const rows = await page.page.$$eval('.fix-first details.problem', ds => ds.map(d => d.getAttribute('data-box')));
        assert.ok(rows.length > 0);
        assert.deepStrictEqual(rows, insight.fixFirst.slice(0, rows.length).map(r => r.box));
        const totals = insight.fixFirst.map(r => r.lostTotal);
        assert.ok(totals.every((t, i) => i === 0 || totals[i - 1] >= t), 'most lost conversions first');
        const top = insight.fixFirst[0];
        await page.click('.fix-first li:first-child .problem-head button.box-link');
        assert.deepStrictEqual((await page.posted()).find(m => m.type === 'reveal'), { type: 'reveal', boxId: top.box });
        // Retries say what they are made of: a sensitive input's answers cannot be checked.
        const retried = await page.page.$$eval('.fix-first li .problem-head', heads => heads.map(h => h.querySelector('.retries')?.textContent ?? ''));
        const sensitive = insight.fixFirst.slice(0, retried.length).findIndex(r => r.retries > 0 && r.answers?.sensitive);
        assert.ok(sensitive >= 0, 'the sample logs have retries at a sensitive input');
        const row = insight.fixFirst[sensitive];
        assert.strictEqual(retried[sensitive], ` · retries ${row.retries.toLocaleString('en-US')} (answers of this box are sensitive: only logged retries counted)`);
        await page.page.click('.fix-first li:first-child summary');
        const goal = top.lost.find(l => l.wentOnConverted > 0)!;
        await page.page.waitForSelector(`.fix-first li:first-child tr[data-goal="${goal.goal}"] td:nth-child(3) button.number`, { state: 'visible' });
        await page.screenshot('analytics-fix-first', true);
        const requests = await page.click(`.fix-first li:first-child tr[data-goal="${goal.goal}"] td:nth-child(3) button.number`);
        assert.deepStrictEqual(chatsRequest(requests)?.drill, { metric: 'wentOn', box: top.box, goal: goal.goal });
        assert.strictEqual((await listed())[0], `${goal.wentOnConverted.toLocaleString('en-US')} chats`);
    });

    it('opens a box\'s fix-first row when a box\'s hover in the editor links to it', async () => {
        const second = insight.fixFirst[1];
        assert.ok(second, 'the clinic logs rank several boxes');
        assert.strictEqual(await page.page.locator(`details.problem[data-box="${second.box}"]`).getAttribute('open'), null);
        await page.post({ type: 'focusBox', box: second.box });
        await page.page.waitForSelector(`details.problem[data-box="${second.box}"][open]`);
        assert.strictEqual(await page.page.evaluate(() => document.activeElement?.textContent), second.label, 'the row\'s box button has the focus');
        assert.strictEqual(await page.page.locator('details.problem[open]').count(), 1, 'only that row opens');
    });

    it('shows the segments side by side once picked, adding up to the totals, and lists a column\'s chats within its segment', async () => {
        assert.match((await page.page.textContent('.segments .hint'))!, /Pick a segment/);
        await page.page.selectOption('select[name="segment"]', 'version');
        const filter = (await page.answer()).find(m => m.type === 'filter');
        assert.deepStrictEqual(filter, { type: 'filter', filter: { segmentBy: 'version' } });
        await page.page.waitForSelector('table.segment-table');
        const expected = (await data.overview({ segmentBy: 'version' })) as Extract<Awaited<ReturnType<AnalyticsData['overview']>>, { available: true }>;
        const segments = expected.insight!.segments!;
        assert.ok('columns' in segments);
        const headers = await page.page.$$eval('table.segment-table thead th[data-value]', ths => ths.map(th => th.getAttribute('data-value')));
        assert.deepStrictEqual(headers, segments.columns.map(c => c.value ?? '(none)'));
        assert.strictEqual(segments.columns.reduce((sum, c) => sum + c.chats, 0), insight.outcomes.chats, 'the versions add up to the chats');
        // Marked cells are exactly the differences found significant after the correction.
        const marked = await page.page.$$eval('table.segment-table td.significant', tds => tds.length);
        assert.strictEqual(marked, segments.columns.flatMap(c => c.differences.filter(d => d.significant && (d.measure.startsWith('outcome:') || c.conversions.some(g => `conversion:${g.goal}` === d.measure)))).length);
        await page.screenshot('analytics-segments', true);
        const column = segments.columns[0];
        const requests = await page.click('table.segment-table tbody tr:nth-child(4) td:nth-child(2) button.number');
        const request = chatsRequest(requests)!;
        assert.deepStrictEqual([request.drill, request.segment], [{ metric: 'outcome', outcome: 'abandoned' }, { by: 'version', value: column.value }]);
        assert.strictEqual((await listed())[0], `${column.outcomes.abandoned.toLocaleString('en-US')} chats`);
    });

    it('focuses every number on one channel from its column, says so in the filter bar, and shows all chats again from there', async () => {
        await page.page.selectOption('select[name="segment"]', 'channel');
        await page.answer();
        await page.page.waitForSelector('table.segment-table[data-segment="channel"] button.focus-segment');
        const web = await page.page.locator('table.segment-table th[data-value="web"]').count();
        assert.strictEqual(web, 1, 'the sample logs have a web channel');
        const requests = await page.click('table.segment-table th[data-value="web"] button.focus-segment');
        const filter = requests.find(m => m.type === 'filter');
        assert.deepStrictEqual(filter, { type: 'filter', filter: { segmentBy: 'channel', segment: { by: 'channel', value: 'web' } } });
        // The panel's numbers are the web chats' now: the one column left, and the filter bar names it.
        await page.page.waitForSelector('.filters .segment-focus');
        assert.strictEqual((await page.page.textContent('.filters .segment-focus'))!.trim().replace(/\s*✕$/, ''), 'Only channel web');
        const headers = await page.page.$$eval('table.segment-table thead th[data-value]', ths => ths.map(th => th.getAttribute('data-value')));
        assert.deepStrictEqual(headers, ['web']);
        assert.strictEqual(await page.page.getAttribute('table.segment-table th[data-value="web"] button.focus-segment', 'aria-pressed'), 'true');
        const webChats = (await data.overview({ segment: { by: 'channel', value: 'web' } })) as Extract<Awaited<ReturnType<AnalyticsData['overview']>>, { available: true }>;
        assert.match((await page.page.textContent('.filtered'))!, new RegExp(`^Showing ${webChats.insight!.outcomes.chats.toLocaleString('en-US')} chats: channel web\\.$`));
        await page.screenshot('analytics-segment-focus', true);
        // Out again from the filter bar, by keyboard.
        await page.page.focus('.filters .clear-segment');
        await page.page.keyboard.press('Enter');
        const cleared = (await page.answer()).find(m => m.type === 'filter');
        assert.deepStrictEqual(cleared, { type: 'filter', filter: { segmentBy: 'channel' } });
        await page.page.waitForSelector('.filters .segment-focus', { state: 'detached' });
    });

    it('lists the most taken complete paths with their chats and conversions', async () => {
        const items = await page.page.$$eval('ol.paths li.path', lis => lis.map(li => li.getAttribute('data-path')));
        assert.deepStrictEqual(items, insight.paths.map(p => p.boxes.join(' ')));
        const first = insight.paths[0];
        const requests = await page.click('ol.paths li.path:first-child > button.number');
        assert.deepStrictEqual(chatsRequest(requests)?.drill, { metric: 'path', boxes: first.boxes });
        assert.strictEqual((await listed())[0], `${first.chats.toLocaleString('en-US')} chats`);
        const times = await page.page.$$eval('.time-to-convert li', lis => lis.map(li => li.getAttribute('data-goal')));
        assert.deepStrictEqual(times, insight.timeToConvert.filter(t => t.n > 0).map(t => t.goal));
    });

    it('lights a path on the graph from its row\'s button, reached by keyboard too', async () => {
        const second = insight.paths[1];
        await page.page.focus('ol.paths li.path:nth-child(2) button.light-path');
        await page.page.keyboard.press('Enter');
        const light = (await page.posted()).find(m => m.type === 'lightPath');
        assert.deepStrictEqual(light, { type: 'lightPath', boxes: second.boxes, chats: second.chats, converted: second.converted });
        assert.strictEqual(await page.page.locator('ol.paths button.light-path').count(), insight.paths.length, 'one button per path');
    });
});
