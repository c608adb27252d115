import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ensureCliBuilt, ROOT, runCli } from '../run-cli.js';
import { tempFolder } from '../../analytics/helpers.js';

const CORPUS = 'test/fixtures/analytics/malformed';
const DENTAL = 'test/fixtures/analytics/dental.chatflow';

interface Row { file: string; options: string[]; exit: number; counts?: [number, number, number]; contains: string }

/** The rows of the corpus README's table of expected outcomes. */
function outcomes(): Row[] {
    const table = fs.readFileSync(path.join(ROOT, CORPUS, 'README.md'), 'utf8').split('\n').filter(line => line.startsWith('| ') && !line.startsWith('| file '));
    return table.map(line => {
        // Cells are split on '|': a message with a '|' in it would need another table.
        const [file, options, exit, imported, duplicates, malformed, contains] = line.slice(1, -1).split('|').map(cell => cell.trim());
        return {
            file, options: options === '' ? [] : options.split(' '), exit: Number(exit), contains,
            counts: imported === '' ? undefined : [Number(imported), Number(duplicates), Number(malformed)]
        };
    });
}

describe('import faults: the malformed log corpus, each file against its expected outcome', function () {
    this.timeout(120_000);
    let temp: ReturnType<typeof tempFolder>;

    before(() => ensureCliBuilt());
    beforeEach(() => { temp = tempFolder(); });
    afterEach(() => temp.cleanup());

    it('has a row for every file of the corpus', () => {
        const files = fs.readdirSync(path.join(ROOT, CORPUS)).filter(file => file !== 'README.md').sort();
        assert.deepStrictEqual([...new Set(outcomes().map(row => row.file))].sort(), files);
    });

    for (const row of outcomes()) {
        it(`${row.file}${row.options.length > 0 ? ` ${row.options.join(' ')}` : ''}: exit ${row.exit}${row.counts ? `, ${row.counts.join('/')} imported/duplicates/malformed` : ''}`, () => {
            const result = runCli('import', `${CORPUS}/${row.file}`, '--flow', DENTAL, '--db', temp.db, '--format', 'json', ...row.options);
            assert.strictEqual(result.status, row.exit, result.stderr);
            assert.doesNotMatch(result.stderr, /internal error|\n\s+at /, 'no stack trace');
            if (row.exit !== 0) {
                assert.strictEqual(result.stdout, '');
                assert.ok(result.stderr.startsWith('chatflow: '), result.stderr);
                assert.ok(result.stderr.includes(row.contains), result.stderr);
                assert.ok(!fs.existsSync(temp.db), 'a refused file creates no database');
                return;
            }
            const summary = JSON.parse(result.stdout);
            assert.deepStrictEqual([summary.imported, summary.duplicates, summary.malformed], row.counts);
            if (row.contains) {
                const first = summary.problems[0];
                assert.ok(`${first.line}: ${first.reason}`.startsWith(row.contains), `${first.line}: ${first.reason}`);
                assert.strictEqual(first.file, `${CORPUS}/${row.file}`);
            }
        });
    }
});
