import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureCliBuilt, runCli } from './run-cli.js';

const TELEHEALTH = 'test/fixtures/cli/generate/telehealth.chatflow';

describe('chatflow test --generate', () => {
    let folder: string;
    before(function () {
        this.timeout(120_000);
        ensureCliBuilt();
    });
    beforeEach(() => { folder = fs.mkdtempSync(path.join(os.tmpdir(), 'chatflow-generate-')); });
    afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

    it('on a flow it has never seen: --write, then --coverage takes every transition and every test passes', () => {
        const file = path.join(folder, 'telehealth.chatflow');
        const original = fs.readFileSync(TELEHEALTH, 'utf8');
        fs.writeFileSync(file, original);
        const before = runCli('test', file, '--coverage');
        const [, taken, total] = /^Coverage of Triage: (\d+) of (\d+) transitions taken by a test\.$/m.exec(before.stdout)!;
        assert.ok(Number(taken) < Number(total));
        const written = runCli('test', '--generate', '--write', file);
        assert.strictEqual(written.status, 0, written.stderr);
        assert.match(written.stdout, /^Triage \(.*telehealth\.chatflow\): \d+ tests taking (\d+) of the (\d+) transitions no test took \(\d+ ms\)$/m);
        assert.strictEqual(written.stderr, '', 'nothing left untaken');
        const text = fs.readFileSync(file, 'utf8');
        const lastTestEnd = original.lastIndexOf('    }\n}') + '    }'.length;
        assert.strictEqual(text.slice(0, lastTestEnd), original.slice(0, lastTestEnd), 'everything before the insertion is unchanged');
        assert.strictEqual(text.slice(text.length - 2), original.slice(original.length - 2));
        assert.strictEqual(runCli('validate', file).lines.at(-1), '1 file checked: no problems.');
        const after = runCli('test', file, '--coverage');
        assert.strictEqual(after.status, 0, after.stdout);
        assert.ok(after.lines.includes(`Coverage of Triage: ${total} of ${total} transitions taken by a test.`), after.stdout);
        assert.match(after.lines.at(-1)!, /^\d+ passed, 0 failed$/);
        // The answers meet the inputs' validations: a 5-digit ZIP, an age within 0..110, a member ID like ABC123456.
        assert.match(text, /answer "\d{5}"/);
        assert.match(text, /answer "[A-Z]{3}\d{6}"/);
        assert.ok(!/answer 1[1-9]\d/.test(text));
        // A second run has nothing left to add.
        const again = runCli('test', '--generate', '--write', file);
        assert.match(again.stdout, /every transition is taken by a test already/);
        assert.strictEqual(fs.readFileSync(file, 'utf8'), text);
    });

    it('prints the tests as test blocks without --write, and the transitions no chat can take on stderr with why', () => {
        const file = path.join(folder, 'flow.chatflow');
        fs.writeFileSync(file, fs.readFileSync('examples/clinic.chatflow', 'utf8').replace('when age < 18 -> minor_notice', 'when age > 130 -> minor_notice'));
        const result = runCli('test', '--generate', file);
        assert.strictEqual(result.status, 0, result.stderr);
        assert.match(result.lines[0], /^\/\/ Clinic \(.*flow\.chatflow\): \d+ tests taking 11 of the 13 transitions no test took \(\d+ ms\)$/);
        assert.match(result.stdout, /\n {4}test "generated: [^"]+" \{\n {8}choose "/);
        const stderr = result.stderr.trim().split('\n');
        assert.strictEqual(stderr.length, 2);
        assert.match(stderr[0], /flow\.chatflow:\d+:9 Clinic: no chat can take Clinic\.check_age -> Clinic\.minor_notice "age > 130": 'age > 130' never holds here: age can only be the answer to ask_age \(a number between 0 and 120\)$/);
        assert.match(stderr[1], /Clinic: no chat can take Clinic\.minor_notice -> Clinic\.ask_insured: no chat from the start reaches minor_notice/);
    });

    it('gives the generated tests as JSON with --format json', () => {
        const result = runCli('test', '--generate', 'examples', '--format', 'json');
        assert.strictEqual(result.status, 0, result.stderr);
        const report = JSON.parse(result.stdout) as { written: boolean; flows: Array<{ flow: string; targets: number; covered: number; tests: Array<{ text: string }> }> };
        assert.strictEqual(report.written, false);
        assert.deepStrictEqual(report.flows.map(f => f.flow).sort(), ['Clinic', 'Common', 'Dental', 'Refill']);
        for (const flow of report.flows) assert.strictEqual(flow.covered, flow.targets, flow.flow);
        assert.ok(report.flows.every(f => f.tests.every(t => t.text.startsWith('    test "generated: '))));
    });

    it('refuses --write without --generate', () => {
        const result = runCli('test', 'examples', '--write');
        assert.strictEqual(result.status, 2);
        assert.match(result.stderr, /--write goes with --generate/);
    });
});
