import * as assert from 'node:assert';
import type { PrivacyStatus } from '../../analytics/model.js';
import type { AnalyticsOverviewResult } from '../../server/protocol.js';
import { tempFolder } from '../analytics/helpers.js';
import { privacyStatusOf, writePhiLogs } from '../analytics/privacy/phi-logs.js';
import { runCli } from '../cli/run-cli.js';
import { AnalyticsData } from './harness/analytics-data.js';
import { AnalyticsFixture, type AnalyticsPage } from './harness/analytics-page.js';

type Available = Extract<AnalyticsOverviewResult, { available: true }>;

/** The status of a real database the CLI imported intake chats into under `policy`. */
async function statusAfterImport(policy: 'redact' | 'keep', folder: string): Promise<PrivacyStatus> {
    const logs = writePhiLogs(folder, 6);
    const db = `${folder}/${policy}.db`;
    for (const file of [logs.files.jsonl, logs.files.csv]) {
        const run = runCli('import', file, '--flow', 'test/fixtures/privacy/intake.chatflow', '--db', db, '--policy', policy);
        assert.strictEqual(run.status, 0, run.stderr);
    }
    return privacyStatusOf(db);
}

describe('the Analytics panel warns while kept patient text is stored (headless Chromium)', function () {
    this.timeout(90_000);
    let fixture: AnalyticsFixture;
    let data: AnalyticsData;
    let overview: Available;
    let page: AnalyticsPage;
    let temp: ReturnType<typeof tempFolder>;

    before(async () => {
        temp = tempFolder();
        data = await AnalyticsData.load('examples/clinic.chatflow');
        const result = await data.overview();
        assert.ok(result.available);
        overview = result;
        fixture = await AnalyticsFixture.start();
    });
    after(async () => {
        await fixture?.close();
        await data?.close();
        temp?.cleanup();
    });
    beforeEach(async () => {
        page = await fixture.open(data);
    });
    afterEach(async () => {
        assert.deepStrictEqual(await page.cspViolations(), [], 'no CSP violation');
        assert.deepStrictEqual(page.errors, [], 'no script error');
        await page.close();
    });

    const show = async (privacy: PrivacyStatus) => {
        await page.post({ type: 'overview', uri: 'file:///work/examples/clinic.chatflow', title: 'Analytics clinic.chatflow', result: { ...overview, privacy } });
        await page.page.waitForSelector('.overview');
    };

    it('shows a warning naming the re-redaction command above the numbers after imports under keep', async () => {
        const status = await statusAfterImport('keep', temp.folder);
        assert.deepStrictEqual(status, { keptText: true, keptImports: 2, lastPolicy: 'keep' });
        await show(status);
        const banner = page.page.locator('.overview .privacy-warning[role="alert"]');
        assert.strictEqual(await banner.count(), 1);
        const text = await banner.textContent();
        assert.match(text!, /^Kept patient text: this database holds typed answers stored as typed \(2 imports under the 'keep' privacy policy/);
        assert.match(text!, /Run "Chatflow: Re-apply Privacy Policy to Database" to redact them\.$/);
        // First thing under the title, before the charts.
        assert.strictEqual(await page.page.$eval('.overview > header + *', el => el.className), 'privacy-warning');
        await page.screenshot('analytics-kept-text-warning');
    });

    it('shows no warning when everything was imported under redact', async () => {
        const status = await statusAfterImport('redact', temp.folder);
        assert.strictEqual(status.keptText, false);
        await show(status);
        assert.strictEqual(await page.page.locator('.privacy-warning').count(), 0);
        assert.ok(await page.page.locator('.overview section.card').count() > 0, 'the numbers are shown');
    });
});
