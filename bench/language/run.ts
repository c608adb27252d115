/**
 * Benchmark: parse+link+validate of generated flows of 1,000 / 5,000 / 10,000 boxes, each size in
 * a fresh process (cold = first build, warm = rebuild after an edit), against the peer "parse
 * only" of the same text in the same process; then completion and hover latency through the
 * bundled server over stdio (see lsp-latency.ts).
 * Usage: npm run bench:language
 */
import { execFileSync } from 'node:child_process';

interface Row { boxes: number; lines: number; coldMs: number; warmMs: number; parseMs: number; diagnostics: number; lastWarmPhases: Record<string, number> }

const sizes = [1000, 5000, 10000];
const rows: Row[] = sizes.map(size => JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', 'bench/language/build-bench.ts', String(size)], { encoding: 'utf8' })));
const fmt = (n: number) => n.toFixed(0).padStart(7);
console.log('boxes   lines   cold ms  warm ms  parse ms  warm/parse  diagnostics');
for (const r of rows) {
    console.log(`${String(r.boxes).padStart(5)} ${String(r.lines).padStart(7)} ${fmt(r.coldMs)}  ${fmt(r.warmMs)}  ${fmt(r.parseMs)}   ${(r.warmMs / r.parseMs).toFixed(2).padStart(8)}  ${String(r.diagnostics).padStart(6)}`);
}
for (const r of rows) {
    // Cumulative ms at which the edited document reached each Langium build phase (warm rebuild).
    const phases = Object.entries(r.lastWarmPhases).map(([phase, ms]) => `${phase} ${ms.toFixed(0)}`).join(', ');
    console.log(`${r.boxes} boxes, warm rebuild phases (cumulative ms): ${phases}`);
}
const [, five, ten] = rows;
console.log(`scaling: cold(10k)/cold(5k) = ${(ten.coldMs / five.coldMs).toFixed(2)}, warm(10k)/warm(5k) = ${(ten.warmMs / five.warmMs).toFixed(2)} (target <= 2.2)`);
console.log(`targets at 5,000 boxes: cold ${five.coldMs.toFixed(0)} ms (<= 1000), warm ${five.warmMs.toFixed(0)} ms (<= 300)`);
