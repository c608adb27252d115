import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tempFolder } from '../analytics/helpers.js';
import { writePhiLogs, type PhiLogs } from '../analytics/privacy/phi-logs.js';
import { ensureCliBuilt, runCli } from './run-cli.js';

const INTAKE = 'test/fixtures/privacy/intake.chatflow';
const CHATS = 12;

function bytesOf(db: string): Buffer {
    return Buffer.concat([db, `${db}-wal`].filter(f => fs.existsSync(f)).map(f => fs.readFileSync(f)));
}

describe('chatflow import --policy and chatflow redact', function () {
    this.timeout(120_000);
    let temp: ReturnType<typeof tempFolder>;
    let logs: PhiLogs;
    const web = () => logs.patients.filter(p => p.chat.startsWith('web-'));

    before(() => ensureCliBuilt());
    beforeEach(() => {
        temp = tempFolder();
        logs = writePhiLogs(temp.folder, CHATS);
    });
    afterEach(() => temp.cleanup());

    it('imports under keep with a warning, then redact wipes the kept text from the file (exit 0)', () => {
        const imported = runCli('import', logs.files.jsonl, '--flow', INTAKE, '--db', temp.db, '--policy', 'keep');
        assert.strictEqual(imported.status, 0, imported.stderr);
        assert.match(imported.stdout, /privacy policy 'keep'/);
        assert.match(imported.stdout, /typed answers were KEPT as typed .* run 'chatflow redact'/);
        const names = web().map(p => p.name);
        assert.deepStrictEqual(names.filter(n => bytesOf(temp.db).includes(Buffer.from(n))), names);

        const redacted = runCli('redact', '--db', temp.db, '--flow', INTAKE, '--format', 'json');
        assert.strictEqual(redacted.status, 0, redacted.stderr);
        const result = JSON.parse(redacted.stdout);
        assert.deepStrictEqual([result.policy, result.changed], ['redact', CHATS * 2]);
        assert.deepStrictEqual(names.filter(n => bytesOf(temp.db).includes(Buffer.from(n))), []);
        assert.ok(bytesOf(temp.db).includes(Buffer.from('New patient visit')), 'button labels stay readable with --flow');
    });

    it('redact --policy hash writes the salt outside the database, owner-only, and never into it', () => {
        assert.strictEqual(runCli('import', logs.files.csv, '--flow', INTAKE, '--db', temp.db, '--policy', 'keep').status, 0);
        const saltFile = path.join(temp.folder, 'secrets', 'lakeside.salt');
        const run = runCli('redact', '--db', temp.db, '--policy', 'hash', '--salt-file', saltFile);
        assert.strictEqual(run.status, 0, run.stderr);
        assert.match(run.stdout, /Re-applied the 'hash' privacy policy to .*: \d+ of \d+ stored texts rewritten/);
        assert.match(run.stdout, /without --flow every answer counted as typed text/);
        const salt = fs.readFileSync(saltFile, 'utf8').trim();
        assert.match(salt, /^[0-9a-f]{64}$/);
        assert.strictEqual(fs.statSync(saltFile).mode & 0o777, 0o600);
        const bytes = bytesOf(temp.db);
        assert.ok(!bytes.includes(Buffer.from(salt)) && !bytes.includes(Buffer.from(salt, 'hex')));
        assert.ok(bytes.includes(Buffer.from('[hash:')));
        const patients = logs.patients.filter(p => p.chat.startsWith('sms-'));
        assert.deepStrictEqual(patients.flatMap(p => [p.name, p.complaint]).filter(t => bytes.includes(Buffer.from(t))), []);
    });

    it('names what is wrong: a missing database, a salt file without hash, a malformed salt file (exit 2)', () => {
        const missing = runCli('redact', '--db', path.join(temp.folder, 'nope.db'));
        assert.strictEqual(missing.status, 2);
        assert.match(missing.stderr, /no analytics database at .*nope\.db\. Pass the database to redact with --db\./);
        const saltWithoutHash = runCli('import', logs.files.jsonl, '--flow', INTAKE, '--db', temp.db, '--salt-file', 'x.salt');
        assert.strictEqual(saltWithoutHash.status, 2);
        assert.match(saltWithoutHash.stderr, /--salt-file is only used with --policy hash/);
        const bad = path.join(temp.folder, 'bad.salt');
        fs.writeFileSync(bad, 'password123\n');
        const malformed = runCli('import', logs.files.jsonl, '--flow', INTAKE, '--db', temp.db, '--policy', 'hash', '--salt-file', bad);
        assert.strictEqual(malformed.status, 2);
        assert.match(malformed.stderr, /bad\.salt:1: not a Chatflow salt .* Restore the file from a backup/);
        assert.ok(!fs.existsSync(temp.db), 'nothing imported with a bad salt');
    });
});
