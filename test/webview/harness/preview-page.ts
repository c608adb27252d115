import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import type { FromPreview, PreviewState, ToPreview } from '../../../extension/webview-protocol.js';
import type { FlowGraph } from '../../../language/flow-model.js';
import { launchChromium } from './browser.js';
import { harnessPage } from './harness-page.js';
import { startStaticServer, type StaticServer } from './static-server.js';

export const SCREENSHOTS = 'test-output/webview';
let built = false;

/** Builds dist/webview once per test run, so the tests never run a stale bundle. */
export function ensureWebviewBuilt(): void {
    if (built) return;
    execFileSync(process.execPath, ['scripts/build-webview.mjs'], { stdio: 'inherit' });
    built = true;
}

/** A browser and a server for the preview page; one per test file, closed in `after`. */
export class PreviewFixture {
    private constructor(readonly browser: Browser, readonly server: StaticServer) {}

    static async start(): Promise<PreviewFixture> {
        ensureWebviewBuilt();
        mkdirSync(SCREENSHOTS, { recursive: true });
        const server = await startStaticServer({ '/dist/webview/': 'dist/webview', '/page/': 'test/webview/page' }, { '/preview.html': origin => harnessPage('preview', origin) });
        try {
            return new PreviewFixture(await launchChromium(), server);
        } catch (error) {
            await server.close();
            throw error;
        }
    }

    async open(options: { theme?: 'dark' | 'light' | 'hc'; state?: PreviewState; width?: number; height?: number; worker?: string } = {}): Promise<PreviewPage> {
        const page = await this.browser.newPage({ viewport: { width: options.width ?? 1280, height: options.height ?? 800 } });
        const errors: string[] = [];
        page.on('pageerror', error => errors.push(error.message));
        page.on('console', message => { if (message.type() === 'error') errors.push(message.text()); });
        const query = new URLSearchParams({ theme: options.theme ?? 'dark' });
        if (options.state) query.set('state', JSON.stringify(options.state));
        if (options.worker) query.set('worker', `${this.server.origin}${options.worker}`);
        await page.goto(`${this.server.origin}/preview.html?${query}`);
        await page.waitForFunction(() => (window as unknown as { __posted: FromPreview[] }).__posted.some(m => m.type === 'ready'));
        return new PreviewPage(page, errors);
    }

    /** A fresh page with `graph` drawn, fit so every box is on screen. */
    async openDrawn(graph: FlowGraph): Promise<PreviewPage> {
        const preview = await this.open();
        await preview.postGraph({ type: 'graph', uri: graph.uri, version: 1, flows: [graph] });
        await preview.page.click('[data-action="fit"]');
        return preview;
    }

    async close(): Promise<void> {
        await this.browser.close();
        await this.server.close();
    }
}

export interface BoxRect { id: string; x: number; y: number; width: number; height: number }

/** One preview page with a fake VS Code host: post messages in, read what it posted back. */
export class PreviewPage {
    constructor(readonly page: Page, readonly errors: string[]) {}

    async post(message: ToPreview): Promise<void> {
        // As a JSON string: Playwright serialises big objects (10,000 boxes) very slowly.
        await this.page.evaluate(json => window.postMessage(JSON.parse(json), '*'), JSON.stringify(message));
    }

    /** Posts a graph and waits until it is drawn (the draw counter moves past its current value). */
    async postGraph(message: Extract<ToPreview, { type: 'graph' }>): Promise<void> {
        const before = await this.drawCount();
        await this.post(message);
        await this.page.waitForFunction(n => Number(document.getElementById('chatflow-preview')!.dataset.drawCount ?? 0) > n, before);
    }

    drawCount(): Promise<number> {
        return this.page.evaluate(() => Number(document.getElementById('chatflow-preview')!.dataset.drawCount ?? 0));
    }

    posted(): Promise<FromPreview[]> {
        return this.page.evaluate(() => (window as unknown as { __posted: FromPreview[] }).__posted);
    }

    savedState(): Promise<PreviewState | undefined> {
        return this.page.evaluate(() => (window as unknown as { __state?: PreviewState }).__state);
    }

    cspViolations(): Promise<string[]> {
        return this.page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
    }

    /** Screen rectangles of every drawn box shape, by box id. */
    boxRects(): Promise<BoxRect[]> {
        return this.page.$$eval('[data-box] > .box-shape', shapes => shapes.map(shape => {
            const r = shape.getBoundingClientRect();
            return { id: shape.parentElement!.getAttribute('data-box')!, x: r.x, y: r.y, width: r.width, height: r.height };
        }));
    }

    viewportTransform(): Promise<string | null> {
        return this.page.$eval('.cf-viewport', g => g.getAttribute('transform'));
    }

    box(id: string) {
        return this.page.locator(`.box[data-box="${id}"]`);
    }

    async screenshot(name: string): Promise<void> {
        await this.page.screenshot({ path: `${SCREENSHOTS}/${name}.png` });
    }

    async close(): Promise<void> {
        await this.page.close();
    }
}
