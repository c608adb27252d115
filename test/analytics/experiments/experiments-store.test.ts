import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FlowContext } from '../../../analytics/flow-context.js';
import { engineStore, ENGINES, graphsOf, importInto, ROOT, tempFolder, type TempFolder } from '../helpers.js';

const PRICING = path.join(ROOT, 'test/fixtures/experiments/pricing.chatflow');

/**
 * Chats through the pricing experiment, one per line of the plan: the arm taken and whether it
 * booked, spread over 8 days; 3 chats never reach the split (they leave at welcome). The bot logs
 * no enter at the split itself: the arm is the box right after welcome.
 */
function writeLog(file: string, arms: { a: number; b: number; bookedA: number; bookedB: number }): void {
    const lines: string[] = [];
    const event = (chat: string, ts: number, box: string, type = 'enter', text?: string) =>
        lines.push(JSON.stringify({ chat, ts: new Date(ts).toISOString(), flow: 'Offers', version: 'v1', box, type, ...(text ? { text } : {}) }));
    const plan = [
        ...Array.from({ length: arms.a }, (_, i) => ({ arm: 'a', books: i < arms.bookedA })),
        ...Array.from({ length: arms.b }, (_, i) => ({ arm: 'b', books: i < arms.bookedB }))
    ];
    plan.forEach((chat, i) => {
        const id = `x-${String(i).padStart(4, '0')}`;
        const start = Date.UTC(2026, 10, 2 + (i % 8), 9, 0, 0) + i * 1000;
        event(id, start, 'welcome');
        event(id, start + 2000, chat.arm === 'a' ? 'offer_a' : 'offer_b');
        event(id, start + 9000, chat.arm === 'a' ? 'offer_a' : 'offer_b', 'answer', chat.books ? 'Book' : 'Not now');
        event(id, start + 9500, chat.books ? 'booked' : 'goodbye');
    });
    for (let i = 0; i < 3; i++) event(`w-${i}`, Date.UTC(2026, 10, 3, 12, i), 'welcome');
    fs.writeFileSync(file, lines.join('\n') + '\n');
}

for (const engine of ENGINES) describe(`experiments in the store (${engine})`, () => {
    let context: FlowContext;
    let temp: TempFolder;
    before(async () => {
        context = new FlowContext(await graphsOf(PRICING));
    });
    beforeEach(() => {
        temp = tempFolder();
    });
    afterEach(() => temp.cleanup());

    it('counts each arm\'s chats and bookings (10% vs 20% of 600 each), compares them, and says to decide for arm b', async () => {
        const log = path.join(temp.folder, 'pricing.jsonl');
        writeLog(log, { a: 600, b: 600, bookedA: 60, bookedB: 120 });
        const store = await engineStore(engine, temp);
        try {
            await importInto(store, [log], context);
            const [experiment] = await store.experiments(context);
            assert.strictEqual(experiment.split, 'Offers.pricing');
            assert.strictEqual(experiment.measure, 'appointment');
            assert.strictEqual(experiment.chats, 1200);
            assert.deepStrictEqual(experiment.arms.map(a => [a.arm, a.chats, a.converted, a.rate]), [['a', 600, 60, 0.1], ['b', 600, 120, 0.2]]);
            const b = experiment.arms[1];
            assert.ok(Math.abs(b.difference! - 0.1) < 1e-12);
            assert.ok(b.interval![0] > 0 && b.interval![1] > 0.1, JSON.stringify(b.interval));
            assert.ok(b.pValue! < 0.05, `always-valid p ${b.pValue}`);
            assert.ok(b.probabilityBest > 0.99);
            assert.deepStrictEqual(experiment.srm.mismatch, false);
            assert.deepStrictEqual(experiment.decision.kind, 'decide');
            assert.strictEqual(experiment.decision.kind === 'decide' && experiment.decision.winner, 'b');
            assert.strictEqual(experiment.daily.length, 8);
            assert.deepStrictEqual(experiment.daily.at(-1)!.chats, [600, 600]);
            assert.ok(experiment.daily.every((day, i) => i === 0 || day.pValue <= experiment.daily[i - 1].pValue), 'the p-value never rises');
            // The chats behind each number add up to it.
            assert.strictEqual((await store.chats(context, { metric: 'experimentArm', split: 'Offers.pricing', box: 'Offers.offer_b' }, {}, { limit: 1000 })).total, 600);
            assert.strictEqual((await store.chats(context, { metric: 'experimentConversions', split: 'Offers.pricing', box: 'Offers.offer_b', goal: 'appointment' }, {}, { limit: 1000 })).total, 120);
        } finally {
            await store.close();
        }
    });

    it('flags a sample ratio mismatch against the weights, and does not decide then', async () => {
        const log = path.join(temp.folder, 'skewed.jsonl');
        writeLog(log, { a: 300, b: 150, bookedA: 30, bookedB: 45 });
        const store = await engineStore(engine, temp);
        try {
            await importInto(store, [log], context);
            const [experiment] = await store.experiments(context);
            assert.deepStrictEqual([experiment.arms[0].chats, experiment.arms[1].chats], [300, 150]);
            assert.ok(experiment.srm.mismatch && experiment.srm.pValue < 0.001, JSON.stringify(experiment.srm));
            assert.strictEqual(experiment.decision.kind, 'check-assignment');
        } finally {
            await store.close();
        }
    });
});
