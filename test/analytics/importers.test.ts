import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FlowContext } from '../../analytics/flow-context.js';
import { AnalyticsError } from '../../analytics/errors.js';
import { detectFormat, SCAN_LINES } from '../../analytics/import/detect-format.js';
import { ImportStoppedError, LogFileError } from '../../analytics/import/import-logs.js';
import type { SqliteAnalyticsStore } from '../../analytics/sqlite/sqlite-store.js';
import { dentalContext, EXAMPLES, FIXTURES, importInto, openStore, tempFolder } from './helpers.js';

const fixture = (name: string) => path.join(FIXTURES, name);

describe('analytics importers', () => {
    let context: FlowContext;
    let store: SqliteAnalyticsStore;
    let temp: ReturnType<typeof tempFolder>;

    before(async function () {
        this.timeout(60_000);
        context = await dentalContext();
    });

    beforeEach(async () => {
        temp = tempFolder();
        store = await openStore(temp.db);
    });

    afterEach(async () => {
        await store.close();
        temp.cleanup();
    });

    it('tells the formats apart from the content', () => {
        assert.strictEqual(detectFormat(fixture('golden.jsonl')), 'jsonl');
        assert.strictEqual(detectFormat(fixture('golden.csv')), 'csv');
        assert.strictEqual(detectFormat(fixture('dental-tracker.json')), 'rasa-tracker');
        assert.strictEqual(detectFormat(fixture('dental-events.jsonl')), 'rasa-events');
        assert.strictEqual(detectFormat(path.join(EXAMPLES, 'logs/dental-rasa-trackers.json')), 'rasa-tracker');
        assert.strictEqual(detectFormat(fixture('dental.chatflow')), undefined);
    });

    it('skips malformed JSON Lines with file:line and reason, keeping every good line', async () => {
        const summary = await importInto(store, [fixture('bad-lines.jsonl')], context, { displayName: f => path.basename(f) });
        assert.strictEqual(summary.imported, 3); // lines 1, 7 and 11; line 9 is blank
        assert.deepStrictEqual(summary.problems.map(p => `${p.file}:${p.line}`), [2, 3, 4, 5, 6, 8, 10].map(line => `bad-lines.jsonl:${line}`));
        const reasons = summary.problems.map(p => p.reason);
        assert.match(reasons[0], /^not JSON/);
        assert.strictEqual(reasons[1], 'missing "chat": add the conversation id the event belongs to');
        assert.match(reasons[2], /"ts": 'yesterday' is not a timestamp/);
        assert.match(reasons[3], /unknown "type" "visit": use enter, answer, goal or end/);
        assert.strictEqual(reasons[4], 'an "enter" event needs a "box": add the name of the box the bot entered');
        assert.match(reasons[5], /^not a JSON object: write one event per line/);
        assert.strictEqual(reasons[6], 'a "goal" event needs a "goal": add the name of the goal reached');
        assert.strictEqual(summary.malformed, 7);
        assert.deepStrictEqual((await store.transcript('b1')).map(e => `${e.type} ${e.box}`), ['enter Dental.welcome', 'enter Dental.main_menu', 'answer Dental.main_menu']);
    });

    it('reads CSV quoting: commas, doubled quotes and newlines inside quotes; reports bad rows by the line they start on', async () => {
        // The CSV reader is under test: the 'keep' policy stores the free-text answers as read.
        const summary = await importInto(store, [fixture('bad-lines.csv')], context, { displayName: f => path.basename(f), privacy: { policy: 'keep' } });
        assert.deepStrictEqual(summary.problems.map(p => p.line), [3, 4, 8]);
        assert.match(summary.problems[0].reason, /^6 fields, expected 8/); // the text and goal columns are missing
        assert.match(summary.problems[1].reason, /text after its closing quote/);
        assert.match(summary.problems[2].reason, /never closed/);
        // Lines 9 and 10 come after the unclosed quote of line 8 and are still imported.
        assert.strictEqual(summary.imported, 5);
        const answers = (await store.transcript('b2')).filter(e => e.type === 'answer').map(e => e.text);
        assert.deepStrictEqual(answers, ['Teeth whitening, "the 90-minute one"\nand the price, please', 'no']);
    });

    it('imports the golden CSV (columns in another order) exactly like the golden JSON Lines', async () => {
        const csv = await importInto(store, [fixture('golden.csv')], context, { privacy: { policy: 'keep' } });
        assert.deepStrictEqual([csv.imported, csv.malformed], [132, 0]);
        const visitsFromCsv = await store.visits(context);
        const again = await importInto(store, [fixture('golden.jsonl')], context, { privacy: { policy: 'keep' } });
        assert.deepStrictEqual([again.imported, again.duplicates], [0, 132]);
        assert.deepStrictEqual(await store.visits(context), visitsFromCsv);
        const c09 = await store.transcript('c09');
        assert.strictEqual(c09.find(e => e.type === 'answer')?.text, 'do you do braces, or "Invisalign"?\nthanks');
    });

    it('maps a Rasa tracker dump to boxes by alias: actions, utterances, user answers, a second session as a second chat', async () => {
        const summary = await importInto(store, [fixture('dental-tracker.json')], context, { defaultFlow: 'Dental' });
        assert.deepStrictEqual([summary.imported, summary.ignored, summary.malformed], [21, 15, 1]);
        assert.match(summary.problems[0].reason, /^events\[36\] of tracker "fb-7781": "timestamp": missing timestamp/);
        assert.deepStrictEqual(summary.unmatched, [{ flow: 'Dental', box: 'action_check_calendar', events: 1 }]);
        const first = await store.transcript('fb-7781');
        assert.deepStrictEqual(first.filter(e => e.type === 'enter').map(e => e.box.replace('Dental.', '')), [
            'welcome', 'main_menu', 'new_patient_offer',
            'ask_insured', // logged only as a bot utterance (utter_ask_insurance)
            'insurance_accepted', 'ask_name', 'contact_preference', 'ask_email', 'save_lead', 'action_check_calendar'
        ]);
        assert.deepStrictEqual(first.filter(e => e.type === 'answer').map(e => `${e.box.replace('Dental.', '')}: ${e.text}`), [
            ': [redacted]', // "hi" before any step: at no box, so it cannot be shown safe
            'main_menu: New patient special', 'ask_insured: yes', 'ask_name: [redacted]', 'contact_preference: Email', 'ask_email: [redacted]'
        ]);
        const second = await store.transcript('fb-7781#2');
        assert.deepStrictEqual(second.filter(e => e.type === 'enter').map(e => e.box), ['Dental.welcome', 'Dental.main_menu', 'Dental.front_desk']);
        assert.deepStrictEqual(await store.versions(context), [{ version: '20261101-brightsmile', chats: 2 }]);
        const edges = (await store.edges(context)).map(e => `${e.from} -> ${e.to}`);
        assert.ok(edges.includes('Dental.ask_insured -> Dental.insurance_accepted'), 'the condition box is invisible to Rasa');
    });

    it('maps Rasa event-broker lines per sender, interleaved, and reports the broken lines', async () => {
        const summary = await importInto(store, [fixture('dental-events.jsonl')], context, { defaultFlow: 'Dental', displayName: f => path.basename(f) });
        assert.deepStrictEqual([summary.imported, summary.ignored, summary.malformed], [10, 1, 2]);
        assert.deepStrictEqual(summary.problems.map(p => [p.line, p.reason.replace(/ \(.*/, '')]), [[7, 'not JSON'], [10, 'missing "sender_id": add the conversation id the event belongs to']]);
        const edges = (await store.edges(context)).map(e => `${e.from.replace('Dental.', '')} -> ${e.to.replace('Dental.', '')} ${e.chats}`);
        assert.deepStrictEqual(edges, ['implant_info -> ask_insured 1', 'main_menu -> implant_info 1', 'main_menu -> whitening_info 1', 'welcome -> main_menu 2']);
        const wa2 = await store.transcript('wa-2');
        assert.deepStrictEqual(wa2.filter(e => e.type === 'answer').map(e => e.text), ['Dental implants', 'no']);
    });

    it('keeps events at boxes the flow does not have, flags them unmatched and counts them in the summary', async () => {
        const summary = await importInto(store, [fixture('golden.jsonl')], context);
        assert.deepStrictEqual(summary.unmatched, [{ flow: 'Dental', box: 'utter_out_of_scope', events: 1 }]);
        assert.deepStrictEqual(summary.unknownGoals, [{ goal: 'newsletter', events: 1 }]);
        assert.strictEqual((await store.overview()).events, 132);
    });

    it('names a log file it cannot read', async () => {
        await assert.rejects(importInto(store, [fixture('missing.jsonl')], context, { format: 'jsonl', displayName: f => path.basename(f) }),
            (error: Error) => error instanceof LogFileError && /cannot read missing\.jsonl \(ENOENT\)/.test(error.message));
        const notALog = path.join(temp.folder, 'notes.txt');
        fs.writeFileSync(notALog, 'Call the dentist on Monday.\n');
        await assert.rejects(importInto(store, [notALog], context, { displayName: f => path.basename(f), formatOption: '--log-format' }),
            /cannot tell the format of notes\.txt.*Pass --log-format with one of jsonl, json, csv, rasa-tracker, rasa-events\.\nNothing was imported\.$/);
    });

    it('tells the format from the first lines that parse, past a banner of broken lines (bounded scan)', () => {
        const log = path.join(temp.folder, 'late.jsonl');
        const good = fs.readFileSync(fixture('golden.jsonl'), 'utf8');
        fs.writeFileSync(log, Array.from({ length: 25 }, (_, i) => `garbage ${i}`).join('\n') + '\n' + good);
        assert.strictEqual(detectFormat(log), 'jsonl');
        const csv = path.join(temp.folder, 'late.txt');
        fs.writeFileSync(csv, 'exported by LogShipper 2.1\n\n' + fs.readFileSync(fixture('golden.csv'), 'utf8'));
        assert.strictEqual(detectFormat(csv), 'csv');
        const far = path.join(temp.folder, 'far.jsonl');
        fs.writeFileSync(far, 'garbage\n'.repeat(SCAN_LINES + 10) + good);
        assert.strictEqual(detectFormat(far), undefined, 'the scan is bounded');
    });

    it('imports 25 broken lines then 100 good ones: the 100, the 25 reported by line', async () => {
        const log = path.join(temp.folder, 'late.csv');
        const rows = fs.readFileSync(fixture('golden.csv'), 'utf8').split('\n');
        fs.writeFileSync(log, [...Array.from({ length: 25 }, (_, i) => `garbage ${i}`), ...rows.slice(0, 101)].join('\n') + '\n');
        const summary = await importInto(store, [log], context, { displayName: f => path.basename(f) });
        assert.deepStrictEqual([summary.imported, summary.malformed, summary.problems[0].line], [100, 25, 1]);
    });

    it('reads canonical events as one JSON array, pretty-printed or not, streamed element by element', async () => {
        const events = fs.readFileSync(fixture('golden.jsonl'), 'utf8').split('\n').filter(Boolean).map(line => JSON.parse(line));
        const compact = path.join(temp.folder, 'events.json');
        fs.writeFileSync(compact, JSON.stringify(events));
        const pretty = path.join(temp.folder, 'pretty.json');
        fs.writeFileSync(pretty, JSON.stringify(events, null, 2));
        assert.strictEqual(detectFormat(compact), 'json');
        assert.strictEqual(detectFormat(pretty), 'json');
        assert.deepStrictEqual([(await importInto(store, [compact], context)).imported], [132]);
        const again = await importInto(store, [pretty], context);
        assert.deepStrictEqual([again.imported, again.duplicates], [0, 132]);
    });

    it('reports a broken element of a JSON array at the line it starts on and keeps the others', async () => {
        const log = path.join(temp.folder, 'broken.json');
        fs.writeFileSync(log, [
            '[',
            '  {"chat": "j1", "ts": "2026-11-05T09:00:00Z", "flow": "Dental", "box": "welcome", "type": "enter"},',
            '  {"chat": "j1", "ts": "2026-02-30T09:00:01Z", "flow": "Dental", "box": "main_menu", "type": "enter"},',
            '  {"chat": "j1", "ts": "2026-11-05T09:00:02Z", "flow": "Dental", "box": "main_menu", type: "answer"},',
            '  42,',
            '  {"chat": "j1", "ts": "2026-11-05T09:00:03Z",',
            '   "flow": "Dental", "box": "implant_info", "type": "enter"}',
            ']'
        ].join('\n') + '\n');
        const summary = await importInto(store, [log], context, { displayName: f => path.basename(f) });
        assert.strictEqual(summary.imported, 2);
        assert.deepStrictEqual(summary.problems.map(p => p.line), [3, 4, 5]);
        assert.match(summary.problems[0].reason, /February 2026 has 28 days/);
        assert.match(summary.problems[1].reason, /^not JSON .*: fix the element, or remove it$/);
        assert.match(summary.problems[2].reason, /^not a JSON object/);
        const cut = path.join(temp.folder, 'cut.json');
        fs.writeFileSync(cut, '[{"chat": "j2", "ts": "2026-11-05T09:00:00Z", "flow": "Dental", "box": "welcome", "type": "enter"},\n{"chat": "j2",');
        const cutSummary = await importInto(store, [cut], context);
        assert.deepStrictEqual([cutSummary.imported, cutSummary.problems.map(p => p.line)], [1, [2]]);
        assert.match(cutSummary.problems[0].reason, /cut off at the end of the file/);
    });

    it('says which files were imported and where it stopped when a file fails midway, then throws', async () => {
        const failing: SqliteAnalyticsStore = Object.create(store, {
            importBatch: { value: async (events: Parameters<SqliteAnalyticsStore['importBatch']>[0]) => {
                if (events.some(e => e.chat === 'b1')) throw new AnalyticsError('locked', 'the analytics database a.db is locked by another process. Wait, then run the command again.');
                return store.importBatch(events);
            } }
        });
        const files = [fixture('golden.jsonl'), fixture('bad-lines.jsonl'), fixture('golden.csv')];
        const error = await importInto(failing, files, context, { displayName: f => path.basename(f) }).then(() => undefined, (e: unknown) => e);
        assert.ok(error instanceof ImportStoppedError, String(error));
        assert.strictEqual(error.message, 'the import stopped in bad-lines.jsonl: the analytics database a.db is locked by another process. Wait, then run the command again. '
            + 'Imported before it: golden.jsonl (132 new events). From bad-lines.jsonl itself 0 events were stored (whole batches) before it stopped. '
            + 'Not imported: golden.csv. Fix the problem and run the same import again: what is stored is skipped.');
        assert.deepStrictEqual(error.summary.logs!.map(l => [l.file, l.imported, l.failed ?? false]), [['golden.jsonl', 132, false], ['bad-lines.jsonl', 0, true]]);
        assert.strictEqual((await store.overview()).events, 132);
    });
});
