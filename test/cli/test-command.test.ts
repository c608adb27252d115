import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import { ensureCliBuilt, runCli } from './run-cli.js';

describe('chatflow test', () => {
    before(() => ensureCliBuilt());

    it('plays the examples\' conversation tests and ends with the plain summary line', () => {
        const result = runCli('test', 'examples');
        assert.strictEqual(result.status, 0, result.stderr);
        assert.ok(result.lines.includes('  ✔ Clinic › an insured adult books on Wednesday'));
        assert.ok(result.lines.includes('  ✔ Refill › a verified patient orders a refill for delivery'));
        assert.match(result.lines.at(-1)!, /^\d+ passed, 0 failed$/);
        assert.strictEqual(Number(result.lines.at(-1)!.split(' ')[0]), result.lines.filter(l => l.startsWith('  ✔')).length);
    });

    it('reports a failing test at the failing step\'s line, with the step and what happened, and exits 1', () => {
        const file = 'test/fixtures/cli/tests/clinic-failing.chatflow';
        const line = readFileSync(file, 'utf8').split('\n').findIndex(l => l.includes('expect preferred_day == "Friday"')) + 1;
        const result = runCli('test', file);
        assert.strictEqual(result.status, 1);
        const at = result.lines.findIndex(l => l === '  ✘ Clinic › an insured adult books on Wednesday');
        assert.ok(at >= 0, result.stdout);
        assert.strictEqual(result.lines[at + 1], `      ${file}:${line}:9 step 13: expect preferred_day == "Friday"`);
        assert.strictEqual(result.lines[at + 2], '      expected preferred_day == "Friday", but it is "Wednesday"');
        assert.strictEqual(result.lines.at(-1), '3 passed, 1 failed');
    });

    it('lists the transitions no test takes with --coverage', () => {
        const result = runCli('test', 'examples/clinic.chatflow', '--coverage');
        assert.strictEqual(result.status, 0);
        assert.ok(result.lines.some(l => /^Coverage of Clinic: \d+ of 39 transitions taken by a test\.$/.test(l)), result.stdout);
        assert.ok(result.lines.some(l => l.startsWith('  not taken: Clinic.urgent_check -> Clinic.emergency "Yes"  examples/clinic.chatflow:')));
        assert.ok(!result.lines.some(l => l.includes('Clinic.main_menu -> Clinic.ask_returning')));
    });

    it('prints machine-readable results with --format json', () => {
        const result = runCli('test', 'test/fixtures/cli/tests', '--format', 'json');
        assert.strictEqual(result.status, 1);
        const report = JSON.parse(result.stdout) as { passed: number; failed: number; tests: Array<{ name: string; passed: boolean; failure?: { step: number } }> };
        assert.deepStrictEqual([report.passed, report.failed], [3, 1]);
        assert.strictEqual(report.tests.find(t => !t.passed)!.failure!.step, 13);
    });

    it('does not play the tests of a file with errors, and says why', () => {
        const result = runCli('test', 'test/fixtures/cli/broken');
        assert.strictEqual(result.status, 1);
        assert.match(result.stderr, /has errors; its tests were not run:/);
        assert.match(result.stderr, /error linking-error/);
    });
});
