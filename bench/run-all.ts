/**
 * `npm run bench`: every suite (language, LSP, layout, analytics import and queries, PostgreSQL
 * when it is installed), each in a process of its own, into one table — figure, goal, measured,
 * the peer measured in the same run, ratio, met or missed, and the load average at the time —
 * printed and written to bench/results.json (and bench/results.md, the table the README shows).
 *   npm run bench                one full run (the 5k/10k-box and 1M-event sizes: ~20-30 min on 2 cores)
 *   npm run bench -- --quick     a ~one-minute smoke with small sizes, no verdicts
 *   npm run bench -- --only language,lsp
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatTable, results, unmeasured, type BenchRow } from './bench-table.js';
import { ROWS_PREFIX, SUITES, type SuiteName } from './suite.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const quick = process.argv.includes('--quick');
const onlyArg = process.argv.indexOf('--only');
const only = onlyArg > 0 ? process.argv[onlyArg + 1].split(',') : undefined;

/** Runs one suite in a child process; its output streams through, its rows come back. */
function runSuite(name: SuiteName): Promise<BenchRow[]> {
    return new Promise(resolve => {
        console.log(`\n== ${name}${quick ? ' (quick)' : ''}`);
        const started = Date.now();
        const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'bench/suite.ts'), name, ...(quick ? ['--quick'] : [])],
            { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
        let rows: BenchRow[] | undefined;
        let buffered = '';
        child.stdout.on('data', (chunk: Buffer) => {
            buffered += chunk.toString();
            const lines = buffered.split('\n');
            buffered = lines.pop()!;
            for (const line of lines) {
                if (line.startsWith(ROWS_PREFIX)) rows = JSON.parse(line.slice(ROWS_PREFIX.length)) as BenchRow[];
                else console.log(`  ${line}`);
            }
        });
        child.on('close', code => {
            if (buffered.startsWith(ROWS_PREFIX)) rows = JSON.parse(buffered.slice(ROWS_PREFIX.length)) as BenchRow[];
            console.log(`== ${name}: ${((Date.now() - started) / 1000).toFixed(0)} s`);
            resolve(rows ?? [unmeasured(name, `the ${name} suite`, '—', '', `the suite failed (exit ${code}): see its output above`)]);
        });
    });
}

function postgresInstalled(): boolean {
    return fs.existsSync('/usr/lib/postgresql') && fs.readdirSync('/usr/lib/postgresql').some(v => fs.existsSync(`/usr/lib/postgresql/${v}/bin/initdb`));
}

async function main(): Promise<void> {
    // The language server bundle and the webview bundles the LSP and layout suites drive.
    if (!only || only.some(s => s === 'lsp' || s === 'layout')) {
        const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
        if (build.status !== 0) throw new Error('scripts/build.mjs failed: the bench needs dist/.');
    }
    const rows: BenchRow[] = [];
    for (const name of SUITES) {
        if (only && !only.includes(name)) continue;
        if (name === 'postgres' && !postgresInstalled()) {
            rows.push(unmeasured('postgres', 'PostgreSQL import and queries', '—', '', 'PostgreSQL is not installed here (npm run tools installs it)'));
            continue;
        }
        rows.push(...await runSuite(name));
    }
    const all = results(rows, quick);
    const table = formatTable(all);
    console.log(`\n${table}`);
    fs.writeFileSync(path.join(root, 'bench/results.json'), JSON.stringify(all, null, 2) + '\n');
    fs.writeFileSync(path.join(root, 'bench/results.md'), table + '\n');
    console.log('\nwritten: bench/results.json, bench/results.md');
}

main().catch(error => {
    console.error(error instanceof Error ? error.stack : error);
    process.exitCode = 1;
});
