/**
 * The language server over stdio (the bundled dist/server/main.cjs, as VS Code runs it), on a
 * generated flow of N boxes:
 * - keystroke -> diagnostics published: a one-character edit that breaks a reference, then the
 *   edit that fixes it, each timed from didChange to the diagnostics that show it (median of 10);
 * - completion and hover: p50 / p95 over 200 requests each;
 * against the peer "empty round trip" (a FlowGraph request for a document the server does not
 * have: transport and dispatch only), measured in the same server.
 * `npm run bench` takes its rows (lspRows); alone: node --import tsx bench/language/lsp-latency.ts [boxes...]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CompletionRequest, DiagnosticSeverity, HoverRequest } from 'vscode-languageserver-protocol';
import { FlowGraphRequest } from '../../server/protocol.js';
import { LspServer } from '../../test/server/lsp-harness.js';
import { formatTable, results, row, type BenchRow } from '../bench-table.js';
import { countBoxes, generateFlow } from './generate-flow.js';

const REQUESTS = 200;
const EDITS = 10;
const COMPLETION_GOAL_MS = 100;
const HOVER_GOAL_MS = 100;

export function percentile(values: number[], p: number): number {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

async function timeEach(positions: Array<{ line: number; character: number }>, send: (p: { line: number; character: number }) => Promise<unknown>): Promise<number[]> {
    const times: number[] = [];
    for (const position of positions) {
        const started = performance.now();
        await send(position);
        times.push(performance.now() - started);
    }
    return times;
}

export interface LspFigures { boxes: number; openMs: number; keystroke: number[]; completion: number[]; hover: number[]; peer: number[] }

export async function measureLsp(size: number, requests = REQUESTS): Promise<LspFigures> {
    const dir = mkdtempSync(join(tmpdir(), 'chatflow-bench-'));
    const text = generateFlow(size);
    const lines = text.split('\n');
    writeFileSync(join(dir, 'big.chatflow'), text);
    const server = await LspServer.start(dir, { timeout: 120_000 });
    try {
        const uri = LspServer.uri(dir, 'big.chatflow');
        const opened = performance.now();
        await server.open(uri, text);
        await server.waitForDiagnostics(uri, () => true, 300_000);
        const openMs = performance.now() - opened;
        // Typing in the middle of the file: `-> s{k}_hours` becomes `-> s{k}_hourx` (an unknown
        // box: an error), then back (no error). Each is timed to the diagnostics that show it.
        const middle = Math.floor(size / 20);
        const good = text;
        const broken = text.replace(`"Hours" -> s${middle}_hours`, `"Hours" -> s${middle}_hourx`);
        if (broken === good) throw new Error('lsp-latency: the edit site is missing from the generated flow');
        const errors = (d: Array<{ severity?: number }>) => d.filter(x => x.severity === DiagnosticSeverity.Error).length;
        const keystroke: number[] = [];
        for (let i = 0; i < EDITS; i++) {
            const [next, accept] = i % 2 === 0
                ? [broken, (d: Array<{ severity?: number }>) => errors(d) > 0]
                : [good, (d: Array<{ severity?: number }>) => errors(d) === 0];
            const started = performance.now();
            await server.change(uri, next);
            await server.waitForDiagnostics(uri, accept, 120_000);
            keystroke.push(performance.now() - started);
        }
        if (EDITS % 2 === 1) {
            await server.change(uri, good);
            await server.waitForDiagnostics(uri, d => errors(d) === 0, 120_000);
        }
        // Positions spread over the whole file: right after `-> ` (completion) and on box names (hover).
        const arrows = lines.flatMap((l, line) => (l.includes('-> ') ? [{ line, character: l.indexOf('-> ') + 3 }] : []));
        const names = lines.flatMap((l, line) => {
            const m = /^\s{4}(?:message|choice|input|condition|action|handoff|end) (\w+)/.exec(l);
            return m ? [{ line, character: l.indexOf(m[1]) + 1 }] : [];
        });
        const pick = <T>(xs: T[]) => Array.from({ length: requests }, (_, i) => xs[Math.floor((i * xs.length) / requests)]);
        const textDocument = { uri };
        const peer = await timeEach(pick(arrows), () => server.request(FlowGraphRequest, { uri: 'file:///nowhere.chatflow' }));
        const completion = await timeEach(pick(arrows), position => server.request(CompletionRequest.type, { textDocument, position }));
        const hover = await timeEach(pick(names), position => server.request(HoverRequest.type, { textDocument, position }));
        return { boxes: countBoxes(text), openMs, keystroke, completion, hover, peer };
    } finally {
        await server.stop();
        rmSync(dir, { recursive: true, force: true });
    }
}

const median = (xs: number[]) => percentile(xs, 0.5);

/** Keystroke -> diagnostics at each size; completion and hover p95 at `at` boxes (5,000; quick: 1,000). */
export async function lspRows(quick: boolean): Promise<BenchRow[]> {
    const sizes = quick ? [1000] : [1000, 5000, 10000];
    const at = quick ? 1000 : 5000;
    const rows: BenchRow[] = [];
    for (const size of sizes) {
        // Completion and hover are reported at `at` boxes only: elsewhere one request of each.
        const f = await measureLsp(size, size !== at ? 1 : quick ? 50 : REQUESTS);
        const peer = `empty round trip p50 ${median(f.peer).toFixed(1)} ms`;
        const boxes = f.boxes.toLocaleString('en-US');
        rows.push(row({
            suite: 'lsp', figure: `${boxes} boxes: keystroke -> diagnostics published (median of ${EDITS})`, goal: 'reported (no budget in #19)',
            measured: median(f.keystroke), unit: 'ms', peer, ratio: median(f.keystroke) / median(f.peer),
            note: `max ${Math.max(...f.keystroke).toFixed(0)} ms; open -> first diagnostics ${f.openMs.toFixed(0)} ms`
        }));
        if (size !== at) continue;
        const p95 = (xs: number[]) => percentile(xs, 0.95);
        const peer95 = `empty round trip p95 ${p95(f.peer).toFixed(1)} ms`;
        rows.push(row({
            suite: 'lsp', figure: `${boxes} boxes: completion after \`-> \`, p95 of ${f.completion.length}`, goal: `≤ ${COMPLETION_GOAL_MS} ms at 5,000`,
            measured: p95(f.completion), unit: 'ms', peer: peer95, ratio: p95(f.completion) / p95(f.peer), atMost: quick ? undefined : COMPLETION_GOAL_MS,
            note: `p50 ${median(f.completion).toFixed(1)} ms`
        }));
        rows.push(row({
            suite: 'lsp', figure: `${boxes} boxes: hover on a box name, p95 of ${f.hover.length}`, goal: `≤ ${HOVER_GOAL_MS} ms at 5,000`,
            measured: p95(f.hover), unit: 'ms', peer: peer95, ratio: p95(f.hover) / p95(f.peer), atMost: quick ? undefined : HOVER_GOAL_MS,
            note: `p50 ${median(f.hover).toFixed(1)} ms`
        }));
    }
    return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
    console.log(formatTable(results(await lspRows(process.argv.includes('--quick')), process.argv.includes('--quick'))));
}
