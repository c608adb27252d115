import * as assert from 'node:assert';
import * as path from 'node:path';
import { FlowContext } from '../../analytics/flow-context.js';
import type { AnalyticsFilter, DrillDown } from '../../analytics/model.js';
import type { MetricStore } from '../../analytics/metric-store.js';
import type { FlowGraph } from '../../language/flow-model.js';
import { ENGINES, engineStore, exampleGraphs, EXAMPLES, importInto, tempFolder } from './helpers.js';

/**
 * The drill-down property, over the sample logs of examples/logs (4,600 chats, three flows): for
 * every box, edge, goal and day, the chats listed behind a number are exactly as many as the
 * number, page after page, and their counts add up to the secondary totals (entries, traversals).
 */
for (const engine of ENGINES) describe(`analytics drill-down: the chats listed always add up to the number shown (${engine})`, () => {
    let store: MetricStore;
    let graphs: FlowGraph[];
    let cleanup: () => Promise<void>;

    before(async function () {
        this.timeout(120_000);
        const temp = tempFolder();
        cleanup = temp.cleanup;
        graphs = await exampleGraphs();
        store = await engineStore(engine, temp);
        const all = new FlowContext(graphs);
        const logs = path.join(EXAMPLES, 'logs');
        await importInto(store, [path.join(logs, 'clinic-2026-11.jsonl'), path.join(logs, 'pharmacy-refill-2026-11.csv')], all);
        await importInto(store, [path.join(logs, 'dental-rasa-trackers.json')], all, { defaultFlow: 'Dental' });
    });

    after(async () => {
        await store.close();
        await cleanup();
    });

    /** Pages through the drill-down; checks the total, distinct chats, and returns the sum of counts. */
    async function expand(context: FlowContext, drill: DrillDown, expected: number, filter?: AnalyticsFilter): Promise<number> {
        const seen = new Set<string>();
        let sum = 0;
        for (let offset = 0; ; offset += 1000) {
            const page = await store.chats(context, drill, filter, { offset, limit: 1000 });
            assert.strictEqual(page.total, expected, `${JSON.stringify(drill)}: total ${page.total}, number shown ${expected}`);
            for (const chat of page.chats) {
                assert.ok(!seen.has(chat.chat), `${chat.chat} listed twice for ${JSON.stringify(drill)}`);
                seen.add(chat.chat);
                sum += chat.count;
            }
            if (page.chats.length < 1000) break;
        }
        assert.strictEqual(seen.size, expected, `${JSON.stringify(drill)}: ${seen.size} chats listed, number shown ${expected}`);
        return sum;
    }

    for (const filter of [{}, { from: '2026-11-06', to: '2026-11-12', version: 'v2', timeZone: 'America/Chicago' }] as AnalyticsFilter[]) {
        it(`holds for every box, edge, goal and day of every flow (filter ${JSON.stringify(filter)})`, async function () {
            this.timeout(300_000);
            let numbers = 0;
            for (const graph of graphs) {
                const context = new FlowContext([graph]);
                const stats = await store.boxStats(context, filter);
                for (const box of Object.values(stats)) {
                    assert.strictEqual(await expand(context, { metric: 'visits', box: box.box }, box.visits, filter), box.entries);
                    await expand(context, { metric: 'dropOuts', box: box.box }, box.dropOuts, filter);
                    for (const [goal, chats] of Object.entries(box.conversions)) await expand(context, { metric: 'boxConversions', box: box.box, goal }, chats, filter);
                    numbers += 2 + Object.keys(box.conversions).length;
                }
                for (const edge of await store.edges(context, filter)) {
                    assert.strictEqual(await expand(context, { metric: 'edge', from: edge.from, to: edge.to }, edge.chats, filter), edge.traversals);
                    numbers++;
                }
                for (const goal of await store.conversions(context, filter)) {
                    await expand(context, { metric: 'conversions', goal: goal.goal }, goal.chats, filter);
                    for (const day of goal.days) await expand(context, { metric: 'conversions', goal: goal.goal, day: day.day }, day.chats, filter);
                    const funnel = await store.funnel(context, { goal: goal.goal }, filter);
                    for (const [i, step] of funnel.steps.entries()) {
                        await expand(context, { metric: 'funnel', steps: funnel.steps.map(s => s.box), step: i + 1 }, step.chats, filter);
                    }
                    numbers += 1 + goal.days.length + funnel.steps.length;
                }
                const versions = await store.versions(context, filter);
                if (versions.length >= 2) {
                    for (const comparison of await store.compareVersions(context, versions[0].version, versions[1].version, filter)) {
                        for (const sample of [comparison.a, comparison.b]) {
                            await expand(context, { metric: 'versionChats', version: sample.version }, sample.chats, filter);
                            await expand(context, { metric: 'versionConversions', version: sample.version, goal: comparison.goal }, sample.converted, filter);
                        }
                    }
                }
            }
            assert.ok(numbers > 300, `checked ${numbers} numbers`);
        });
    }

    it('pages in chat order with each chat\'s flow, version and time span', async () => {
        const clinic = new FlowContext([graphs.find(g => g.flow === 'Clinic')!]);
        const first = await store.chats(clinic, { metric: 'dropOuts', box: 'Clinic.ask_phone' }, {}, { limit: 3 });
        const second = await store.chats(clinic, { metric: 'dropOuts', box: 'Clinic.ask_phone' }, {}, { offset: 3, limit: 3 });
        const ids = [...first.chats, ...second.chats].map(c => c.chat);
        assert.deepStrictEqual(ids, [...ids].sort());
        assert.strictEqual(new Set(ids).size, 6);
        for (const chat of first.chats) {
            assert.strictEqual(chat.flow, 'Clinic');
            assert.match(chat.version, /^v[12]$/);
            assert.ok(chat.start <= chat.last);
            const transcript = await store.transcript(chat.chat);
            assert.strictEqual(transcript.filter(e => e.type === 'enter').at(-1)?.box, 'Clinic.ask_phone');
        }
    });
});
