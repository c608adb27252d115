/**
 * bench/layout: our preview (post `graph` -> painted) against raw `elk.layout()` on the same ELK
 * graph, in the same Chromium page, for generated flows of 100, 1,000 and 10,000 boxes.
 *   npm run bench:layout            (BENCH_LAYOUT_SIZES=100,1000 to pick sizes,
 *                                    BENCH_LAYOUT_CAP_S=600 to change the per-layout cap)
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import * as esbuild from 'esbuild';
import type { Page } from 'playwright-core';
import { launchChromium } from '../../test/webview/harness/browser.js';
import { startStaticServer } from '../../test/webview/harness/static-server.js';
import type { OursResult } from './bench-page.js';
import { generateFlowGraph } from './generate-graph.js';

const OUT = 'test-output/bench-layout';
const SIZES = (process.env.BENCH_LAYOUT_SIZES ?? '100,1000,10000').split(',').map(Number);
const CAP_MS = Number(process.env.BENCH_LAYOUT_CAP_S ?? 600) * 1000;
const RUNS = (size: number) => (size <= 100 ? 5 : size <= 1000 ? 3 : 1);

interface Row { size: number; edges: number; ours: number[]; elkInOurs: number[]; raw: Array<number | undefined>; notes: string[] }

async function main(): Promise<void> {
    mkdirSync(OUT, { recursive: true });
    execFileSync(process.execPath, ['scripts/build-webview.mjs', '--production', `--outdir=${OUT}/webview`], { stdio: 'inherit' });
    await esbuild.build({
        entryPoints: ['bench/layout/bench-page.ts'], outfile: `${OUT}/bench-page.js`, bundle: true, platform: 'browser',
        format: 'iife', minify: true, logLevel: 'warning'
    });
    const server = await startStaticServer({
        '/dist/webview/': `${OUT}/webview`, '/page/': 'test/webview/page', '/bench/': OUT, '/elk/': 'node_modules/elkjs/lib', '/': 'bench/layout'
    });
    const browser = await launchChromium();
    const rows: Row[] = [];
    try {
        for (const size of SIZES) {
            const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
            page.on('pageerror', e => console.error(`page error: ${e.message}`));
            await page.goto(`${server.origin}/bench.html`);
            await page.waitForFunction(() => typeof (window as unknown as { benchOurs?: unknown }).benchOurs === 'function');
            // Warm both sides up (ELK's start-up, the JIT) on a graph that is not measured.
            await ours(page, generateFlowGraph(100, 99), CAP_MS);
            await raw(page, generateFlowGraph(100, 99), CAP_MS);
            const row: Row = { size, edges: 0, ours: [], elkInOurs: [], raw: [], notes: [] };
            for (let run = 0; run < RUNS(size); run++) {
                // A new graph every run: the preview reuses the layout of an unchanged graph.
                const graph = generateFlowGraph(size, run + 1);
                row.edges = graph.edges.length;
                process.stdout.write(`  ${size} boxes, run ${run + 1}: ours… `);
                const result = await ours(page, graph, CAP_MS);
                if (result.first === 'overview') {
                    row.notes.push(`overview painted in ${ms(result.firstMs)}; "Lay out anyway": ${result.anywayMs === undefined ? `not done after the ${CAP_MS / 1000} s cap (cancelled)` : ms(result.anywayMs)}`);
                    if (result.anywayMs !== undefined) row.ours.push(result.anywayMs);
                } else {
                    row.ours.push(result.firstMs);
                }
                if (result.elkMs !== undefined) row.elkInOurs.push(result.elkMs);
                if (result.detail) row.notes.push(`run ${run + 1}: message -> layout request ${ms(result.detail.beforeLayoutMs)}, worker round trip ${ms(result.detail.layoutMs)} (elk ${ms(result.elkMs)}), SVG drawing ${ms(result.detail.drawMs)}`);
                row.notes.push(`longest UI-thread frame gap while the worker laid out: ${ms(result.maxFrameGapWhileLayingOutMs)}; over the whole run (drawing included): ${ms(result.maxFrameGapMs)}`);
                process.stdout.write(`${result.first} ${ms(result.anywayMs ?? result.firstMs)}; raw elk… `);
                const rawMs = await raw(page, graph, CAP_MS);
                row.raw.push(rawMs);
                console.log(rawMs === undefined ? `over the ${CAP_MS / 1000} s cap` : ms(rawMs));
            }
            rows.push(row);
            await page.close();
        }
    } finally {
        await browser.close();
        await server.close();
    }
    print(rows);
}

function ours(page: Page, graph: ReturnType<typeof generateFlowGraph>, capMs: number): Promise<OursResult> {
    const message = { type: 'graph', uri: graph.uri, version: 1, flows: [graph] };
    return page.evaluate(([json, cap]) => (window as unknown as { benchOurs(j: string, c: number): Promise<OursResult> }).benchOurs(json, cap), [JSON.stringify(message), capMs] as const);
}

function raw(page: Page, graph: ReturnType<typeof generateFlowGraph>, capMs: number): Promise<number | undefined> {
    return page.evaluate(([json, cap]) => {
        const w = window as unknown as { benchInput(g: unknown): unknown; benchRaw(i: unknown, c: number): Promise<number | undefined> };
        return w.benchRaw(w.benchInput(JSON.parse(json)), cap);
    }, [JSON.stringify(graph), capMs] as const);
}

function median(values: number[]): number | undefined {
    if (values.length === 0) return undefined;
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)];
}

function ms(value: number | undefined): string {
    if (value === undefined) return '—';
    return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${Math.round(value)} ms`;
}

function print(rows: Row[]): void {
    console.log('\nLayout + render in Chromium (medians; ours = post `graph` message -> painted SVG; raw = elk.layout() on the same ELK graph, elkjs worker)');
    console.log('| boxes | edges | runs | ours end-to-end | elk inside ours | raw elk.layout() | ours / raw |');
    console.log('|---:|---:|---:|---:|---:|---:|---:|');
    for (const row of rows) {
        const oursMs = median(row.ours), rawMs = median(row.raw.filter((r): r is number => r !== undefined));
        const ratio = oursMs !== undefined && rawMs !== undefined ? `${(oursMs / rawMs).toFixed(2)}x` : '—';
        const rawText = row.raw.some(r => r === undefined) ? `> ${CAP_MS / 1000} s (cap)` : ms(rawMs);
        console.log(`| ${row.size.toLocaleString('en-US')} | ${row.edges.toLocaleString('en-US')} | ${row.raw.length} | ${ms(oursMs)} | ${ms(median(row.elkInOurs))} | ${rawText} | ${ratio} |`);
    }
    for (const row of rows) for (const note of [...new Set(row.notes)]) console.log(`- ${row.size.toLocaleString('en-US')} boxes: ${note}`);
}

await main();
