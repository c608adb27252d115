import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureCliBuilt, runCli } from './run-cli.js';
import { assertJunitStructure, assertValidJunit, ensureXmllint } from './junit-schema.js';

describe('chatflow test: reporters and gates', () => {
    let folder: string;
    let xmllint = false;
    before(function () {
        this.timeout(180_000);
        ensureCliBuilt();
        xmllint = ensureXmllint();
    });
    beforeEach(() => { folder = fs.mkdtempSync(path.join(os.tmpdir(), 'chatflow-test-reports-')); });
    afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

    it('writes JUnit XML that validates against the JUnit schema: a suite per flow, a failure naming the step', () => {
        const output = path.join(folder, 'results.xml');
        const result = runCli('test', 'test/fixtures/cli/tests', '--reporter', 'junit', '--output', output);
        assert.strictEqual(result.status, 1, result.stderr);
        assert.strictEqual(result.lines.at(-1), '3 passed, 1 failed', 'the text report still goes to stdout');
        const xml = fs.readFileSync(output, 'utf8');
        if (xmllint) assertValidJunit(output); else assertJunitStructure(xml);
        assert.match(xml, /<testsuites name="chatflow test" tests="4" failures="1" errors="0" time="\d+\.\d{3}">/);
        assert.match(xml, /<testsuite name="Clinic" tests="4" failures="1" errors="0" skipped="0" time="[\d.]+" timestamp="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d" hostname="[^"]+" file="test\/fixtures\/cli\/tests\/clinic-failing\.chatflow">/);
        const line = fs.readFileSync('test/fixtures/cli/tests/clinic-failing.chatflow', 'utf8').split('\n').findIndex(l => l.includes('test "an insured adult books on Wednesday"')) + 1;
        assert.match(xml, new RegExp(`<testcase name="an insured adult books on Wednesday" classname="Clinic" file="test/fixtures/cli/tests/clinic-failing.chatflow" line="${line}" time="[\\d.]+">`));
        assert.match(xml, /<failure message="step 13: expect preferred_day == &quot;Friday&quot;: expected preferred_day == &quot;Friday&quot;, but it is &quot;Wednesday&quot;" type="AssertionError">test\/fixtures\/cli\/tests\/clinic-failing\.chatflow:\d+:9 step 13: /);
    });

    it('puts the JUnit XML on stdout without --output, and a file with errors in it as an error', () => {
        const result = runCli('test', 'test/fixtures/cli/broken', '--reporter', 'junit');
        assert.strictEqual(result.status, 1);
        assert.match(result.stdout, /^<\?xml/);
        assert.match(result.stderr, /0 passed, 1 failed/);
        const file = path.join(folder, 'stdout.xml');
        fs.writeFileSync(file, result.stdout);
        if (xmllint) assertValidJunit(file); else assertJunitStructure(result.stdout);
        assert.match(result.stdout, /<error message="test\/fixtures\/cli\/broken\/clinic-typo\.chatflow has errors; its tests were not run" type="FlowError">/);
    });

    it('--min-coverage fails below the threshold and names the missing transitions; passes at or above it', () => {
        const below = runCli('test', 'examples/clinic.chatflow', '--min-coverage', '80');
        assert.strictEqual(below.status, 1);
        assert.strictEqual(below.lines.at(-1), '4 passed, 0 failed');
        assert.match(below.stderr, /^Coverage of Clinic is 71\.8% \(28 of 39 transitions\), below --min-coverage 80%\. Write tests that take:\n/);
        assert.match(below.stderr, /\n {2}Clinic\.urgent_check -> Clinic\.emergency "Yes" {2}examples\/clinic\.chatflow:\d+:9\n/);
        assert.match(below.stderr, /chatflow test --generate prints tests that take them/);
        const above = runCli('test', 'examples/clinic.chatflow', '--min-coverage', '70');
        assert.strictEqual(above.status, 0, above.stderr);
        assert.strictEqual(above.stderr, '');
        const bad = runCli('test', 'examples/clinic.chatflow', '--min-coverage', 'most');
        assert.strictEqual(bad.status, 2);
        assert.match(bad.stderr, /--min-coverage takes a percentage from 0 to 100, like --min-coverage 80, not 'most'\./);
    });

    it('gives coverage as JSON with --format json, keeping the summary line in text', () => {
        const text = runCli('test', 'examples/clinic.chatflow', '--coverage');
        assert.ok(text.lines.includes('Coverage of Clinic: 28 of 39 transitions taken by a test.'));
        const json = runCli('test', 'examples/clinic.chatflow', '--coverage', '--format', 'json');
        const report = JSON.parse(json.stdout) as { coverage: Array<{ flow: string; transitions: number; taken: number; percent: number; untaken: Array<{ id: string; at: string }> }> };
        assert.deepStrictEqual(report.coverage.map(c => [c.flow, c.transitions, c.taken, c.percent, c.untaken.length]), [['Clinic', 39, 28, 71.8, 11]]);
        assert.ok(report.coverage[0].untaken.some(u => u.id === 'Clinic.urgent_check:choice:Yes' && /^examples\/clinic\.chatflow:\d+:9$/.test(u.at)));
    });

    it('weighs untested transitions by real chats with --db', function () {
        this.timeout(120_000);
        const db = path.join(folder, 'analytics.db');
        assert.strictEqual(runCli('import', 'examples/logs/clinic-2026-11.jsonl', '--flow', 'examples', '--db', db).status, 0);
        const result = runCli('test', 'examples/clinic.chatflow', '--coverage', '--db', db);
        assert.strictEqual(result.status, 0, result.stderr);
        const at = result.lines.findIndex(l => l.startsWith('Untested traffic of Clinic: '));
        assert.ok(at > 0, result.stdout);
        assert.match(result.lines[at], /^Untested traffic of Clinic: \d+(\.\d)?% of chats \([\d,]+ of [\d,]+\) take at least one transition no test takes\.$/);
        const top = result.lines.slice(at + 1, at + 6);
        assert.strictEqual(top.length, 5);
        const counts = top.map(l => Number(/^ {2}([\d,]+) chats?: /.exec(l)![1].replace(/,/g, '')));
        assert.deepStrictEqual(counts, [...counts].sort((a, b) => b - a), 'most chats first');
        const json = JSON.parse(runCli('test', 'examples/clinic.chatflow', '--db', db, '--format', 'json').stdout) as { coverage: Array<{ traffic: { chats: number; untestedChats: number; percent: number; top: Array<{ chats: number }> } }> };
        const traffic = json.coverage[0].traffic;
        assert.ok(traffic.chats > 0 && traffic.untestedChats > 0 && traffic.untestedChats < traffic.chats);
        assert.strictEqual(traffic.top[0].chats, counts[0]);
    });
});
