/**
 * Completion and hover latency through the bundled server over stdio, on a generated flow of N
 * boxes: p50 / p95 over 200 requests each, against the peer "empty round trip" (a FlowGraph
 * request for a document the server does not have: transport and dispatch only).
 * Usage: node --import tsx bench/language/lsp-latency.ts [boxes...]   (npm run bench:language runs it)
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CompletionRequest, HoverRequest } from 'vscode-languageserver-protocol';
import { FlowGraphRequest } from '../../server/protocol.js';
import { LspServer } from '../../test/server/lsp-harness.js';
import { countBoxes, generateFlow } from './generate-flow.js';

const REQUESTS = 200;

function percentile(values: number[], p: number): number {
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

async function measure(size: number): Promise<void> {
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
        // Positions spread over the whole file: right after `-> ` (completion) and on box names (hover).
        const arrows = lines.flatMap((l, line) => (l.includes('-> ') ? [{ line, character: l.indexOf('-> ') + 3 }] : []));
        const names = lines.flatMap((l, line) => {
            const m = /^\s{4}(?:message|choice|input|condition|action|handoff|end) (\w+)/.exec(l);
            return m ? [{ line, character: l.indexOf(m[1]) + 1 }] : [];
        });
        const pick = <T>(xs: T[]) => Array.from({ length: REQUESTS }, (_, i) => xs[Math.floor((i * xs.length) / REQUESTS)]);
        const textDocument = { uri };
        const peer = await timeEach(pick(arrows), () => server.request(FlowGraphRequest, { uri: 'file:///nowhere.chatflow' }));
        const completion = await timeEach(pick(arrows), position => server.request(CompletionRequest.type, { textDocument, position }));
        const hover = await timeEach(pick(names), position => server.request(HoverRequest.type, { textDocument, position }));
        const row = (name: string, xs: number[]) =>
            `${name.padEnd(12)} p50 ${percentile(xs, 0.5).toFixed(1).padStart(7)} ms  p95 ${percentile(xs, 0.95).toFixed(1).padStart(7)} ms  p95/peer ${(percentile(xs, 0.95) / percentile(peer, 0.95)).toFixed(1).padStart(6)}x`;
        console.log(`${countBoxes(text)} boxes: open -> diagnostics ${openMs.toFixed(0)} ms`);
        console.log(row('completion', completion));
        console.log(row('hover', hover));
        console.log(row('peer (noop)', peer));
    } finally {
        await server.stop();
        rmSync(dir, { recursive: true, force: true });
    }
}

const sizes = process.argv.slice(2).map(Number);
for (const size of sizes.length ? sizes : [1000, 5000]) await measure(size);
