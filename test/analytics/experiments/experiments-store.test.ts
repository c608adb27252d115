import * as assert from 'node:assert';
import * as path from 'node:path';
import { FlowContext } from '../../../analytics/flow-context.js';
import { writePricingLog as writeLog } from './pricing-log.js';
import { engineStore, ENGINES, graphsOf, importInto, ROOT, tempFolder, type TempFolder } from '../helpers.js';

const PRICING = path.join(ROOT, 'test/fixtures/experiments/pricing.chatflow');

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
