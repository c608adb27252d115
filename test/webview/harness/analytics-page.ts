import * as assert from 'node:assert';
import { mkdirSync } from 'node:fs';
import { after, afterEach, before, beforeEach } from 'mocha';
import type { Browser, Page } from 'playwright-core';
import type { AnalyticsState, FromAnalytics, PanelFilter, ToAnalytics } from '../../../extension/webview-protocol.js';
import type { AnalyticsOverviewResult } from '../../../server/protocol.js';
import { AnalyticsData } from './analytics-data.js';
import { launchChromium } from './browser.js';
import { ensureWebviewBuilt, SCREENSHOTS } from './preview-page.js';
import { harnessPage } from './harness-page.js';
import { startStaticServer, type StaticServer } from './static-server.js';

/** A browser and a server for the Analytics page; one per test file. */
export class AnalyticsFixture {
    private constructor(readonly browser: Browser, readonly server: StaticServer) {}

    static async start(): Promise<AnalyticsFixture> {
        ensureWebviewBuilt();
        mkdirSync(SCREENSHOTS, { recursive: true });
        const server = await startStaticServer({ '/dist/webview/': 'dist/webview', '/page/': 'test/webview/page' }, { '/analytics.html': origin => harnessPage('analytics', origin) });
        try {
            return new AnalyticsFixture(await launchChromium(), server);
        } catch (error) {
            await server.close();
            throw error;
        }
    }

    async open(data: AnalyticsData, theme: 'dark' | 'light' | 'hc' = 'dark', state?: AnalyticsState): Promise<AnalyticsPage> {
        const page = await this.browser.newPage({ viewport: { width: 1280, height: 900 } });
        const errors: string[] = [];
        page.on('pageerror', error => errors.push(error.message));
        page.on('console', message => { if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico')) errors.push(`${message.text()} ${message.location().url}`); });
        const query = new URLSearchParams({ theme });
        if (state) query.set('state', JSON.stringify(state));
        await page.goto(`${this.server.origin}/analytics.html?${query}`);
        await page.waitForFunction(() => (window as unknown as { __posted: FromAnalytics[] }).__posted.some(m => m.type === 'ready'));
        return new AnalyticsPage(page, data, errors);
    }

    async close(): Promise<void> {
        await this.browser.close();
        await this.server.close();
    }
}

/** One Analytics page with a fake host that answers its filter, chats and transcript requests from the real store. */
export class AnalyticsPage {
    private answered = 0;
    /** The filter the page last asked for, applied to the chats it asks for, as the extension does. */
    filter: PanelFilter = {};
    private shown = { uri: '', title: '' };

    constructor(readonly page: Page, private readonly data: AnalyticsData, readonly errors: string[]) {}

    async post(message: ToAnalytics): Promise<void> {
        if (message.type === 'overview') this.shown = { uri: message.uri, title: message.title };
        await this.page.evaluate(json => window.postMessage(JSON.parse(json), '*'), JSON.stringify(message));
    }

    posted(): Promise<FromAnalytics[]> {
        return this.page.evaluate(() => (window as unknown as { __posted: FromAnalytics[] }).__posted);
    }

    /** Answers every chats/transcript request posted since the last call, as the extension would; returns them. */
    async answer(): Promise<FromAnalytics[]> {
        const requests = (await this.posted()).slice(this.answered);
        this.answered += requests.length;
        for (const request of requests) {
            if (request.type === 'filter') {
                this.filter = request.filter;
                const result = await this.data.overview(request.filter);
                await this.post({ type: 'overview', ...this.shown, result, filter: request.filter });
            } else if (request.type === 'chats') {
                const { segmentBy: _shown, ...filter } = this.filter;
                const chats = await this.data.chats(request.drill, request.offset, request.limit, { ...filter, ...(request.segment ? { segment: request.segment } : {}) });
                await this.post({ type: 'chats', requestId: request.requestId, page: chats });
            } else if (request.type === 'transcript') {
                await this.post({ type: 'transcript', requestId: request.requestId, chat: request.chat, entries: await this.data.transcript(request.chat) });
            }
        }
        return requests;
    }

    /** Clicks, then answers what the click asked for; returns the requests. */
    async click(selector: string): Promise<FromAnalytics[]> {
        await this.page.locator(selector).first().click();
        return this.answer();
    }

    cspViolations(): Promise<string[]> {
        return this.page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
    }

    async screenshot(name: string, fullPage = false): Promise<void> {
        await this.page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage });
    }

    async close(): Promise<void> {
        await this.page.close();
    }
}

export const CLINIC_URI = 'file:///work/examples/clinic.chatflow';
export const CLINIC_TITLE = 'Analytics clinic.chatflow';

type Available = Extract<AnalyticsOverviewResult, { available: true }>;

/** What the hooks of `clinicAnalyticsSuite` fill in for the tests. */
export interface ClinicAnalyticsSuite {
    fixture: AnalyticsFixture;
    data: AnalyticsData;
    /** The numbers of every chat, unfiltered. */
    overview: Available;
    /** A fresh page showing `overview`, for each test. */
    page: AnalyticsPage;
}

/**
 * The hooks of a suite over the sample logs of the clinic flow: the store and browser once, a
 * fresh page showing the overview before each test, no CSP violation or script error after it.
 */
export function clinicAnalyticsSuite(): ClinicAnalyticsSuite {
    const suite = {} as ClinicAnalyticsSuite;
    before(async () => {
        suite.data = await AnalyticsData.load('examples/clinic.chatflow');
        const result = await suite.data.overview();
        assert.ok(result.available, 'the imported store has numbers');
        suite.overview = result;
        suite.fixture = await AnalyticsFixture.start();
    });
    after(async () => {
        await suite.fixture?.close();
        await suite.data?.close();
    });
    beforeEach(async () => {
        suite.page = await suite.fixture.open(suite.data);
        await suite.page.post({ type: 'overview', uri: CLINIC_URI, title: CLINIC_TITLE, result: suite.overview });
        await suite.page.page.waitForSelector('.overview');
    });
    afterEach(async () => {
        assert.deepStrictEqual(await suite.page.cspViolations(), [], 'no CSP violation');
        assert.deepStrictEqual(suite.page.errors, [], 'no script error');
        await suite.page.close();
    });
    return suite;
}
