import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ensureCliBuilt, runCli } from './run-cli.js';
import { tempFolder } from '../analytics/helpers.js';

const GOLDEN = 'test/fixtures/analytics/golden.jsonl';
const DENTAL = 'test/fixtures/analytics/dental.chatflow';

describe('chatflow import and chatflow report', () => {
    let temp: ReturnType<typeof tempFolder>;

    before(function () {
        this.timeout(120_000);
        ensureCliBuilt();
    });
    beforeEach(() => { temp = tempFolder(); });
    afterEach(() => temp.cleanup());

    it('imports logs, prints a summary on stdout, and skips everything on a second run (exit 0)', () => {
        const first = runCli('import', 'examples/logs/clinic-2026-11.jsonl', 'examples/logs/pharmacy-refill-2026-11.csv', '--flow', 'examples', '--db', temp.db);
        assert.strictEqual(first.status, 0, first.stderr);
        assert.match(first.lines[0], /^Imported 69,736 new events from 2 files into .*analytics\.db in \d+\.\d s\.$/);
        assert.ok(first.lines.includes('  malformed lines (skipped): 0'));
        assert.match(first.stdout, /texts redacted or hashed \(privacy policy 'redact', Safe Harbor scan\): 10,036/);
        const second = runCli('import', 'examples/logs/clinic-2026-11.jsonl', '--flow', 'examples', '--db', temp.db, '--format', 'json');
        assert.strictEqual(second.status, 0, second.stderr);
        const summary = JSON.parse(second.stdout);
        const lines = fs.readFileSync('examples/logs/clinic-2026-11.jsonl', 'utf8').split('\n').filter(line => line !== '').length;
        assert.deepStrictEqual([summary.imported, summary.duplicates, summary.malformed], [0, lines, 0]);
    });

    it('lists malformed lines as file:line and still exits 0 with every good line stored', () => {
        const result = runCli('import', 'test/fixtures/analytics/bad-lines.jsonl', 'test/fixtures/analytics/bad-lines.csv', '--flow', DENTAL, '--db', temp.db);
        assert.strictEqual(result.status, 0, result.stderr);
        assert.match(result.lines[0], /^Imported 8 new events from 2 files/);
        assert.ok(result.lines.includes('  malformed lines (skipped): 10'));
        assert.ok(result.lines.includes('    test/fixtures/analytics/bad-lines.jsonl:4: "ts": \'yesterday\' is not a timestamp: use ISO 8601 like 2026-11-02T09:14:03Z, or epoch seconds'));
        assert.ok(result.lines.some(line => line.startsWith('    test/fixtures/analytics/bad-lines.csv:8: a quoted field opened on this line is never closed')));
    });

    it('exits 2 with one line naming the problem: no --flow, a missing log, a Rasa log without its flow, a bad option', () => {
        const noFlow = runCli('import', GOLDEN, '--db', temp.db);
        assert.deepStrictEqual([noFlow.status, noFlow.stderr.trim().split('\n').length], [2, 1]);
        assert.match(noFlow.stderr, /^chatflow: import needs --flow with the \.chatflow files or folders the logs belong to/);
        const missing = runCli('import', 'logs/november.jsonl', '--flow', DENTAL, '--db', temp.db);
        assert.strictEqual(missing.status, 2);
        assert.match(missing.stderr, /^chatflow: log file 'logs\/november\.jsonl' does not exist\. Check the path/);
        const rasa = runCli('import', 'examples/logs/dental-rasa-trackers.json', '--flow', 'examples', '--db', temp.db);
        assert.strictEqual(rasa.status, 2);
        assert.match(rasa.stderr, /^chatflow: examples\/logs\/dental-rasa-trackers\.json is a Rasa log, which names no flow: pass --flow-name with one of Clinic, Dental, Common, Refill\.\n$/);
        const format = runCli('import', GOLDEN, '--flow', DENTAL, '--log-format', 'xml');
        assert.strictEqual(format.status, 2);
        assert.match(format.stderr, /'xml' is not a valid --log-format for 'chatflow import'\. Use one of: auto, jsonl, json, csv, rasa-tracker, rasa-events, botframework, dialogflow-cx, lex-v2, voiceflow, botpress\./);
        assert.ok(!fs.existsSync(temp.db), 'nothing was created');
    });

    it('exits 2 naming a database file that is not a Chatflow database', () => {
        const notes = path.join(temp.folder, 'notes.db');
        fs.writeFileSync(notes, 'not a database\n'.repeat(100));
        const result = runCli('import', GOLDEN, '--flow', DENTAL, '--db', notes);
        assert.strictEqual(result.status, 2);
        assert.match(result.stderr, /^chatflow: .*notes\.db is not a Chatflow analytics database \(not SQLite, or damaged\)\. Pass another --db/);
    });

    it('exits 1 and prints the errors when the flows have errors', () => {
        const result = runCli('import', GOLDEN, '--flow', 'test/fixtures/cli/broken', '--db', temp.db);
        assert.strictEqual(result.status, 1);
        assert.match(result.stderr, /clinic-typo\.chatflow:11:12 error linking-error/);
        assert.match(result.stderr, /the flows have 1 error: fix them first/);
    });

    it('says to run chatflow import when the report has no database (exit 2)', () => {
        const result = runCli('report', DENTAL, '--db', path.join(temp.folder, 'none.db'));
        assert.strictEqual(result.status, 2);
        assert.match(result.stderr, /^chatflow: no analytics database at .*none\.db\. Run 'chatflow import <log files> --flow <flows>' first, or pass --db with the database's path\.\n$/);
        const bad = runCli('report', DENTAL, '--db', temp.db, '--from', '2026-11-31');
        assert.strictEqual(bad.status, 2);
        assert.match(bad.stderr, /'2026-11-31' is not a day: use YYYY-MM-DD/);
    });

    it('reports per box, per goal and per day as a table and as JSON with the golden numbers', () => {
        assert.strictEqual(runCli('import', GOLDEN, '--flow', DENTAL, '--db', temp.db).status, 0);
        const table = runCli('report', DENTAL, '--db', temp.db);
        assert.strictEqual(table.status, 0, table.stderr);
        assert.ok(table.lines.includes('== Dental (BrightSmile Dental lead capture) =='));
        const row = table.lines.find(line => line.startsWith('ask_insured '))!;
        assert.deepStrictEqual(row.split(/\s+/), ['ask_insured', 'input', '8', '2', '25.0%', '3', '2']);
        assert.ok(table.lines.includes('Top drop-outs: ask_insured 2 (25.0%), ask_name 1 (16.7%), main_menu 1 (8.3%)'));
        const json = runCli('report', DENTAL, '--db', temp.db, '--format', 'json', '--time-zone', '-05:00');
        const report = JSON.parse(json.stdout);
        const [dental] = report.flows;
        assert.deepStrictEqual(dental.conversions.find((g: { goal: string }) => g.goal === 'lead_captured').days.map((d: { day: string; chats: number }) => [d.day, d.chats]),
            [['2026-11-02', 1], ['2026-11-03', 2], ['2026-11-04', 1]]);
        assert.strictEqual(dental.versions.goals[0].test.kind, 'insufficient-sample');
        const v1 = JSON.parse(runCli('report', DENTAL, '--db', temp.db, '--format', 'json', '--version', 'v1').stdout);
        assert.strictEqual(v1.flows[0].boxes.find((b: { box: string }) => b.box === 'Dental.welcome').visits, 4);
    });

    it('writes one self-contained HTML file: inline SVG charts, no scripts, nothing fetched from elsewhere', () => {
        assert.strictEqual(runCli('import', 'examples/logs/clinic-2026-11.jsonl', '--flow', 'examples', '--db', temp.db).status, 0);
        const out = path.join(temp.folder, 'report.html');
        const result = runCli('report', 'examples/clinic.chatflow', '--db', temp.db, '--format', 'html', '--out', out);
        assert.strictEqual(result.status, 0, result.stderr);
        const html = fs.readFileSync(out, 'utf8');
        assert.match(html, /^<!DOCTYPE html>/);
        assert.doesNotMatch(html, /https?:\/\//);
        assert.doesNotMatch(html, /<script/i);
        assert.doesNotMatch(html, /<link\b|@import|url\(/i);
        assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'/);
        assert.strictEqual((html.match(/<svg /g) ?? []).length, 2);
        assert.match(html, /<title>Conversions per day per goal<\/title>/);
        assert.match(html, /<polyline fill="none" stroke="#[0-9a-f]{6}" stroke-width="2" points="[\d., ]+"\/>/);
        // The two newest versions of the sample data: v3 only explains why it asks the date of birth,
        // too small a change for the test to tell apart from v2 on these chats.
        assert.match(html, /<li>appointment: v3 [\d.]+% \(\d+\/\d+\) vs v2 [\d.]+% \(\d+\/\d+\), [+-][\d.]+ points, z = -?[\d.]+, p = [\d.]+: no significant difference at the 5% level\.<\/li>/);
    });
});
