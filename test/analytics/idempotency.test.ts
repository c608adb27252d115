import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FlowContext } from '../../analytics/flow-context.js';
import type { MetricStore } from '../../analytics/metric-store.js';
import { dentalContext, engineStore, ENGINES, FIXTURES, graphsOf, importInto, tempFolder, type TempFolder } from './helpers.js';

const golden = path.join(FIXTURES, 'golden.jsonl');

/** Everything the overlay and the report show, to compare two databases. */
async function snapshot(store: MetricStore, context: FlowContext) {
    return {
        overview: { ...(await store.overview()), imports: 0 },
        stats: await store.boxStats(context),
        edges: await store.edges(context),
        conversions: await store.conversions(context),
        dwell: await store.dwellBeforeDropOut(context)
    };
}

// Killed imports: test/cli/import-faults/kill-import.test.ts.
for (const engine of ENGINES) describe(`analytics import idempotency (${engine})`, () => {
    let context: FlowContext;
    let temp: TempFolder;

    before(async function () {
        this.timeout(60_000);
        context = await dentalContext();
    });

    beforeEach(() => {
        temp = tempFolder();
    });

    afterEach(() => temp.cleanup());

    it('adds nothing when the same file is imported twice', async () => {
        const store = await engineStore(engine, temp);
        const first = await importInto(store, [golden], context);
        const before = await snapshot(store, context);
        const second = await importInto(store, [golden], context);
        assert.deepStrictEqual([first.imported, first.duplicates], [132, 0]);
        assert.deepStrictEqual([second.imported, second.duplicates], [0, 132]);
        assert.deepStrictEqual(await snapshot(store, context), before);
        await store.close();
    });

    it('adds only the new lines of a longer re-export, and ends with the same numbers as one import', async () => {
        const lines = fs.readFileSync(golden, 'utf8').split('\n');
        const early = path.join(temp.folder, 'dental-early.jsonl');
        fs.writeFileSync(early, lines.slice(0, 80).join('\n') + '\n'); // cuts c06 in the middle of its chat
        const store = await engineStore(engine, temp);
        assert.strictEqual((await importInto(store, [early], context)).imported, 80);
        const full = await importInto(store, [golden], context);
        assert.deepStrictEqual([full.imported, full.duplicates], [52, 80]);

        const clean = await engineStore(engine, temp, 'clean');
        await importInto(clean, [golden], context);
        assert.deepStrictEqual(await snapshot(store, context), await snapshot(clean, context));
        await store.close();
        await clean.close();
    });

    it('stores a duplicated line once, whether it is next to its original or elsewhere in the file', async () => {
        const lines = fs.readFileSync(golden, 'utf8').split('\n').filter(line => line !== '');
        const adjacent = path.join(temp.folder, 'adjacent.jsonl');
        fs.writeFileSync(adjacent, lines.flatMap(line => [line, line]).join('\n') + '\n');
        const separated = path.join(temp.folder, 'separated.jsonl');
        fs.writeFileSync(separated, [...lines, ...lines].join('\n') + '\n');
        const clean = await engineStore(engine, temp, 'clean');
        await importInto(clean, [golden], context);
        const expected = await snapshot(clean, context);
        await clean.close();
        for (const file of [adjacent, separated]) {
            const store = await engineStore(engine, temp, path.basename(file));
            const summary = await importInto(store, [file], context);
            assert.deepStrictEqual([summary.imported, summary.duplicates], [132, 132], path.basename(file));
            assert.deepStrictEqual(await snapshot(store, context), expected, path.basename(file));
            assert.ok(!(await store.edges(context)).some(e => e.from === e.to), 'no self-loop edges');
            await store.close();
        }
    });

    it('keeps two answers at one box in the same second when their texts differ', async () => {
        const log = path.join(temp.folder, 'twice.jsonl');
        const event = (text: string) => JSON.stringify({ chat: 't1', ts: '2026-11-07T09:00:05Z', flow: 'Dental', version: 'v1', box: 'main_menu', type: 'answer', text });
        fs.writeFileSync(log, [event('Teeth whitening'), event('New patient special'), event('New patient special')].join('\n') + '\n');
        const store = await engineStore(engine, temp);
        const summary = await importInto(store, [log], context); // button labels: stored as clicked under every policy
        assert.deepStrictEqual([summary.imported, summary.duplicates], [2, 1]);
        assert.deepStrictEqual((await store.transcript('t1')).map(e => e.text), ['Teeth whitening', 'New patient special']);
        await store.close();
    });

    it('moves events onto a box once the flow gains the alias they were logged under, without doubling them on re-import', async () => {
        const log = path.join(temp.folder, 'renamed.jsonl');
        fs.writeFileSync(log, [
            { chat: 'r1', ts: '2026-11-07T09:00:00Z', box: 'welcome', type: 'enter' },
            { chat: 'r1', ts: '2026-11-07T09:00:01Z', box: 'utter_ask_email_v2', type: 'enter' },
            { chat: 'r1', ts: '2026-11-07T09:00:30Z', box: 'utter_ask_email_v2', type: 'answer', text: 'r1@example.com' }
        ].map(e => JSON.stringify({ flow: 'Dental', version: 'v3', ...e })).join('\n') + '\n');
        const store = await engineStore(engine, temp);
        const before = await importInto(store, [log], context);
        assert.deepStrictEqual(before.unmatched, [{ flow: 'Dental', box: 'utter_ask_email_v2', events: 2 }]);

        const graphs = await graphsOf(path.join(FIXTURES, 'dental.chatflow'));
        graphs[0].boxes.find(b => b.id === 'Dental.ask_email')!.aliases.push('utter_ask_email_v2');
        const withAlias = new FlowContext(graphs);
        const again = await importInto(store, [log], withAlias);
        assert.deepStrictEqual([again.imported, again.duplicates, again.unmatched.length], [0, 3, 0]);
        const visits = Object.fromEntries((await store.visits(withAlias)).map(v => [v.box, v.entries]));
        assert.deepStrictEqual(visits, { 'Dental.welcome': 1, 'Dental.ask_email': 1 });
        assert.deepStrictEqual((await store.edges(withAlias)).map(e => `${e.from} -> ${e.to}`), ['Dental.welcome -> Dental.ask_email']);
        await store.close();
    });
});
