import * as assert from 'node:assert';
import { tempFolder } from '../analytics/helpers.js';
import { writeChannelLog } from '../analytics/channel-log.js';
import { ensureCliBuilt, runCli } from './run-cli.js';

const DENTAL = 'test/fixtures/analytics/dental.chatflow';
const COUNTS = ['contained', 'escalated', 'abandoned', 'inProgress'] as const;

describe('chatflow report --segment on a log with a channel field', () => {
    let temp: ReturnType<typeof tempFolder>;

    before(function () {
        this.timeout(120_000);
        ensureCliBuilt();
    });
    beforeEach(function () {
        this.timeout(60_000);
        temp = tempFolder();
        const imported = runCli('import', writeChannelLog(temp.folder), '--flow', DENTAL, '--db', temp.db);
        assert.strictEqual(imported.status, 0, imported.stderr);
    });
    afterEach(() => temp.cleanup());

    it('reports outcomes that add up to the chats, and per-channel numbers that add up to the totals', function () {
        this.timeout(60_000);
        const result = runCli('report', DENTAL, '--db', temp.db, '--segment', 'channel', '--format', 'json');
        assert.strictEqual(result.status, 0, result.stderr);
        const [flow] = JSON.parse(result.stdout).flows;
        // test/analytics/channel-log.ts: k1 k5 contained, k3 escalated, k2 k4 abandoned, k6 in progress.
        assert.deepStrictEqual([flow.chats, flow.outcomes], [6, { contained: 2, escalated: 1, abandoned: 2, inProgress: 1 }]);
        assert.strictEqual(COUNTS.reduce((sum, o) => sum + flow.outcomes[o], 0), flow.chats);
        assert.deepStrictEqual(flow.outcomeDays, [{ day: '2026-11-10', chats: 6, contained: 2, escalated: 1, abandoned: 2, inProgress: 1 }]);
        const segments = flow.segments as Array<Record<string, any>>;
        assert.deepStrictEqual(segments.map(s => [s.segment, s.value, s.chats]), [['channel', 'sms', 2], ['channel', 'web', 2], ['channel', 'whatsapp', 1], ['channel', null, 1]]);
        assert.deepStrictEqual(Object.keys(segments[0]).slice(0, 3), ['segment', 'value', 'chats']);
        assert.deepStrictEqual(segments.find(s => s.value === 'web')!.outcomes, { contained: 1, escalated: 0, abandoned: 1, inProgress: 0 });
        const sum = (pick: (s: Record<string, any>) => number) => segments.reduce((total, s) => total + pick(s), 0);
        assert.strictEqual(sum(s => s.chats), flow.chats);
        for (const outcome of COUNTS) assert.strictEqual(sum(s => s.outcomes[outcome]), flow.outcomes[outcome], outcome);
        for (const [i, box] of (flow.boxes as Array<Record<string, any>>).entries()) {
            assert.strictEqual(sum(s => s.boxes[i].visits), box.visits, `visits of ${box.box}`);
            assert.strictEqual(sum(s => s.boxes[i].dropOuts), box.dropOuts, `drop-outs of ${box.box}`);
            for (const goal of Object.keys(box.conversions)) assert.strictEqual(sum(s => s.boxes[i].conversions[goal]), box.conversions[goal], `${goal} at ${box.box}`);
        }
        for (const [i, goal] of (flow.conversions as Array<Record<string, any>>).entries()) assert.strictEqual(sum(s => s.conversions[i].chats), goal.chats, goal.goal);
        // The fix-first list: ask_name (1.5 lost conversions) before ask_insured (1, and its 3 retries, all on the web).
        assert.deepStrictEqual(flow.fixFirst.map((r: Record<string, any>) => [r.box, r.lostTotal, r.retries]), [['Dental.ask_name', 1.5, 0], ['Dental.ask_insured', 1, 3]]);
        assert.strictEqual(segments.find(s => s.value === 'web')!.fixFirst.find((r: Record<string, any>) => r.box === 'Dental.ask_insured').retries, 3);
        // Six chats are too few for any z-test: nothing is marked, and the guard says why.
        assert.ok(segments.every(s => s.differences.every((d: Record<string, any>) => !d.significant && d.test.kind === 'insufficient-sample')));
    });

    it('prints outcomes, the fix-first list, paths and segments in the table', function () {
        this.timeout(60_000);
        const result = runCli('report', DENTAL, '--db', temp.db, '--segment', 'source');
        assert.strictEqual(result.status, 0, result.stderr);
        assert.ok(result.lines.includes('Outcomes: 6 chats: contained 2 (33.3%), escalated 1 (16.7%), abandoned 2 (33.3%), in progress 1 (16.7%)'), result.stdout);
        assert.ok(result.lines.includes('  1. ask_name: 1.5 lost conversions (consult_booked 0.5, lead_captured 1.0), 1 of 3 dropped out, left after 10 s (p90 10 s)'), result.stdout);
        assert.ok(result.lines.some(line => line.startsWith('  2. ask_insured: 1.0 lost conversions') && line.includes('3 retries in 2 chats')), result.stdout);
        assert.ok(result.lines.some(line => line.startsWith('  source newsletter: 1 chats: contained 0 (0.0%), escalated 1 (100.0%)')), result.stdout);
    });

    it('refuses a sensitive variable and an unknown segment with one line saying what to use (exit 2)', function () {
        this.timeout(60_000);
        const sensitive = runCli('report', DENTAL, '--db', temp.db, '--segment', 'var:email');
        assert.strictEqual(sensitive.status, 2);
        assert.match(sensitive.stderr, /^chatflow: --segment: variable 'email' is sensitive \(PHI\): its values are never shown, so chats cannot be segmented by it\. Pick a variable that is not marked sensitive\.\n$/);
        const unknown = runCli('report', DENTAL, '--db', temp.db, '--segment', 'country');
        assert.strictEqual(unknown.status, 2);
        assert.match(unknown.stderr, /^chatflow: --segment: unknown segment 'country': use version, channel, source, weekday, hour or var:NAME/);
        const variable = runCli('report', DENTAL, '--db', temp.db, '--segment', 'var:insured', '--format', 'json');
        assert.strictEqual(variable.status, 0, variable.stderr);
    });
});
