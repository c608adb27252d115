import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureCliBuilt, runCli } from './run-cli.js';

const LOG = 'examples/logs/clinic-2026-11.jsonl';
const SENSITIVE_BOXES = new Set(['ask_name', 'ask_dob', 'ask_symptoms', 'ask_phone', 'offer_callback']);

describe('chatflow tests-from-logs', () => {
    let folder: string;
    before(function () {
        this.timeout(120_000);
        ensureCliBuilt();
    });
    beforeEach(() => { folder = fs.mkdtempSync(path.join(os.tmpdir(), 'chatflow-tests-from-logs-')); });
    afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

    it('writes the most frequent real paths as passing tests, with no sensitive answer in them, and adds nothing twice', function () {
        this.timeout(120_000);
        const flow = path.join(folder, 'clinic.chatflow');
        const db = path.join(folder, 'analytics.db');
        fs.copyFileSync('examples/clinic.chatflow', flow);
        // Imported under 'keep', the most revealing policy: typed answers are stored as typed, except those of sensitive inputs.
        assert.strictEqual(runCli('import', LOG, '--flow', flow, '--db', db, '--policy', 'keep').status, 0);
        const original = fs.readFileSync(flow, 'utf8');
        const written = runCli('tests-from-logs', '--db', db, '--flow', flow, '--top', '4', '--write');
        assert.strictEqual(written.status, 0, written.stderr);
        assert.match(written.stdout, /^Clinic \(.*clinic\.chatflow\): 4 tests from the most frequent paths of real chats$/m);
        const text = fs.readFileSync(flow, 'utf8');
        const added = text.slice(original.length - 2, text.length - 2);
        assert.strictEqual(text.slice(0, original.length - 2), original.slice(0, -2));
        assert.strictEqual((added.match(/\n {4}test "from logs, [\d,]+ chats?: /g) ?? []).length, 4, added);
        const tested = runCli('test', flow);
        assert.strictEqual(tested.status, 0, tested.stdout);
        assert.strictEqual(tested.lines.at(-1), '8 passed, 0 failed');
        const secrets = fs.readFileSync(LOG, 'utf8').split('\n').filter(l => l !== '').map(l => JSON.parse(l) as { box: string; type: string; text?: string })
            .filter(e => e.type === 'answer' && SENSITIVE_BOXES.has(e.box) && e.text).map(e => e.text!);
        assert.ok(secrets.length > 100);
        for (const secret of new Set(secrets)) assert.ok(!added.includes(`"${secret}"`), `a sensitive answer was written: ${secret}`);
        const again = runCli('tests-from-logs', '--db', db, '--flow', flow, '--top', '4', '--write');
        assert.strictEqual(again.status, 0, again.stderr);
        const textAgain = fs.readFileSync(flow, 'utf8');
        const addedAgain = textAgain.slice(text.length - 2);
        for (const name of added.match(/test "[^"]+"/g)!) assert.ok(!addedAgain.includes(name), `${name} written twice`);
    });

    it('prints the tests without --write, and exits 2 without --flow or a database', () => {
        const missingDb = runCli('tests-from-logs', '--db', path.join(folder, 'none.db'), '--flow', 'examples');
        assert.strictEqual(missingDb.status, 2);
        assert.match(missingDb.stderr, /no analytics database at .*none\.db\. Run 'chatflow import <log files> --flow <flows>' first, or pass --db/);
        const noFlow = runCli('tests-from-logs', '--db', path.join(folder, 'none.db'));
        assert.strictEqual(noFlow.status, 2);
        assert.match(noFlow.stderr, /tests-from-logs needs --flow/);
        const db = path.join(folder, 'analytics.db');
        assert.strictEqual(runCli('import', LOG, '--flow', 'examples', '--db', db).status, 0);
        const printed = runCli('tests-from-logs', '--db', db, '--flow', 'examples', '--top', '2');
        assert.strictEqual(printed.status, 0, printed.stderr);
        assert.match(printed.lines[0], /^\/\/ Clinic \(examples\/clinic\.chatflow\): 2 tests from the most frequent paths of real chats$/);
        assert.match(printed.stdout, /\n {4}test "from logs, [\d,]+ chats: [^"]+" \{\n/);
    });
});
