import * as assert from 'node:assert';
import { copyFileSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ensureCliBuilt, ROOT, runCli } from './run-cli.js';

describe('chatflow validate', () => {
    before(function () {
        this.timeout(120_000);
        ensureCliBuilt();
    });

    it('reports the examples workspace clean with exit code 0', () => {
        const result = runCli('validate', 'examples');
        assert.strictEqual(result.status, 0, result.stdout + result.stderr);
        assert.deepStrictEqual(result.lines, ['4 files checked: no problems.']);
    });

    it('prints a misspelt box as file:line:col error code message and exits 1', () => {
        const result = runCli('validate', 'test/fixtures/cli/broken/clinic-typo.chatflow');
        assert.strictEqual(result.status, 1);
        const [line, summary] = result.lines;
        assert.match(line, /^test\/fixtures\/cli\/broken\/clinic-typo\.chatflow:11:12 error linking-error /);
        assert.match(line, /'ask_phnoe'.*Did you mean 'ask_phone'\?/);
        assert.strictEqual(summary, '1 file checked: 1 error, 0 warnings.');
        assert.strictEqual(result.lines.length, 2);
    });

    it('exits 0 when there are only warnings, and still prints them', () => {
        const result = runCli('validate', 'test/fixtures/cli/warnings');
        assert.strictEqual(result.status, 0);
        assert.match(result.lines[0], /^test\/fixtures\/cli\/warnings\/newsletter\.chatflow:4:6 warning unmarked-goal .*coupon_sent/);
        assert.strictEqual(result.lines.at(-1), '1 file checked: 0 errors, 1 warning.');
    });

    it('prints the same problems as a JSON array with --format json', () => {
        const result = runCli('validate', '--format', 'json', 'test/fixtures/cli/broken');
        assert.strictEqual(result.status, 1);
        const problems = JSON.parse(result.stdout);
        assert.deepStrictEqual(problems.map((p: { file: string; line: number; column: number; severity: string; code: string }) =>
            [p.file, p.line, p.column, p.severity, p.code]),
        [['test/fixtures/cli/broken/clinic-typo.chatflow', 11, 12, 'error', 'linking-error']]);
        assert.match(problems[0].message, /ask_phnoe/);
    });

    it('builds all given files together, so a reference into another file resolves', () => {
        const together = runCli('validate', 'test/fixtures/cli/cross-file');
        assert.strictEqual(together.status, 0, together.stdout);
        assert.deepStrictEqual(together.lines, ['2 files checked: no problems.']);

        const alone = runCli('validate', 'test/fixtures/cli/cross-file/refill.chatflow');
        assert.strictEqual(alone.status, 1);
        assert.match(alone.lines[0], /^test\/fixtures\/cli\/cross-file\/refill\.chatflow:\d+:\d+ error linking-error .*Shared\.pharmacist/);
    });

    it('searches folders recursively and reports every file of the tree', () => {
        const result = runCli('validate', 'test/fixtures/cli', '--format', 'json');
        const files = new Set(JSON.parse(result.stdout).map((p: { file: string }) => p.file));
        assert.ok(files.has('test/fixtures/cli/broken/clinic-typo.chatflow'));
        assert.ok(files.has('test/fixtures/cli/graph-errors/duplicate.chatflow'));
        assert.ok(files.has('test/fixtures/cli/warnings/newsletter.chatflow'));
        assert.strictEqual(result.status, 1);
    });

    it('exits 2 with a one-line error naming a path that does not exist', () => {
        const result = runCli('validate', 'examples/no-such-flow.chatflow');
        assert.strictEqual(result.status, 2);
        assert.strictEqual(result.stdout, '');
        const lines = result.stderr.trim().split('\n');
        assert.strictEqual(lines.length, 1);
        assert.match(lines[0], /'examples\/no-such-flow\.chatflow' does not exist/);
    });

    it('exits 2 for a file that is not a .chatflow file', () => {
        const result = runCli('validate', 'package.json');
        assert.strictEqual(result.status, 2);
        assert.match(result.stderr, /'package\.json' is not a \.chatflow file/);
    });

    it('exits 2 for an unknown --format value and names the allowed ones', () => {
        const result = runCli('validate', 'examples', '--format', 'xml');
        assert.strictEqual(result.status, 2);
        assert.match(result.stderr, /'xml' is not a valid --format .*text, json/);
    });

    it('exits 2 naming a .chatflow link in a folder that points nowhere, instead of skipping it', () => {
        const folder = mkdtempSync(path.join(tmpdir(), 'chatflow-cli-'));
        try {
            copyFileSync(path.join(ROOT, 'examples/dental.chatflow'), path.join(folder, 'dental.chatflow'));
            symlinkSync(path.join(folder, 'moved-away.chatflow'), path.join(folder, 'intake.chatflow'));
            const result = runCli('validate', folder);
            assert.strictEqual(result.status, 2);
            assert.strictEqual(result.stdout, '');
            assert.match(result.stderr, /^chatflow: cannot read '[^']*intake\.chatflow': it is a link to '[^']*moved-away\.chatflow', which does not exist/);
        } finally {
            rmSync(folder, { recursive: true, force: true });
        }
    });
});
