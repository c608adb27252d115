import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import { ensureCliBuilt, ROOT, runBin, runCli } from './run-cli.js';

describe('chatflow help, version and usage errors', () => {
    before(function () {
        this.timeout(120_000);
        ensureCliBuilt();
    });

    it('prints the commands with --help and exits 0', () => {
        const result = runCli('--help');
        assert.strictEqual(result.status, 0);
        assert.match(result.stdout, /validate <files or folders\.\.\.>/);
        assert.match(result.stdout, /graph <file>/);
    });

    it('prints per-command help', () => {
        assert.match(runCli('validate', '--help').stdout, /--format text\|json/);
        assert.match(runCli('graph', '-h').stdout, /--format json\|dot\|mermaid/);
    });

    it('prints the package version', () => {
        const { version } = JSON.parse(readFileSync(`${ROOT}/package.json`, 'utf8'));
        const result = runCli('--version');
        assert.strictEqual(result.status, 0);
        assert.strictEqual(result.stdout.trim(), version);
    });

    it('exits 2 on an unknown command and names it', () => {
        const result = runCli('lint', 'examples');
        assert.strictEqual(result.status, 2);
        assert.match(result.stderr, /^chatflow: unknown command 'lint'\. Commands: validate, graph/);
    });

    it('exits 2 on an unknown option and lists the valid ones', () => {
        const result = runCli('graph', 'examples/clinic.chatflow', '--layout', 'LR');
        assert.strictEqual(result.status, 2);
        assert.match(result.stderr, /unknown option '--layout' for 'chatflow graph'\. Options: --flow, --format, --help/);
    });

    it('runs through the npm bin entry (bin/chatflow.cjs) with the same exit codes', () => {
        const { bin } = JSON.parse(readFileSync(`${ROOT}/package.json`, 'utf8'));
        assert.strictEqual(bin.chatflow, './bin/chatflow.cjs');
        const clean = runBin('validate', 'examples/dental.chatflow');
        assert.strictEqual(clean.status, 0, clean.stdout + clean.stderr);
        assert.deepStrictEqual(clean.lines, ['1 file checked: no problems.']);
        const broken = runBin('validate', 'test/fixtures/cli/broken');
        assert.strictEqual(broken.status, 1);
    });
});
