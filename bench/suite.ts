/**
 * Runs one suite of the bench table in this process and prints its rows as the last stdout line
 * (`BENCH_ROWS <json>`), for bench/run-all.ts, which starts every suite in a process of its own:
 * one suite's heap, garbage or crash never weighs on the next one's figures.
 * Usage: node --import tsx bench/suite.ts <language|lsp|layout|analytics|postgres> [--quick]
 */
import type { BenchRow } from './bench-table.js';

export const SUITES = ['language', 'lsp', 'layout', 'analytics', 'postgres'] as const;
export type SuiteName = (typeof SUITES)[number];
export const ROWS_PREFIX = 'BENCH_ROWS ';

async function rowsOf(name: SuiteName, quick: boolean): Promise<BenchRow[]> {
    switch (name) {
        case 'language': return (await import('./language/run.js')).languageRows(quick);
        case 'lsp': return (await import('./language/lsp-latency.js')).lspRows(quick);
        case 'layout': return (await import('./layout/run.js')).layoutRows(quick);
        case 'analytics': return (await import('./analytics/run.js')).analyticsRows(quick ? 100_000 : 1_000_000, quick);
        case 'postgres': return (await import('./analytics/postgres.js')).postgresRows(quick ? 100_000 : 1_000_000, quick);
    }
}

const [name] = process.argv.slice(2);
if (name !== undefined && process.argv[1]?.endsWith('suite.ts')) {
    if (!(SUITES as readonly string[]).includes(name)) throw new Error(`unknown suite ${name}: one of ${SUITES.join(', ')}`);
    const rows = await rowsOf(name as SuiteName, process.argv.includes('--quick'));
    console.log(ROWS_PREFIX + JSON.stringify(rows));
}
