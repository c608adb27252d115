/**
 * `npm run fuzz -- [options]`: the language fuzzer. See the README's "Fuzzing" section.
 *
 *   --seed S        run seed (default 1); mutant i of seed S is the same everywhere
 *   --count N       mutants (in-process) or edits per document (--lsp); default 200
 *   --from I        first mutant index (replay one: --seed S --from I --count 1)
 *   --out DIR       where failures go (default test-output/fuzz)
 *   --no-shrink     save failures as found, without shrinking them
 *   --lsp           drive the built server (dist/server/main.cjs --stdio) with incremental edits
 *   --documents D   --lsp: documents edited one after the other (default 1)
 *   --db            --lsp: import the example logs first, then also ask boxStats / analyticsOverview
 */
import { rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DEFAULT_OUT } from './findings-store.js';
import { runLsp } from './lsp-mode.js';
import { runInProcess } from './runner.js';
import { formatSummary, problemCount, type Summary } from './summary.js';

const { values } = parseArgs({
    options: {
        seed: { type: 'string', default: '1' },
        count: { type: 'string', default: '200' },
        from: { type: 'string', default: '0' },
        out: { type: 'string', default: DEFAULT_OUT },
        'no-shrink': { type: 'boolean', default: false },
        lsp: { type: 'boolean', default: false },
        documents: { type: 'string', default: '1' },
        db: { type: 'boolean', default: false }
    }
});

const number = (name: string, value: string | undefined): number => {
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`--${name} takes a whole number, not '${value}'.`);
    return parsed;
};

const seed = number('seed', values.seed);
const count = number('count', values.count);
const out = values.out!;
rmSync(out, { recursive: true, force: true });
const progress = (summary: Summary) => {
    const rate = summary.mutants / (summary.ms / 1000);
    process.stderr.write(`  ${summary.mutants} done, ${rate.toFixed(1)}/s, problems so far ${problemCount(summary)}\n`);
};

const summary = values.lsp
    ? await runLsp({ seed, edits: count, documents: number('documents', values.documents), db: values.db, out, progress })
    : await runInProcess({ seed, count, from: number('from', values.from), out, shrink: !values['no-shrink'], progress, progressEvery: 500 });
console.log(formatSummary(summary));
process.exitCode = problemCount(summary) === 0 ? 0 : 1;
