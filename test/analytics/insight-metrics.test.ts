import * as assert from 'node:assert';
import * as path from 'node:path';
import type { FlowContext } from '../../analytics/flow-context.js';
import type { MetricStore } from '../../analytics/metric-store.js';
import type { AnalyticsFilter, DrillDown } from '../../analytics/model.js';
import { dentalContext, engineStore, ENGINES, FIXTURES, importInto, tempFolder } from './helpers.js';

/*
 * The numbers that say what to fix first, on test/fixtures/analytics/golden.jsonl: its table of
 * 12 chats is in golden-metrics.test.ts; each expectation below is counted by hand from it.
 */
const D = (box: string) => `Dental.${box}`;

for (const engine of ENGINES) describe(`outcomes, fix-first, paths and time to convert on the golden dataset (${engine})`, () => {
    let store: MetricStore;
    let context: FlowContext;
    let cleanup: () => Promise<void>;

    before(async function () {
        this.timeout(60_000);
        const temp = tempFolder();
        cleanup = temp.cleanup;
        context = await dentalContext();
        store = await engineStore(engine, temp);
        await importInto(store, [path.join(FIXTURES, 'golden.jsonl')], context);
    });

    after(async () => {
        await store.close();
        await cleanup();
    });

    /** The chats behind a number: their total, and the sum of their counts. */
    async function drill(drillDown: DrillDown, filter?: AnalyticsFilter): Promise<[number, number, string[]]> {
        const page = await store.chats(context, drillDown, filter, { limit: 1000 });
        return [page.total, page.chats.reduce((sum, c) => sum + c.count, 0), page.chats.map(c => c.chat)];
    }

    it('gives each chat one outcome: escalated before contained, in progress within the timeout, else abandoned', async () => {
        const outcomes = await store.outcomes(context);
        // escalated c03 c07 (handoff); contained c01 c05 c06 (end); in progress c10 c12; abandoned c02 c04 c08 c11 and c09 (last box unknown).
        assert.deepStrictEqual({ ...outcomes, days: undefined }, { contained: 3, escalated: 2, abandoned: 5, inProgress: 2, chats: 12, days: undefined });
        assert.deepStrictEqual(outcomes.days, [
            { day: '2026-11-02', chats: 3, contained: 1, escalated: 1, abandoned: 1, inProgress: 0 },
            { day: '2026-11-03', chats: 3, contained: 2, escalated: 0, abandoned: 1, inProgress: 0 },
            { day: '2026-11-04', chats: 6, contained: 0, escalated: 1, abandoned: 3, inProgress: 2 }
        ]);
        assert.deepStrictEqual((await drill({ metric: 'outcome', outcome: 'abandoned' }))[2], ['c02', 'c04', 'c08', 'c09', 'c11']);
        assert.deepStrictEqual((await drill({ metric: 'outcome', outcome: 'escalated', day: '2026-11-04' }))[2], ['c07']);
        assert.strictEqual((await drill({ metric: 'flowChats' }))[0], 12);
        // 60 minutes: c11 (30 min 32 s idle) is in progress too.
        const longer = await store.outcomes(context, { inactivityMinutes: 60 });
        assert.deepStrictEqual([longer.abandoned, longer.inProgress], [4, 3]);
    });

    it('ranks the boxes by lost conversions = drop-outs × the conversion rate of the chats that went on from the box', async () => {
        const rows = await store.fixFirst(context);
        assert.deepStrictEqual(rows.map(r => r.box), [D('ask_insured'), D('ask_name'), D('main_menu')]);
        const [askInsured, askName, mainMenu] = rows;
        // ask_insured: 8 visits, drop-outs c08 c11; went on c01 c02 c05 c06 c07 c10, of which c01 c05 c06 captured a lead, c01 c06 booked.
        assert.deepStrictEqual(askInsured.lost, [
            { goal: 'consult_booked', wentOn: 6, wentOnConverted: 2, rate: 2 / 6, lost: 2 * (2 / 6) },
            { goal: 'lead_captured', wentOn: 6, wentOnConverted: 3, rate: 3 / 6, lost: 2 * (3 / 6) }
        ]);
        assert.strictEqual(askInsured.lostTotal, 2 * (2 / 6) + 2 * (3 / 6));
        // ask_name: drop-out c02; went on c01 c05 c06 c07 c10: 3 leads, 2 bookings.
        assert.deepStrictEqual(askName.lost.map(l => [l.wentOn, l.wentOnConverted, l.lost]), [[5, 2, 2 / 5], [5, 3, 3 / 5]]);
        // main_menu: drop-out c04; 11 went on; leads c01 c05 c06 and c09 (goal event), bookings c01 c06.
        assert.deepStrictEqual(mainMenu.lost.map(l => [l.wentOn, l.wentOnConverted]), [[11, 2], [11, 4]]);
        assert.deepStrictEqual(await drill({ metric: 'wentOn', box: D('ask_insured') }), [6, 6, ['c01', 'c02', 'c05', 'c06', 'c07', 'c10']]);
        assert.deepStrictEqual((await drill({ metric: 'wentOn', box: D('ask_insured'), goal: 'lead_captured' }))[2], ['c01', 'c05', 'c06']);
        assert.deepStrictEqual((await drill({ metric: 'wentOn', box: D('main_menu'), goal: 'lead_captured' }))[2], ['c01', 'c05', 'c06', 'c09']);
    });

    it('counts repeats as entries beyond a chat\'s first, and the time before leaving a box (nearest rank)', async () => {
        const rows = Object.fromEntries((await store.fixFirst(context)).map(r => [r.box, r]));
        // c08 entered main_menu and ask_insured twice; nobody retried (golden.jsonl has no retry events).
        assert.deepStrictEqual([rows[D('ask_insured')].repeats, rows[D('ask_insured')].repeatChats, rows[D('main_menu')].repeats], [1, 1, 1]);
        assert.strictEqual(rows[D('ask_name')].repeats, 0);
        assert.deepStrictEqual(Object.values(rows).map(r => r.retries), [0, 0, 0]);
        // ask_insured left 7 times: 9 (c01), 11 (c02), 9 (c05), 599 (c06), 20 (c07), 53 (c08's first), 1194 (c10) s; c08's second and c11 never left.
        assert.deepStrictEqual(rows[D('ask_insured')].leaving, { n: 7, medianMs: 20_000, p90Ms: 1_194_000 });
        // ask_name: 19 (c01), 19 (c05), 59 (c06), 14 (c07) s.
        assert.deepStrictEqual(rows[D('ask_name')].leaving, { n: 4, medianMs: 19_000, p90Ms: 59_000 });
        assert.deepStrictEqual(await drill({ metric: 'leaving', box: D('ask_insured') }), [7, 7, ['c01', 'c02', 'c05', 'c06', 'c07', 'c08', 'c10']]);
        assert.deepStrictEqual(await drill({ metric: 'repeats', box: D('main_menu') }), [1, 1, ['c08']]);
    });

    it('lists the complete paths of chats no longer in progress, most taken first, with their conversion rate', async () => {
        const paths = await store.completePaths(context, 3);
        const full = ['welcome', 'main_menu', 'new_patient_offer', 'ask_insured', 'check_coverage', 'insurance_accepted', 'ask_name',
            'contact_preference', 'ask_email', 'save_lead', 'lead_thanks', 'offer_consult', 'book_consult', 'consult_confirmed', 'goodbye'].map(D);
        assert.deepStrictEqual(paths, [
            // c04, and c09 whose out-of-scope box the flow does not have; c09 captured a lead by a goal event.
            { boxes: [D('welcome'), D('main_menu')], chats: 2, converted: 1, rate: 0.5, conversions: { consult_booked: 0, lead_captured: 1 } },
            { boxes: full, chats: 2, converted: 2, rate: 1, conversions: { consult_booked: 2, lead_captured: 2 } }, // c01 c06
            { boxes: [D('welcome'), D('main_menu'), D('front_desk')], chats: 1, converted: 0, rate: 0, conversions: { consult_booked: 0, lead_captured: 0 } } // c03
        ]);
        // 10 complete chats (c10 and c12 are in progress) in 8 paths; c08's path keeps its loop back to main_menu.
        const all = await store.completePaths(context, 100);
        assert.deepStrictEqual([all.length, all.reduce((sum, p) => sum + p.chats, 0)], [8, 10]);
        assert.ok(all.some(p => p.boxes.join(' ') === ['welcome', 'main_menu', 'new_patient_offer', 'ask_insured', 'main_menu', 'whitening_info', 'ask_insured'].map(D).join(' ')));
        assert.deepStrictEqual((await drill({ metric: 'path', boxes: [D('welcome'), D('main_menu')] }))[2], ['c04', 'c09']);
        assert.deepStrictEqual((await drill({ metric: 'path', boxes: [D('welcome'), D('main_menu')], converted: true }))[2], ['c09']);
    });

    it('measures the time from a chat\'s first event to its conversion, per goal', async () => {
        // consult_booked: c01 83 s (box at 09:01:23, before its goal event), c06 1153 s. lead_captured: c09 10, c01 73, c05 120, c06 1142 s.
        assert.deepStrictEqual(await store.timeToConvert(context), [
            { goal: 'consult_booked', n: 2, medianMs: 83_000, p90Ms: 1_153_000 },
            { goal: 'lead_captured', n: 4, medianMs: 73_000, p90Ms: 1_142_000 }
        ]);
    });

    it('segments every number by version, weekday and hour in the zone, adding up to the totals', async () => {
        assert.deepStrictEqual(await store.segmentValues(context, 'version'), [
            { segment: 'version', value: 'v2', chats: 8 }, { segment: 'version', value: 'v1', chats: 4 }
        ]);
        const v1 = await store.outcomes(context, { segment: { by: 'version', value: 'v1' } });
        assert.deepStrictEqual([v1.contained, v1.escalated, v1.abandoned, v1.inProgress], [1, 1, 2, 0]); // c01; c03; c02 c04
        // America/Chicago is at -06:00 in November 2026: c03 (23:30 UTC) and c06 (23:50 UTC) start at 17:xx local.
        const zone = { timeZone: 'America/Chicago' };
        assert.deepStrictEqual((await store.segmentValues(context, 'weekday', zone)).map(s => [s.value, s.chats]), [['Wednesday', 6], ['Monday', 3], ['Tuesday', 3]]);
        const hours = await store.segmentValues(context, 'hour', zone);
        assert.deepStrictEqual(hours.find(h => h.value === '17'), { segment: 'hour', value: '17', chats: 2 });
        assert.deepStrictEqual((await drill({ metric: 'flowChats' }, { ...zone, segment: { by: 'hour', value: '17' } }))[2], ['c03', 'c06']);
        // In UTC they start at 23:xx.
        assert.deepStrictEqual((await store.segmentValues(context, 'hour')).find(h => h.value === '23')?.chats, 2);
        // Each segment's numbers add up to the totals.
        const total = await store.boxStats(context);
        for (const by of ['version', 'weekday', 'hour'] as const) {
            const values = await store.segmentValues(context, by, zone);
            const parts = await Promise.all(values.map(v => store.boxStats(context, { ...zone, segment: { by, value: v.value } })));
            for (const box of Object.keys(total)) {
                assert.strictEqual(parts.reduce((sum, p) => sum + p[box].visits, 0), total[box].visits, `${by}: visits of ${box}`);
                assert.strictEqual(parts.reduce((sum, p) => sum + p[box].dropOuts, 0), total[box].dropOuts, `${by}: drop-outs of ${box}`);
            }
        }
    });

    it('segments by a variable\'s last stored answer, and refuses a sensitive variable or one the flows do not have', async () => {
        const values = await store.segmentValues(context, 'var:insured');
        // yes: c01 c05 c06 c07 (its last answer) c10; no: c02; answers the input rejects are stored redacted (c08 "menu", c11 "dunno"); none: c03 c04 c09 c12.
        assert.deepStrictEqual(values.map(v => [v.value, v.chats]), [['yes', 5], ['[redacted]', 2], ['no', 1], [null, 4]]);
        await assert.rejects(store.segmentValues(context, 'var:patient_name'), /variable 'patient_name' is sensitive \(PHI\)/);
        await assert.rejects(store.outcomes(context, { segment: { by: 'var:email', value: 'x' } }), /sensitive/);
        await assert.rejects(store.segmentValues(context, 'var:shoe_size'), /no variable 'shoe_size': segment by one of insured, interest/);
        await assert.rejects(store.segmentValues(context, 'colour' as never), /unknown segment 'colour'/);
    });
});
