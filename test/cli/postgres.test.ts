import * as assert from 'node:assert';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import pg from 'pg';
import { PG_SCHEMA_VERSION } from '../../analytics/postgres/pg-schema.js';
import { admin, freshDatabase, urlOf } from '../postgres/databases.js';
import { CLI, ensureCliBuilt, ROOT, runCli, runCliWith, type CliResult } from './run-cli.js';

const LOGS = ['examples/logs/clinic-2026-11.jsonl', 'examples/logs/pharmacy-refill-2026-11.csv'];
const FLOWS = 'examples';

/** The report as JSON, without what names the database and when it was made. */
function reportOf(result: CliResult): unknown {
    assert.strictEqual(result.status, 0, result.stderr);
    const { database, generated, ...rest } = JSON.parse(result.stdout) as Record<string, unknown>;
    assert.ok(typeof database === 'string' && typeof generated === 'string');
    return rest;
}

/** The GRANT statements of the README's "Team setup with PostgreSQL", with the database's name. */
function readmeRoleStatements(database: string): { superuser: string[]; owner: string[] } {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('### Team setup with PostgreSQL'));
    const sql = /```sql\n([\s\S]*?)```/.exec(section)![1].replaceAll('DATABASE chatflow', `DATABASE ${database}`);
    const [superuser, owner] = sql.split('-- as chatflow_owner');
    const statements = (text: string) => text.split('\n').filter(line => line.trim() !== '' && !line.startsWith('--')).join('\n').split(';').map(s => s.trim()).filter(Boolean);
    return { superuser: statements(superuser.replace('-- as a superuser', '')), owner: statements(owner.slice(owner.indexOf('\n'))) };
}

async function asUser(url: string, password: string, statements: string[]): Promise<void> {
    const withPassword = new URL(url);
    withPassword.password = encodeURIComponent(password);
    const client = new pg.Client({ connectionString: withPassword.toString() });
    await client.connect();
    try {
        for (const statement of statements) await client.query(statement);
    } finally {
        await client.end();
    }
}

describe('chatflow on a PostgreSQL store (a real server)', function () {
    this.timeout(300_000);
    before(() => ensureCliBuilt());

    it('gives the same report --format json as SQLite for the same logs, each imported twice', async () => {
        const server = await freshDatabase();
        const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'chatflow-pg-cli-'));
        try {
            const file = path.join(folder, 'analytics.db');
            for (const db of [file, server.url]) {
                const first = runCli('import', ...LOGS, '--flow', FLOWS, '--db', db, '--format', 'json');
                assert.strictEqual(first.status, 0, first.stderr);
                const again = runCli('import', ...LOGS, '--flow', FLOWS, '--db', db, '--format', 'json');
                assert.strictEqual(again.status, 0, again.stderr);
                const summary = JSON.parse(again.stdout) as { imported: number; duplicates: number };
                assert.strictEqual(summary.imported, 0, `${db}: the second import adds nothing`);
                assert.ok(summary.duplicates > 50_000);
            }
            const args = ['report', FLOWS, '--format', 'json', '--time-zone', 'America/Chicago'];
            const sqlite = reportOf(runCli(...args, '--db', file));
            const postgres = reportOf(runCli(...args, '--db', server.url));
            assert.deepStrictEqual(postgres, sqlite);
            const filtered = ['--from', '2026-11-05', '--to', '2026-11-12', '--version', 'v2'];
            assert.deepStrictEqual(reportOf(runCli(...args, ...filtered, '--db', server.url)), reportOf(runCli(...args, ...filtered, '--db', file)));
        } finally {
            fs.rmSync(folder, { recursive: true, force: true });
            await server.drop();
        }
    });

    it('db status, migrate and copy: a local store moved up idempotently, with progress', async () => {
        const server = await freshDatabase();
        const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'chatflow-pg-copy-'));
        try {
            const file = path.join(folder, 'analytics.db');
            assert.strictEqual(runCli('import', LOGS[0], '--flow', FLOWS, '--db', file).status, 0);
            const migrated = runCli('db', 'migrate', '--db', server.url);
            assert.strictEqual(migrated.status, 0, migrated.stderr);
            assert.match(migrated.stdout, new RegExp(`schema ${PG_SCHEMA_VERSION}, up to date`));
            const copy = runCli('db', 'copy', '--from', file, '--to', server.url);
            assert.strictEqual(copy.status, 0, copy.stderr);
            const local = JSON.parse(runCli('db', 'status', '--db', file, '--format', 'json').stdout) as { events: number; chats: number };
            assert.match(copy.stdout, new RegExp(`${local.events.toLocaleString('en-US')} events added, 0 already there`));
            assert.match(copy.stderr, /copying: [\d,]+ of [\d,]+ events/);
            const again = runCli('db', 'copy', '--from', file, '--to', server.url);
            assert.match(again.stdout, /: 0 events added, [\d,]+ already there/);
            const status = JSON.parse(runCli('db', 'status', '--db', server.url, '--format', 'json').stdout) as Record<string, unknown>;
            assert.deepStrictEqual({ ...status, lastImport: typeof status.lastImport }, {
                engine: 'postgres', database: server.url, schema: PG_SCHEMA_VERSION, events: local.events, chats: local.chats, imports: 2, lastImport: 'string'
            });
            const text = runCli('db', 'status', '--db', server.url);
            assert.match(text.stdout, new RegExp(`PostgreSQL, schema ${PG_SCHEMA_VERSION}\n {2}[\\d,]+ events, [\\d,]+ chats, 2 imports, last 20\\d\\d-`));
        } finally {
            fs.rmSync(folder, { recursive: true, force: true });
            await server.drop();
        }
    });

    it('the README roles: the writer imports, the reader reports but cannot import, and tables need the owner', async () => {
        const database = `chatflow_roles_${process.pid}`;
        const { superuser, owner } = readmeRoleStatements(database);
        for (const role of ['chatflow_writer', 'chatflow_reader', 'chatflow_owner']) await admin(`DROP ROLE IF EXISTS ${role}`).catch(() => undefined);
        for (const statement of superuser) await admin(statement);
        const password = (role: string) => /CREATE ROLE (\w+) LOGIN PASSWORD '([^']+)'/.exec(superuser.find(s => s.includes(`ROLE ${role} `))!)![2];
        try {
            const writer = urlOf(database, 'chatflow_writer');
            const reader = urlOf(database, 'chatflow_reader');
            const early = runCliWith({ PGPASSWORD: password('chatflow_writer') }, 'import', LOGS[0], '--flow', FLOWS, '--db', writer);
            assert.strictEqual(early.status, 2);
            assert.match(early.stderr, /setting up the Chatflow tables in database '.*' on 127\.0\.0\.1 needs the database owner.*Run 'chatflow db migrate --db URL' as the owner/);
            const migrated = runCliWith({ PGPASSWORD: password('chatflow_owner') }, 'db', 'migrate', '--db', urlOf(database, 'chatflow_owner'));
            assert.strictEqual(migrated.status, 0, migrated.stderr);
            await asUser(urlOf(database, 'chatflow_owner'), password('chatflow_owner'), owner);

            const imported = runCliWith({ PGPASSWORD: password('chatflow_writer') }, 'import', LOGS[0], '--flow', FLOWS, '--db', writer);
            assert.strictEqual(imported.status, 0, imported.stderr);
            const report = runCliWith({ PGPASSWORD: password('chatflow_reader') }, 'report', FLOWS, '--db', reader, '--format', 'json');
            assert.strictEqual(report.status, 0, report.stderr);
            assert.ok((JSON.parse(report.stdout) as { overview: { chats: number } }).overview.chats > 1000);
            const denied = runCliWith({ PGPASSWORD: password('chatflow_reader') }, 'import', LOGS[1], '--flow', FLOWS, '--db', reader);
            assert.strictEqual(denied.status, 2);
            assert.match(denied.stderr, /^chatflow: permission denied on database '.*' on 127\.0\.0\.1 for role 'chatflow_reader'.*Team setup with PostgreSQL/);
            assert.doesNotMatch(denied.stderr, /\n {4}at /, 'no stack trace');
            const wrong = runCliWith({ PGPASSWORD: 'not the password' }, 'report', FLOWS, '--db', reader);
            assert.strictEqual(wrong.status, 2);
            assert.match(wrong.stderr, /PostgreSQL refused role 'chatflow_reader' for database '.*' on 127\.0\.0\.1: wrong user or password\. Set the password with 'Chatflow: Set Database Password'/);
            assert.doesNotMatch(wrong.stderr, /not the password/);
            const none = runCliWith({ PGPASSWORD: '' }, 'report', FLOWS, '--db', reader);
            assert.match(none.stderr, /asks role 'chatflow_reader' for a password and none was given/);
        } finally {
            await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
            for (const role of ['chatflow_writer', 'chatflow_reader', 'chatflow_owner']) await admin(`DROP ROLE IF EXISTS ${role}`);
        }
    });

    it('says in one line which server and database cannot be used, and what to do', async () => {
        const server = await freshDatabase();
        try {
            assert.strictEqual(runCli('import', LOGS[0], '--flow', FLOWS, '--db', server.url).status, 0);
            const port = new URL(server.url).port;
            const down = runCli('report', FLOWS, '--db', `postgres://chatflow@127.0.0.1:1/${server.name}`);
            assert.strictEqual(down.status, 2);
            assert.match(down.stderr, new RegExp(`^chatflow: cannot reach the PostgreSQL server for database '${server.name}' on 127\\.0\\.0\\.1 \\(ECONNREFUSED\\)\\. Check that the server runs`));
            const missing = runCli('report', FLOWS, '--db', `postgres://chatflow@127.0.0.1:${port}/no_such_db`);
            assert.match(missing.stderr, /^chatflow: database 'no_such_db' on 127\.0\.0\.1 does not exist\. Create it \(createdb -h 127\.0\.0\.1 no_such_db\)/);
            const tls = runCli('report', FLOWS, '--db', `${server.url}?sslmode=require`);
            assert.match(tls.stderr, /^chatflow: the TLS connection to database '.*' on 127\.0\.0\.1 failed \(The server does not support SSL connections\)\. Check sslmode in the URL/);
            const slow = runCli('report', FLOWS, '--db', `${server.url}?options=-c%20statement_timeout%3D1`);
            assert.match(slow.stderr, /^chatflow: a query on database '.*' on 127\.0\.0\.1 took longer than the server's statement_timeout and was cancelled/);
            for (const result of [down, missing, tls, slow]) {
                assert.strictEqual(result.status, 2);
                assert.strictEqual(result.stderr.trim().split('\n').length, 1, result.stderr);
            }
            const keep = runCli('import', LOGS[1], '--flow', FLOWS, '--db', server.url, '--policy', 'keep');
            assert.strictEqual(keep.status, 2);
            assert.match(keep.stderr, /the 'keep' privacy policy is refused for a server database/);
            const shown = runCli('report', FLOWS, '--db', `postgres://chatflow:hunter2@127.0.0.1:1/${server.name}`);
            assert.doesNotMatch(shown.stderr, /hunter2/, 'a password in the URL is never printed');
        } finally {
            await server.drop();
        }
    });

    it('leaves no half batch when an import is killed, and a re-run completes it; two imports at once store each event once', async () => {
        const server = await freshDatabase();
        const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'chatflow-pg-kill-'));
        try {
            const file = path.join(folder, 'analytics.db');
            assert.strictEqual(runCli('import', ...LOGS, '--flow', FLOWS, '--db', file).status, 0);
            const expected = JSON.parse(runCli('db', 'status', '--db', file, '--format', 'json').stdout) as { events: number; chats: number };
            const importing = () => spawn(process.execPath, [CLI, 'import', ...LOGS, '--flow', FLOWS, '--db', server.url], { cwd: ROOT, stdio: 'pipe' });
            // Kill it as its first batches are being stored.
            const child = importing();
            await new Promise<void>(resolve => child.stderr.once('data', () => resolve()).once('close', () => resolve()));
            await new Promise(resolve => setTimeout(resolve, 400));
            child.kill('SIGKILL');
            await new Promise(resolve => child.once('close', resolve));
            const client = new pg.Client({ connectionString: server.url });
            await client.connect();
            try {
                const consistent = async () => {
                    const { rows: [row] } = await client.query<{ events: number; chats: number; facts: number }>(
                        'SELECT (SELECT COUNT(*) FROM events)::int AS events, (SELECT COUNT(DISTINCT chat) FROM events)::int AS chats, (SELECT COUNT(*) FROM chat_facts)::int AS facts');
                    assert.strictEqual(row.facts, row.chats, 'every stored chat has its facts: no half batch');
                    return row;
                };
                const killed = await consistent();
                assert.ok(killed.events < expected.events, `the kill stopped the import (${killed.events} of ${expected.events})`);
                // Two imports at once finish the job; each event is stored once.
                const both = [importing(), importing()];
                const codes = await Promise.all(both.map(c => new Promise<number | null>(resolve => c.once('close', resolve))));
                assert.deepStrictEqual(codes, [0, 0]);
                const done = await consistent();
                assert.deepStrictEqual([done.events, done.chats], [expected.events, expected.chats]);
            } finally {
                await client.end();
            }
            // The same numbers as one import into a file (the count of import runs aside).
            const numbers = (result: CliResult) => {
                const report = reportOf(result) as { overview: { imports?: number } };
                delete report.overview.imports;
                return report;
            };
            const args = ['report', FLOWS, '--format', 'json'];
            assert.deepStrictEqual(numbers(runCli(...args, '--db', server.url)), numbers(runCli(...args, '--db', file)));
        } finally {
            fs.rmSync(folder, { recursive: true, force: true });
            await server.drop();
        }
    });
});
