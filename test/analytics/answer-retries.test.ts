import * as assert from 'node:assert';
import * as path from 'node:path';
import { FlowContext } from '../../analytics/flow-context.js';
import type { MetricStore } from '../../analytics/metric-store.js';
import type { ProblemBox } from '../../analytics/model.js';
import { problemInWords } from '../../analytics/report/insight-words.js';
import { engineStore, ENGINES, EXAMPLES, FIXTURES, graphsOf, importInto, tempFolder, type TempFolder } from './helpers.js';

/*
 * Retries at the clinic's input boxes from test/fixtures/analytics/clinic-answers.jsonl, counted by hand:
 *   a1  ask_age "34", ask_insured "yes"                      all valid
 *   a2  ask_age "150" (not between 0 and 120) then "50"; ask_insured "yeah" (not yes or no)
 *   a3  ask_name retry event "J0hn" then an answer; ask_age retry event "forty" then "40"
 *   a4  ask_age "-3" (not between 0 and 120)
 *   a5  ask_age "thirty": typed text, stored [redacted] by the default policy, readable under keep
 *   a6  ask_name "Maria Lopez"
 * ask_name and ask_dob are sensitive: their answers are always stored redacted, never checked.
 */
const C = (box: string) => `Clinic.${box}`;
const LOG = path.join(FIXTURES, 'clinic-answers.jsonl');

for (const engine of ENGINES) describe(`retries from stored answers checked with the simulator's rules (${engine})`, () => {
    let store: MetricStore;
    let context: FlowContext;
    let temp: TempFolder;
    let rows: Record<string, ProblemBox>;

    before(async function () {
        this.timeout(60_000);
        temp = tempFolder();
        context = new FlowContext(await graphsOf(path.join(EXAMPLES, 'clinic.chatflow')));
        store = await engineStore(engine, temp);
        await importInto(store, [LOG], context);
        rows = Object.fromEntries((await store.fixFirst(context)).map(r => [r.box, r]));
    });

    after(async () => {
        await store.close();
        await temp.cleanup();
    });

    /** The chats behind a box's retries, each with its count. */
    async function retryChats(box: string): Promise<Array<[string, number]>> {
        const page = await store.chats(context, { metric: 'retries', box }, undefined, { limit: 100 });
        return page.chats.map(c => [c.chat, c.count]);
    }

    it('adds the answers that fail an input\'s range or type to its logged retries, and lists exactly those chats', async () => {
        // ask_age: a3's retry event + a2 "150" + a4 "-3"; a5's "thirty" was stored redacted: 6 answers, 1 not checked.
        const age = rows[C('ask_age')];
        assert.deepStrictEqual([age.retries, age.retryChats, age.answers], [3, 3, { sensitive: false, answers: 6, unchecked: 1, invalid: 2 }]);
        assert.deepStrictEqual(await retryChats(C('ask_age')), [['a2', 1], ['a3', 1], ['a4', 1]]);
        // ask_insured: a2's "yeah" is not an answer the simulator takes (yes, y, true, no, n, false).
        const insured = rows[C('ask_insured')];
        assert.deepStrictEqual([insured.retries, insured.retryChats, insured.answers], [1, 1, { sensitive: false, answers: 2, unchecked: 0, invalid: 1 }]);
        assert.deepStrictEqual(await retryChats(C('ask_insured')), [['a2', 1]]);
    });

    it('counts only the logged retries of a sensitive input, and says its answers were not checked', async () => {
        const name = rows[C('ask_name')];
        assert.deepStrictEqual([name.retries, name.retryChats, name.answers], [1, 1, { sensitive: true, answers: 6, unchecked: 6, invalid: 0 }]);
        assert.deepStrictEqual(await retryChats(C('ask_name')), [['a3', 1]]);
        assert.strictEqual(rows[C('ask_dob')]?.retries ?? 0, 0);
        assert.match(problemInWords(name), /1 retries in 1 chats \(answers of this box are sensitive: only logged retries counted\)/);
        assert.match(problemInWords(rows[C('ask_age')]), /3 retries in 3 chats \(2 of them stored answers that fail the box's rules; 1 of 6 answers stored redacted: not checked\)/);
    });

    it('follows the flow as it is now: a wider range takes back what the old one refused', async () => {
        const wider = new FlowContext(await graphsOf(path.join(EXAMPLES, 'clinic.chatflow')).then(graphs => graphs.map(g => ({
            ...g, boxes: g.boxes.map(b => b.id === C('ask_age') ? { ...b, input: { ...b.input!, validation: { kind: 'range' as const, min: -5, max: 200 } } } : b)
        }))));
        const age = (await store.fixFirst(wider)).find(r => r.box === C('ask_age'))!;
        assert.deepStrictEqual([age.retries, age.answers?.invalid], [1, 0], 'only a3\'s logged retry is left');
    });
});

describe('retries from answers kept as typed (SQLite: a server refuses keep)', () => {
    it('checks the typed text a keep import stored: a5\'s "thirty" is not a number', async function () {
        this.timeout(60_000);
        const temp = tempFolder();
        const context = new FlowContext(await graphsOf(path.join(EXAMPLES, 'clinic.chatflow')));
        const store = await engineStore('sqlite', temp);
        try {
            await importInto(store, [LOG], context, { privacy: { policy: 'keep' } });
            const age = (await store.fixFirst(context)).find(r => r.box === C('ask_age'))!;
            assert.deepStrictEqual([age.retries, age.retryChats, age.answers], [4, 4, { sensitive: false, answers: 6, unchecked: 0, invalid: 3 }]);
            const page = await store.chats(context, { metric: 'retries', box: C('ask_age') }, undefined, { limit: 100 });
            assert.deepStrictEqual(page.chats.map(c => c.chat), ['a2', 'a3', 'a4', 'a5']);
        } finally {
            await store.close();
            await temp.cleanup();
        }
    });
});
