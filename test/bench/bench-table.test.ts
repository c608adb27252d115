import * as assert from 'node:assert/strict';
import { formatTable, results, row, unmeasured, type BenchRow, type Machine } from '../../bench/bench-table.js';

/** The one bench table's shape, on made-up rows: no timing is measured or asserted here. */
describe('bench table', () => {
    const machine: Machine = { cpus: 2, model: 'Test CPU @ 2.0GHz', memoryGiB: 24, node: 'v20.20.2', platform: 'Linux 6.1 x64' };
    const fabricated: BenchRow[] = [
        { ...row({ suite: 'language', figure: '5,000 boxes: parse+link+validate, cold', goal: '≤ 1,000 ms', measured: 840, unit: 'ms', peer: 'parse only 420 ms', ratio: 2, atMost: 1000 }), load: 1.5 },
        { ...row({ suite: 'import', figure: '1,000,000 events, CSV: import into SQLite', goal: '≤ 2× peer', measured: 9_600, unit: 'ms', peer: 'sqlite3 CLI 3.20 s', ratio: 3, atMost: 2, on: 'ratio' }), load: 2.25 },
        { ...row({ suite: 'lsp', figure: '1,000 boxes: keystroke -> diagnostics', goal: 'reported', measured: 120, unit: 'ms', peer: 'empty round trip 0.4 ms', ratio: 300, note: 'max 150 ms' }), load: 0.5 },
        { ...unmeasured('postgres', 'PostgreSQL import and queries', '—', '', 'PostgreSQL is not installed here'), load: 0 }
    ];

    it('decides met from the bound on the measured figure or on the ratio, and leaves rows without a bound undecided', () => {
        assert.deepEqual(fabricated.map(r => r.met), [true, false, undefined, undefined]);
    });

    it('counts met, missed and undecided rows and keeps the machine and the date in the JSON', () => {
        const all = results(fabricated, false, new Date('2026-12-02T15:00:00Z'), machine);
        assert.equal(all.met, 1);
        assert.equal(all.missed, 1);
        assert.equal(all.unmeasured, 2);
        assert.equal(all.date, '2026-12-02T15:00:00.000Z');
        assert.deepEqual(all.machine, machine);
        const json = JSON.parse(JSON.stringify(all)) as typeof all;
        for (const r of json.rows) {
            for (const key of ['suite', 'figure', 'goal', 'unit', 'peer', 'load'] as const) assert.ok(key in r, `${r.figure} has ${key}`);
        }
        assert.equal(json.rows[1].ratio, 3);
    });

    it('prints one Markdown table: a header, one line per row with goal, measured, peer, ratio, load and verdict', () => {
        const table = formatTable(results(fabricated, false, new Date('2026-12-02T15:00:00Z'), machine));
        const lines = table.split('\n');
        assert.match(lines[0], /2026-12-02 15:00 UTC on 2 × Test CPU @ 2\.0GHz, 24 GiB, Node v20\.20\.2/);
        assert.equal(lines[2], '| suite | figure | goal | measured | peer in the same run | ratio | load | |');
        const body = lines.filter(l => l.startsWith('| ') && !l.startsWith('| suite'));
        assert.equal(body.length, fabricated.length);
        assert.equal(body[0], '| language | 5,000 boxes: parse+link+validate, cold | ≤ 1,000 ms | 840 ms | parse only 420 ms | 2.00× | 1.50 | met |');
        assert.equal(body[1], '| import | 1,000,000 events, CSV: import into SQLite | ≤ 2× peer | 9,600 ms | sqlite3 CLI 3.20 s | 3.00× | 2.25 | MISSED |');
        assert.match(body[3], /— \(PostgreSQL is not installed here\) \| — \| — \| 0\.00 \| — \|$/);
        assert.ok(lines.includes('1 met, 1 missed, 2 without a goal verdict. load = 1-minute load average when measured (2 cores, shared).'));
        assert.ok(lines.includes('- 1,000 boxes: keystroke -> diagnostics: max 150 ms'));
    });

    it('marks a quick smoke as such', () => {
        assert.match(formatTable(results(fabricated, true, new Date('2026-12-02T15:00:00Z'), machine)), /^Quick smoke \(small sizes\), /);
    });
});
