/**
 * Benchmark: parse+link+validate of generated flows of 1,000 / 5,000 / 10,000 boxes, each size in
 * a fresh process (cold = first build, warm = rebuild after an edit), against the peer "parse
 * only" of the same text in the same process. `npm run bench` takes its rows (languageRows);
 * run alone it prints them: npm run bench:language.
 */
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { formatTable, results, row, type BenchRow } from '../bench-table.js';

interface Size { boxes: number; lines: number; coldMs: number; warmMs: number; warmFullParseMs: number; parseMs: number; diagnostics: number; lastWarmPhases: Record<string, number> }

const COLD_GOAL_MS = 1000;
const WARM_GOAL_MS = 300;
const SCALING_GOAL = 2.2;

function measure(size: number): Size {
    return JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', 'bench/language/build-bench.ts', String(size)], { encoding: 'utf8', maxBuffer: 1 << 24 }));
}

/** Rows at `big` boxes (goals apply at 5,000) and the scaling to `twice` (10,000). Quick: 1,000 / 2,000, no verdict. */
export function languageRows(quick: boolean): BenchRow[] {
    const [big, twice] = quick ? [1000, 2000] : [5000, 10000];
    const goals = !quick;
    const one = measure(big);
    const two = measure(twice);
    const rows: BenchRow[] = [];
    const label = (n: number) => n.toLocaleString('en-US');
    const phases = (s: Size) => Object.entries(s.lastWarmPhases).map(([phase, ms]) => `${phase} ${ms.toFixed(0)}`).join(', ');
    for (const s of [one, two]) {
        const at = goals && s === one;
        rows.push(row({
            suite: 'language', figure: `${label(s.boxes)} boxes (${label(s.lines)} lines): parse+link+validate, cold`, goal: `≤ ${label(COLD_GOAL_MS)} ms at 5,000`,
            measured: s.coldMs, unit: 'ms', peer: `parse only ${s.parseMs.toFixed(0)} ms`, ratio: s.coldMs / s.parseMs, atMost: at ? COLD_GOAL_MS : undefined
        }));
        rows.push(row({
            suite: 'language', figure: `${label(s.boxes)} boxes: rebuild after an edit inside a box, warm (median of 7)`, goal: `≤ ${WARM_GOAL_MS} ms at 5,000`,
            measured: s.warmMs, unit: 'ms', peer: `parse only ${s.parseMs.toFixed(0)} ms`, ratio: s.warmMs / s.parseMs, atMost: at ? WARM_GOAL_MS : undefined,
            note: `only the edited box re-parsed; the whole file re-parsed after the same edit took ${s.warmFullParseMs.toFixed(0)} ms; warm phases (cumulative ms): ${phases(s)}`
        }));
    }
    rows.push(row({
        suite: 'language', figure: `cold time ${label(two.boxes)} / ${label(one.boxes)} boxes`, goal: `≤ ${SCALING_GOAL}`,
        measured: two.coldMs / one.coldMs, unit: '', peer: `parse only: ${(two.parseMs / one.parseMs).toFixed(2)}`,
        ratio: (two.coldMs / one.coldMs) / (two.parseMs / one.parseMs), atMost: goals ? SCALING_GOAL : undefined
    }));
    rows.push(row({
        suite: 'language', figure: `warm time ${label(two.boxes)} / ${label(one.boxes)} boxes`, goal: `≤ ${SCALING_GOAL}`,
        measured: two.warmMs / one.warmMs, unit: '', peer: `parse only: ${(two.parseMs / one.parseMs).toFixed(2)}`,
        ratio: (two.warmMs / one.warmMs) / (two.parseMs / one.parseMs), atMost: goals ? SCALING_GOAL : undefined
    }));
    return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
    console.log(formatTable(results(languageRows(process.argv.includes('--quick')), process.argv.includes('--quick'))));
}
