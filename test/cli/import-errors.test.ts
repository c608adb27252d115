import * as assert from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SqliteConnection } from '../../analytics/sqlite/connection.js';
import { databaseFolderError } from '../../analytics/sqlite/open-database.js';
import { writeChats } from './import-faults/fault-logs.js';
import { CLI, ensureCliBuilt, ROOT, runCli } from './run-cli.js';
import { tempFolder } from '../analytics/helpers.js';

const GOLDEN = 'test/fixtures/analytics/golden.jsonl';
const DENTAL = 'test/fixtures/analytics/dental.chatflow';

/** Runs a shell pipeline from the repository root with bash (for PIPESTATUS). */
function pipeline(script: string): { stdout: string; stderr: string; status: number | null } {
    const result = spawnSync('bash', ['-c', script], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

describe('chatflow import: errors name the path and what to do, never a stack trace', () => {
    let temp: ReturnType<typeof tempFolder>;

    before(function () {
        this.timeout(120_000);
        ensureCliBuilt();
    });
    beforeEach(() => { temp = tempFolder(); });
    afterEach(() => temp.cleanup());

    it('--db under a regular file: one line naming the file in the way, exit 2', () => {
        const file = path.join(temp.folder, 'notes');
        fs.writeFileSync(file, 'not a folder\n');
        for (const db of [path.join(file, 'analytics.db'), path.join(file, 'sub', 'analytics.db')]) {
            const result = runCli('import', GOLDEN, '--flow', DENTAL, '--db', db);
            assert.strictEqual(result.status, 2, result.stderr);
            assert.strictEqual(result.stderr.trim().split('\n').length, 1, result.stderr);
            assert.match(result.stderr, new RegExp(`^chatflow: cannot create the analytics database .*analytics\\.db: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is a file, not a folder \\((EEXIST|ENOTDIR)\\)\\. Pass another --db, or move that file away\\.\\n$`));
        }
    });

    it('--db in a folder it may not create: says which folder and what to do', () => {
        const denied = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES', syscall: 'mkdir' });
        const error = databaseFolderError(denied, 'clinic/.chatflow/analytics.db', path.join(temp.folder, 'clinic', '.chatflow'));
        assert.strictEqual(error.message, `cannot create the folder ${path.join(temp.folder, 'clinic', '.chatflow')} for the analytics database clinic/.chatflow/analytics.db (EACCES). Check that you may write there, or pass another --db.`);
    });

    it('--db on a read-only file system: one line, exit 2 (a read-only bind mount, where the machine allows one)', function () {
        const ro = path.join(temp.folder, 'ro');
        fs.mkdirSync(ro);
        const probe = spawnSync('unshare', ['-m', 'sh', '-c', `mount --bind -o ro ${ro} ${ro}`], { encoding: 'utf8' });
        if (probe.status !== 0) this.skip(); // no mount namespace here; the mapping is tested above
        const result = pipeline(`unshare -m sh -c 'mount --bind -o ro ${ro} ${ro} && exec "${process.execPath}" ${CLI} import ${GOLDEN} --flow ${DENTAL} --db ${ro}/sub/analytics.db'`);
        assert.strictEqual(result.status, 2, result.stderr);
        assert.strictEqual(result.stderr.trim().split('\n').length, 1, result.stderr);
        assert.match(result.stderr, /^chatflow: cannot (create the folder .*|open the analytics database .*analytics\.db for writing \(SQLITE_CANTOPEN\))/);
        assert.doesNotMatch(result.stderr, /internal error|\n\s+at /);
    });

    it('ends quietly when the reader of its output goes away (| head -1, | true)', () => {
        const db = path.join(temp.folder, 'a.db');
        const command = `"${process.execPath}" ${CLI} import test/fixtures/analytics/bad-lines.jsonl --flow ${DENTAL} --db ${db}`;
        const head = pipeline(`${command} | head -1; echo "status \${PIPESTATUS[0]}" >&2`);
        assert.match(head.stdout, /^Imported 3 new events from 1 file/);
        assert.strictEqual(head.stderr, 'status 0\n');
        // A reader that is gone before the first line: every write meets EPIPE.
        const gone = pipeline(`${command} --format json | true; echo "status \${PIPESTATUS[0]}" >&2`);
        assert.strictEqual(gone.stderr, 'status 0\n');
    });

    it('says --log-format (not --format) when it cannot tell a format, and following the hint imports the file', () => {
        const log = path.join(temp.folder, 'export.log');
        const rows = fs.readFileSync(GOLDEN, 'utf8').split('\n').filter(Boolean).map(line => {
            const e = JSON.parse(line);
            return [e.chat, e.ts, e.flow, e.version, e.box ?? '', e.type, `"${String(e.text ?? '').replace(/"/g, '""')}"`, e.goal ?? ''].join(',');
        });
        fs.writeFileSync(log, rows.join('\n') + '\n');
        const refused = runCli('import', log, '--flow', DENTAL, '--db', temp.db);
        assert.strictEqual(refused.status, 2);
        const hint = /pass (--[a-z-]+) ([a-z-]+) \(/.exec(refused.stderr);
        assert.ok(hint, refused.stderr);
        assert.deepStrictEqual(hint.slice(1), ['--log-format', 'csv']);
        assert.ok(!fs.existsSync(temp.db), 'nothing was created');
        const followed = runCli('import', log, '--flow', DENTAL, '--db', temp.db, hint[1], hint[2]);
        assert.strictEqual(followed.status, 0, followed.stderr);
        assert.match(followed.lines[0], /^Imported 132 new events from 1 file/);
    });

    it('checks every log before importing any: a file of unknown format in the list stores nothing and says so', () => {
        const notes = path.join(temp.folder, 'notes.txt');
        fs.writeFileSync(notes, 'Call the dentist on Monday.\n');
        const result = runCli('import', GOLDEN, notes, 'test/fixtures/analytics/golden.csv', '--flow', DENTAL, '--db', temp.db);
        assert.strictEqual(result.status, 2);
        assert.match(result.stderr, /^chatflow: cannot tell the format of .*notes\.txt: .* Pass --log-format with one of jsonl, json, csv, rasa-tracker, rasa-events\.\nNothing was imported\.\n$/);
        assert.ok(!fs.existsSync(temp.db), 'nothing was created');
    });

    it('an import stopped midway (the database locked past its timeout) lists the files stored before the error, then exits 2', async function () {
        this.timeout(60_000);
        const big = path.join(temp.folder, 'big.jsonl');
        writeChats(big, 'big', 15_000);
        // The first log is stored; then the test takes the write lock and holds it past the import's 5 s.
        const child = spawn(process.execPath, [CLI, 'import', GOLDEN, big, '--flow', DENTAL, '--db', temp.db], { cwd: ROOT });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', chunk => { stdout += chunk; });
        child.stderr.on('data', chunk => { stderr += chunk; });
        const exited = new Promise<number | null>(resolve => child.on('close', code => resolve(code)));
        let lock: SqliteConnection | undefined;
        for (let tries = 0; !lock && tries < 2000; tries++) {
            await new Promise(resolve => setTimeout(resolve, 5));
            if (!fs.existsSync(temp.db)) continue;
            const raw = await SqliteConnection.open(temp.db, 'existing').catch(() => undefined);
            if (!raw) continue;
            raw.busyTimeout(2000);
            const imported = await raw.get<{ n: number }>('SELECT COUNT(*) AS n FROM imports').catch(() => undefined);
            if (imported?.n === 1 && await raw.run('BEGIN IMMEDIATE').then(() => true, () => false)) lock = raw;
            else await raw.close();
        }
        assert.ok(lock, 'the lock was taken after the first log');
        const code = await exited;
        await lock.run('ROLLBACK');
        await lock.close();
        assert.strictEqual(code, 2, stderr);
        assert.match(stdout, /^Imported 132 new events from 1 file into /);
        assert.match(stdout, /\n  test\/fixtures\/analytics\/golden\.jsonl \(jsonl\): 132 new, 0 already stored, 0 malformed\n/);
        assert.match(stdout, /\n  .*big\.jsonl \(jsonl\): 0 new, 0 already stored, 0 malformed \(STOPPED here: see the error below\)\n/);
        const lines = stderr.split('\n').filter(line => line.startsWith('chatflow: '));
        assert.strictEqual(lines.length, 1, stderr);
        assert.match(lines[0], /^chatflow: the import stopped in .*big\.jsonl: the analytics database .* is locked by another process.* Imported before it: test\/fixtures\/analytics\/golden\.jsonl \(132 new events\)\. From .*big\.jsonl itself 0 events were stored \(whole batches\) before it stopped\. Fix the problem and run the same import again: what is stored is skipped\.$/);
        // Run again: it continues.
        const again = runCli('import', GOLDEN, big, '--flow', DENTAL, '--db', temp.db);
        assert.strictEqual(again.status, 0, again.stderr);
        assert.match(again.lines[0], /^Imported [\d,]+ new events from 2 files/);
    });

    it('imports an empty .jsonl and an empty .csv alike: 0 events, a notice per file, exit 0', () => {
        fs.writeFileSync(path.join(temp.folder, 'empty.jsonl'), '');
        fs.writeFileSync(path.join(temp.folder, 'empty.csv'), '\n\n');
        const result = runCli('import', path.join(temp.folder, 'empty.jsonl'), path.join(temp.folder, 'empty.csv'), GOLDEN, '--flow', DENTAL, '--db', temp.db);
        assert.strictEqual(result.status, 0, result.stderr);
        assert.match(result.lines[0], /^Imported 132 new events from 3 files/);
        assert.ok(result.lines.some(line => /empty\.jsonl: empty, nothing to import$/.test(line)), result.stdout);
        assert.ok(result.lines.some(line => /empty\.csv: empty, nothing to import$/.test(line)), result.stdout);
        assert.ok(result.lines.includes('  test/fixtures/analytics/golden.jsonl (jsonl): 132 new, 0 already stored, 0 malformed'), result.stdout);
    });
});
