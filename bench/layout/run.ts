/**
 * bench/layout: our preview (post `graph` -> painted) against raw `elk.layout()` on the same ELK
 * graph, in the same Chromium page, for generated flows of 100, 1,000 and 10,000 boxes; then the
 * frame times of pan and zoom on the drawn 5,000-box flow against idle frames of the same page.
 * `npm run bench` takes its rows (layoutRows); alone:
 *   npm run bench:layout            (BENCH_LAYOUT_SIZES=100,1000 to pick sizes,
 *                                    BENCH_LAYOUT_CAP_S=600 to change the per-layout cap)
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import * as esbuild from 'esbuild';
import type { Page } from 'playwright-core';
import { launchChromium } from '../../test/webview/harness/browser.js';
import { harnessPage } from '../../test/webview/harness/harness-page.js';
import { startStaticServer } from '../../test/webview/harness/static-server.js';
import { pathToFileURL } from 'node:url';
import { formatTable, results, row, type BenchRow } from '../bench-table.js';
import type { FrameTimes, OursResult } from './bench-page.js';
import { generateFlowGraph } from './generate-graph.js';

const OUT = 'test-output/bench-layout';
const CAP_MS = Number(process.env.BENCH_LAYOUT_CAP_S ?? 600) * 1000;
const WARM_UP = 5;
const LAYOUT_1K_GOAL_MS = 2000;
const FRAME_GOAL_MS = 16;
const FRAME_STEPS = 240;

interface Row { size: number; edges: number; pairs: number[]; ours: number[]; elkInOurs: number[]; raw: Array<number | undefined>; gapLayingOut: number[]; gapAll: number[]; notes: string[]; fellBack: boolean }
interface Frames { size: number; gesture: FrameTimes; idle: FrameTimes }

interface Plan { sizes: number[]; runs(size: number): number; panZoomAt: number }

const FULL: Plan = { sizes: (process.env.BENCH_LAYOUT_SIZES ?? '100,1000,10000').split(',').map(Number), runs: size => (size <= 100 ? 9 : size <= 1000 ? 5 : 1), panZoomAt: 5000 };
const QUICK: Plan = { sizes: [100, 1000], runs: size => (size <= 100 ? 3 : 1), panZoomAt: 1000 };

async function measureAll(plan: Plan): Promise<{ rows: Row[]; frames: Frames }> {
    const SIZES = plan.sizes;
    const RUNS = plan.runs;
    mkdirSync(OUT, { recursive: true });
    execFileSync(process.execPath, ['scripts/build-webview.mjs', '--production', `--outdir=${OUT}/webview`], { stdio: 'inherit' });
    await esbuild.build({
        entryPoints: ['bench/layout/bench-page.ts'], outfile: `${OUT}/bench-page.js`, bundle: true, platform: 'browser',
        format: 'iife', minify: true, logLevel: 'warning'
    });
    const server = await startStaticServer({
        '/dist/webview/': `${OUT}/webview`, '/page/': 'test/webview/page', '/bench/': OUT, '/elk/': 'node_modules/elkjs/lib'
    }, { '/bench.html': origin => harnessPage('preview', origin, ['/bench/bench-page.js']) });
    const browser = await launchChromium();
    const rows: Row[] = [];
    let frames: Frames;
    try {
        for (const size of SIZES) {
            const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
            page.on('pageerror', e => console.error(`page error: ${e.message}`));
            await page.goto(`${server.origin}/bench.html`);
            await page.waitForFunction(() => typeof (window as unknown as { benchOurs?: unknown }).benchOurs === 'function');
            // Warm both workers up on graphs that are not measured: ELK (GWT code) needs a few
            // layouts before V8 has compiled its hot paths (the first is ~3x slower than the fifth).
            for (let warm = 0; warm < WARM_UP; warm++) {
                await ours(page, generateFlowGraph(100, 90 + warm), CAP_MS);
                await raw(page, generateFlowGraph(100, 90 + warm), CAP_MS);
            }
            const row: Row = { size, edges: 0, pairs: [], ours: [], elkInOurs: [], raw: [], gapLayingOut: [], gapAll: [], notes: [], fellBack: false };
            for (let run = 0; run < RUNS(size); run++) {
                // A new graph every run: the preview reuses the layout of an unchanged graph.
                const graph = generateFlowGraph(size, run + 1);
                row.edges = graph.edges.length;
                // Alternate which side goes first, so a busy machine does not favour one side.
                const rawFirst = run % 2 === 1;
                const rawResult0 = rawFirst ? await raw(page, graph, CAP_MS) : undefined;
                process.stdout.write(`  ${size} boxes, run ${run + 1}: ours… `);
                const result = await ours(page, graph, CAP_MS);
                if (result.first === 'overview') {
                    row.fellBack = true;
                    row.notes.push(`overview painted in ${ms(result.firstMs)}; "Lay out anyway" -> ${result.anyway} (${ms(result.anywayMs)})`);
                    if (result.anyway === 'drawn') row.ours.push(result.anywayMs!);
                } else {
                    row.ours.push(result.firstMs);
                }
                if (result.elkMs !== undefined) row.elkInOurs.push(result.elkMs);
                if (result.detail?.layoutMs !== undefined) row.notes.push(`run ${run + 1}: message -> layout request ${ms(result.detail.beforeLayoutMs)}, worker round trip ${ms(result.detail.layoutMs)} (elk ${ms(result.elkMs)}), SVG drawing ${ms(result.detail.drawMs)}`);
                row.gapLayingOut.push(result.maxFrameGapWhileLayingOutMs);
                row.gapAll.push(result.maxFrameGapMs);
                process.stdout.write(`${result.first} ${ms(result.firstMs)}${result.anyway ? `, lay out anyway: ${result.anyway} ${ms(result.anywayMs)}` : ''}; raw elk… `);
                const rawResult = rawResult0 ?? await raw(page, graph, CAP_MS);
                row.raw.push(typeof rawResult === 'number' ? rawResult : undefined);
                if (typeof rawResult !== 'number') row.notes.push(`raw elk.layout(): ${rawResult}`);
                const oursMs = result.first === 'drawn' ? result.firstMs : result.anyway === 'drawn' ? result.anywayMs : undefined;
                if (oursMs !== undefined && typeof rawResult === 'number') row.pairs.push(oursMs / rawResult);
                console.log(typeof rawResult === 'number' ? ms(rawResult) : rawResult);
            }
            rows.push(row);
            await page.close();
        }
        frames = await panZoom(browser, server.origin, plan.panZoomAt);
    } finally {
        await browser.close();
        await server.close();
    }
    return { rows, frames };
}

/** Draws a flow of `size` boxes, then times pan/zoom frames against idle frames, alternating. */
async function panZoom(browser: Awaited<ReturnType<typeof launchChromium>>, origin: string, size: number): Promise<Frames> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    try {
        page.on('pageerror', e => console.error(`page error: ${e.message}`));
        await page.goto(`${origin}/bench.html`);
        await page.waitForFunction(() => typeof (window as unknown as { benchOurs?: unknown }).benchOurs === 'function');
        const drawn = await ours(page, generateFlowGraph(size, 11), CAP_MS);
        if (drawn.first !== 'drawn' && drawn.anyway !== 'drawn') throw new Error(`pan/zoom bench: the ${size}-box flow was not drawn (${drawn.first}, ${drawn.anyway ?? ''})`);
        const run = (idle: boolean) => page.evaluate(([steps, still]) => (window as unknown as { benchPanZoom(s: number, i: boolean): Promise<FrameTimes> }).benchPanZoom(steps, still), [FRAME_STEPS / 2, idle] as const);
        const gesture: FrameTimes = { frames: [], maxBoxesInDom: 0 };
        const idle: FrameTimes = { frames: [], maxBoxesInDom: 0 };
        for (let round = 0; round < 2; round++) {
            for (const [into, still] of [[idle, true], [gesture, false]] as const) {
                const got = await run(still);
                into.frames.push(...got.frames);
                into.maxBoxesInDom = Math.max(into.maxBoxesInDom, got.maxBoxesInDom);
            }
        }
        return { size, gesture, idle };
    } finally {
        await page.close();
    }
}

function percentile(values: number[], p: number): number {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

/** The bench table's rows: 1,000-box layout, 10,000 boxes without fallback, pan/zoom frames. */
export async function layoutRows(quick: boolean): Promise<BenchRow[]> {
    const { rows, frames } = await measureAll(quick ? QUICK : FULL);
    print(rows);
    const out: BenchRow[] = [];
    for (const r of rows) {
        if (r.size < 1000) continue;
        const oursMs = median(r.ours);
        const raws = r.raw.filter((x): x is number => x !== undefined);
        const peer = raws.length > 0 ? `raw elk.layout() ${ms(median(raws))}` : `raw elk.layout(): ${r.notes.find(n => n.startsWith('raw')) ?? 'no result'}`;
        const notes = [...new Set(r.notes)].join('; ');
        const figure = `${r.size.toLocaleString('en-US')} boxes: laid out in the worker and drawn (median of ${r.raw.length})`;
        if (r.size === 1000) {
            out.push(row({ suite: 'layout', figure, goal: `≤ ${LAYOUT_1K_GOAL_MS.toLocaleString('en-US')} ms`, measured: oursMs, unit: 'ms', peer, ratio: r.pairs.length ? median(r.pairs) : undefined, atMost: quick ? undefined : LAYOUT_1K_GOAL_MS, note: notes || undefined }));
        } else {
            const laidOut = oursMs !== undefined && !r.fellBack;
            const base = row({ suite: 'layout', figure, goal: 'lays out, no overview fallback', measured: oursMs, unit: 'ms', peer, ratio: r.pairs.length ? median(r.pairs) : undefined, note: notes || undefined });
            out.push({ ...base, met: r.size >= 10000 ? laidOut : undefined });
        }
    }
    const p95 = (t: FrameTimes) => percentile(t.frames, 0.95);
    out.push(row({
        suite: 'layout', figure: `${frames.size.toLocaleString('en-US')} boxes: pan/zoom frame, p95 of ${frames.gesture.frames.length} (headless Chromium)`,
        goal: `≤ ${FRAME_GOAL_MS} ms at 5,000`, measured: p95(frames.gesture), unit: 'ms',
        peer: `idle frame p95 ${p95(frames.idle).toFixed(1)} ms`, ratio: p95(frames.gesture) / p95(frames.idle), atMost: quick ? undefined : FRAME_GOAL_MS,
        note: `p50 ${percentile(frames.gesture.frames, 0.5).toFixed(1)} ms, max ${Math.max(...frames.gesture.frames).toFixed(0)} ms; at most ${frames.gesture.maxBoxesInDom} of ${frames.size} boxes in the DOM`
    }));
    return out;
}

function ours(page: Page, graph: ReturnType<typeof generateFlowGraph>, capMs: number): Promise<OursResult> {
    const message = { type: 'graph', uri: graph.uri, version: 1, flows: [graph] };
    return page.evaluate(([json, cap]) => (window as unknown as { benchOurs(j: string, c: number): Promise<OursResult> }).benchOurs(json, cap), [JSON.stringify(message), capMs] as const);
}

/** Milliseconds, or why there is no time (over the cap, or ELK failed). */
function raw(page: Page, graph: ReturnType<typeof generateFlowGraph>, capMs: number): Promise<number | string> {
    return page.evaluate(async ([json, cap]) => {
        const w = window as unknown as { benchInput(g: unknown): unknown; benchRaw(i: unknown, c: number): Promise<number | undefined> };
        try {
            return (await w.benchRaw(w.benchInput(JSON.parse(json)), cap)) ?? `not done after the ${cap / 1000} s cap`;
        } catch (error) {
            return `failed: ${error instanceof Error ? error.message : String(error)}`;
        }
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
    console.log('\nLayout + render in Chromium. ours = post the `graph` message -> SVG painted; raw = elk.layout() on the same ELK graph in');
    console.log("elkjs's own worker, same page, alternating which goes first. median (best) over the runs; ratio = median of per-run ours/raw.");
    console.log('| boxes | edges | runs | ours end-to-end | elk inside ours | raw elk.layout() | ours / raw | longest UI frame gap: laying out / whole run |');
    console.log('|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const row of rows) {
        const raws = row.raw.filter((r): r is number => r !== undefined);
        const ratio = row.pairs.length > 0 ? `${median(row.pairs)!.toFixed(2)}x` : '—';
        const both = (values: number[]) => (values.length === 0 ? '—' : `${ms(median(values))} (${ms(Math.min(...values))})`);
        const rawText = raws.length < row.raw.length ? 'no result (below)' : both(raws);
        const gaps = `${ms(Math.max(...row.gapLayingOut))} / ${ms(Math.max(...row.gapAll))}`;
        console.log(`| ${row.size.toLocaleString('en-US')} | ${row.edges.toLocaleString('en-US')} | ${row.raw.length} | ${both(row.ours)} | ${both(row.elkInOurs)} | ${rawText} | ${ratio} | ${gaps} |`);
    }
    for (const row of rows) for (const note of [...new Set(row.notes)]) console.log(`- ${row.size.toLocaleString('en-US')} boxes: ${note}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
    const quick = process.argv.includes('--quick');
    console.log(formatTable(results(await layoutRows(quick), quick)));
}
