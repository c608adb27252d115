import * as assert from 'node:assert';
import * as path from 'node:path';
import type { FlowContext } from '../../analytics/flow-context.js';
import type { MetricStore } from '../../analytics/metric-store.js';
import { dentalContext, engineStore, ENGINES, FIXTURES, importInto, tempFolder } from './helpers.js';

/*
 * test/fixtures/analytics/golden.jsonl: 12 chats through the BrightSmile Dental flow
 * (test/fixtures/analytics/dental.chatflow), every number below counted by hand.
 *
 *  chat ver start (UTC)        path (entries)                                                   ends
 *  c01  v1  11-02 09:00  welcome main_menu new_patient_offer ask_insured check_coverage          goodbye (end)
 *                        insurance_accepted ask_name contact_preference ask_email save_lead
 *                        lead_thanks offer_consult book_consult consult_confirmed goodbye
 *                        (+ goal event consult_booked 09:01:30, after the box at 09:01:23)
 *  c02  v1  11-02 10:00  welcome main_menu whitening_info ask_insured check_coverage             ask_name, last event 10:00:50
 *                        membership_plan ask_name (entered 10:00:30, answers "?")
 *  c03  v1  11-02 23:30  welcome main_menu front_desk                                           front_desk (handoff)
 *  c04  v1  11-03 08:00  welcome main_menu                                                       main_menu, 08:00:01
 *  c05  v2  11-03 12:00  welcome main_menu implant_info ask_insured check_coverage                goodbye (end)
 *                        insurance_accepted ask_name contact_preference ask_phone save_lead
 *                        lead_thanks (12:02:00) offer_consult goodbye
 *                        (its first two lines are written in the wrong order: time decides)
 *  c06  v2  11-03 23:50  welcome main_menu new_patient_offer ask_insured | after midnight:        goodbye (end)
 *                        check_coverage insurance_accepted ask_name contact_preference ask_email
 *                        save_lead lead_thanks (11-04 00:09:02) offer_consult book_consult
 *                        consult_confirmed (00:09:13) goodbye
 *  c07  v2  11-04 09:00  welcome main_menu ask_insured check_coverage insurance_accepted          front_desk (handoff)
 *                        ask_name contact_preference ask_email save_lead front_desk
 *  c08  v2  11-04 10:00  welcome main_menu new_patient_offer ask_insured main_menu               ask_insured, 10:01:07
 *                        whitening_info ask_insured
 *  c09  v2  11-04 11:00  welcome main_menu utter_out_of_scope (not in the flow)                  unknown box
 *                        + goal event lead_captured 11:00:10, goal event newsletter (undeclared)
 *  c10  v2  11-04 12:00  welcome main_menu whitening_info ask_insured check_coverage             in progress: ask_name at
 *                        membership_plan ask_name                                                12:20:02 = NEWEST EVENT
 *  c11  v2  11-04 11:45  welcome main_menu implant_info ask_insured (11:49:02, answers 11:49:30) ask_insured, 30 min 32 s old
 *  c12  v2  11-04 11:50  welcome main_menu (11:50:02)                                            exactly 30 min old: in progress
 *
 * Drop-outs (timeout 30 min before 12:20:02, i.e. last event before 11:50:02):
 *   c02 at ask_name, c04 at main_menu, c08 and c11 at ask_insured. Not: c01 c05 c06 (end),
 *   c03 c07 (handoff), c09 (last box unknown to the flow), c10 (newest), c12 (exactly 30 min).
 * Dwell (last entry at the box -> last event): c02 20 s; c04 0; c08 0; c11 28 s.
 */

const D = (box: string) => `Dental.${box}`;

for (const engine of ENGINES) describe(`analytics metrics on the hand-computed golden dataset (${engine})`, () => {
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

    it('counts visits as chats with an enter at the box, and all entries', async () => {
        const visits = Object.fromEntries((await store.visits(context)).map(v => [v.box, [v.chats, v.entries]]));
        assert.deepStrictEqual(visits, {
            [D('welcome')]: [12, 12],
            [D('main_menu')]: [12, 13], // c08 enters it twice
            [D('new_patient_offer')]: [3, 3], // c01 c06 c08
            [D('whitening_info')]: [3, 3], // c02 c08 c10
            [D('implant_info')]: [2, 2], // c05 c11
            [D('ask_insured')]: [8, 9], // c01 c02 c05 c06 c07 c08(x2) c10 c11
            [D('check_coverage')]: [6, 6], // c01 c02 c05 c06 c07 c10
            [D('insurance_accepted')]: [4, 4], // c01 c05 c06 c07
            [D('membership_plan')]: [2, 2], // c02 c10
            [D('ask_name')]: [6, 6], // c01 c02 c05 c06 c07 c10
            [D('contact_preference')]: [4, 4],
            [D('ask_email')]: [3, 3], // c01 c06 c07
            [D('ask_phone')]: [1, 1], // c05
            [D('save_lead')]: [4, 4], // c01 c05 c06 c07
            [D('lead_thanks')]: [3, 3], // c01 c05 c06
            [D('offer_consult')]: [3, 3],
            [D('book_consult')]: [2, 2], // c01 c06
            [D('consult_confirmed')]: [2, 2],
            [D('front_desk')]: [2, 2], // c03 c07
            [D('goodbye')]: [3, 3], // c01 c05 c06
            'utter_out_of_scope': [1, 1] // c09: kept under its logged name
        });
    });

    it('counts drop-outs at the last entered box of chats idle for more than 30 minutes, never at end or handoff boxes', async () => {
        const dropOuts = Object.fromEntries((await store.dropOuts(context)).map(d => [d.box, d.dropOuts]));
        assert.deepStrictEqual(dropOuts, { [D('ask_name')]: 1, [D('main_menu')]: 1, [D('ask_insured')]: 2 });
        const stats = await store.boxStats(context);
        assert.strictEqual(stats[D('ask_insured')].dropOutRate, 2 / 8);
        assert.strictEqual(stats[D('main_menu')].dropOutRate, 1 / 12);
        assert.strictEqual(stats[D('ask_name')].dropOutRate, 1 / 6);
        assert.strictEqual(stats[D('goodbye')].dropOuts, 0);
    });

    it('moves the in-progress line with the inactivity timeout', async () => {
        // 60 min: c11 (30 min 32 s) is in progress too; c08 (2 h 19 min) is still dropped.
        const dropOuts = Object.fromEntries((await store.dropOuts(context, { inactivityMinutes: 60 })).map(d => [d.box, d.dropOuts]));
        assert.deepStrictEqual(dropOuts, { [D('ask_name')]: 1, [D('main_menu')]: 1, [D('ask_insured')]: 1 });
        // 0 min: only the chat holding the newest event is in progress; c12 drops at main_menu.
        const none = Object.fromEntries((await store.dropOuts(context, { inactivityMinutes: 0 })).map(d => [d.box, d.dropOuts]));
        assert.deepStrictEqual(none, { [D('ask_name')]: 1, [D('main_menu')]: 2, [D('ask_insured')]: 2 });
    });

    it('measures the time spent at a box before dropping out (nearest-rank median and p90)', async () => {
        const dwell = Object.fromEntries((await store.dwellBeforeDropOut(context)).map(d => [d.box, [d.dropOuts, d.medianMs, d.p90Ms]]));
        assert.deepStrictEqual(dwell, {
            [D('ask_insured')]: [2, 0, 28_000], // c08 0 s, c11 28 s: median = rank 1, p90 = rank 2
            [D('ask_name')]: [1, 20_000, 20_000],
            [D('main_menu')]: [1, 0, 0]
        });
    });

    it('counts edge traffic as consecutive entries, in time order then file order', async () => {
        const edges = Object.fromEntries((await store.edges(context)).map(e => [`${e.from.replace('Dental.', '')} -> ${e.to.replace('Dental.', '')}`, e.chats]));
        assert.deepStrictEqual(edges, {
            'welcome -> main_menu': 12, // c05's lines out of order still give welcome first
            'main_menu -> new_patient_offer': 3, 'main_menu -> whitening_info': 3, 'main_menu -> implant_info': 2,
            'main_menu -> front_desk': 1, 'main_menu -> ask_insured': 1, 'main_menu -> utter_out_of_scope': 1,
            'new_patient_offer -> ask_insured': 3, 'whitening_info -> ask_insured': 3, 'implant_info -> ask_insured': 2,
            'ask_insured -> check_coverage': 6, 'ask_insured -> main_menu': 1, // c08 typed "menu"
            'check_coverage -> insurance_accepted': 4, 'check_coverage -> membership_plan': 2, // same-second entries: file order
            'insurance_accepted -> ask_name': 4, 'membership_plan -> ask_name': 2,
            'ask_name -> contact_preference': 4, 'contact_preference -> ask_email': 3, 'contact_preference -> ask_phone': 1,
            'ask_email -> save_lead': 3, 'ask_phone -> save_lead': 1, 'save_lead -> lead_thanks': 3, 'save_lead -> front_desk': 1,
            'lead_thanks -> offer_consult': 3, 'offer_consult -> book_consult': 2, 'offer_consult -> goodbye': 1,
            'book_consult -> consult_confirmed': 2, 'consult_confirmed -> goodbye': 2
        });
        // 88 enter events in 12 chats: 76 consecutive pairs.
        assert.strictEqual((await store.edges(context)).reduce((sum, e) => sum + e.traversals, 0), 76);
    });

    it('counts each conversion once, on the UTC day of the first box or goal event that satisfies it', async () => {
        const conversions = await store.conversions(context);
        assert.deepStrictEqual(conversions.map(g => [g.goal, g.chats, g.days.map(d => `${d.day} ${d.chats}`)]), [
            // c01 c05 c06 by lead_thanks, c09 by its goal event; c06 converts after midnight UTC
            ['consult_booked', 2, ['2026-11-02 1', '2026-11-04 1']], // c01 (box 09:01:23, not its later goal event), c06
            ['lead_captured', 4, ['2026-11-02 1', '2026-11-03 1', '2026-11-04 2']]
        ]);
    });

    it('puts conversions on the days of a configured time zone', async () => {
        // At -05:00 c06's 00:09 UTC conversions fall on 11-03 and c09's 11:00 UTC goal event on 11-04.
        const offset = await store.conversions(context, { timeZone: '-05:00' });
        assert.deepStrictEqual(offset.map(g => [g.goal, g.days.map(d => `${d.day} ${d.chats}`)]), [
            ['consult_booked', ['2026-11-02 1', '2026-11-03 1']],
            ['lead_captured', ['2026-11-02 1', '2026-11-03 2', '2026-11-04 1']]
        ]);
        // New York is at -05:00 in November (DST ended 2026-11-01): the same days.
        const iana = await store.conversions(context, { timeZone: 'America/New_York' });
        assert.deepStrictEqual(iana.map(g => g.days), offset.map(g => g.days));
    });

    it('filters by the day a chat started and by its version', async () => {
        // Chats started on 11-04 (UTC): c07 c08 c09 c10 c11 c12; c06 started 11-03 and is left out.
        const day = await store.conversions(context, { from: '2026-11-04', to: '2026-11-04' });
        assert.deepStrictEqual(day.map(g => [g.goal, g.chats]), [['consult_booked', 0], ['lead_captured', 1]]);
        const visits = Object.fromEntries((await store.visits(context, { from: '2026-11-04', to: '2026-11-04' })).map(v => [v.box, v.chats]));
        assert.strictEqual(visits[D('welcome')], 6);
        const v1 = Object.fromEntries((await store.visits(context, { version: 'v1' })).map(v => [v.box, v.chats]));
        assert.deepStrictEqual([v1[D('welcome')], v1[D('front_desk')], v1[D('ask_name')]], [4, 1, 2]); // c01-c04; c03; c01 c02
        const v1Drops = Object.fromEntries((await store.dropOuts(context, { version: 'v1' })).map(d => [d.box, d.dropOuts]));
        assert.deepStrictEqual(v1Drops, { [D('ask_name')]: 1, [D('main_menu')]: 1 });
    });

    it('follows a given funnel path, each step reached after the one before', async () => {
        const steps = ['welcome', 'main_menu', 'ask_insured', 'ask_name', 'save_lead', 'lead_thanks'].map(D);
        const funnel = await store.funnel(context, { steps });
        assert.strictEqual(funnel.path, 'given');
        assert.deepStrictEqual(funnel.steps.map(s => s.chats), [12, 12, 8, 6, 4, 3]);
    });

    it('derives a goal funnel along the most-trafficked observed path from the start', async () => {
        const funnel = await store.funnel(context, { goal: 'lead_captured' });
        assert.strictEqual(funnel.path, 'observed');
        const boxes = funnel.steps.map(s => s.box);
        assert.strictEqual(boxes[0], D('welcome'));
        assert.strictEqual(boxes.at(-1), D('lead_thanks'));
        // Its least-taken edge is taken by 3 chats: no path to lead_thanks does better.
        const traffic = new Map((await store.edges(context)).map(e => [`${e.from} ${e.to}`, e.chats]));
        assert.strictEqual(Math.min(...boxes.slice(1).map((box, i) => traffic.get(`${boxes[i]} ${box}`) ?? 0)), 3);
        assert.strictEqual(funnel.steps.at(-1)!.chats, 2); // c01 and c06 went this way (c05 via implants)
    });

    it('joins visits, drop-outs and conversions per box for the overlay, zeros for boxes never reached', async () => {
        const stats = await store.boxStats(context);
        assert.strictEqual(Object.keys(stats).length, 20);
        assert.deepStrictEqual(stats[D('ask_insured')], {
            box: D('ask_insured'), visits: 8, entries: 9, dropOuts: 2, dropOutRate: 0.25,
            conversions: { lead_captured: 3, consult_booked: 2 } // c01 c05 c06; c01 c06
        });
        assert.deepStrictEqual(stats[D('welcome')].conversions, { lead_captured: 4, consult_booked: 2 });
        assert.strictEqual(stats[D('lead_thanks')].conversions.lead_captured, 3); // c09 converted without the box
        assert.strictEqual(stats['utter_out_of_scope'], undefined);
    });

    it('reports the version comparison as an insufficient sample when n·p <= 5', async () => {
        const [consult, lead] = await store.compareVersions(context, 'v1', 'v2');
        assert.deepStrictEqual([lead.goal, lead.a.chats, lead.a.converted, lead.b.chats, lead.b.converted], ['lead_captured', 4, 1, 8, 3]);
        assert.strictEqual(lead.test.kind, 'insufficient-sample');
        assert.match(lead.test.kind === 'insufficient-sample' ? lead.test.reason : '', /version a: n·p = 1 and n·\(1−p\) = 3/);
        assert.strictEqual(consult.test.kind, 'insufficient-sample');
        assert.deepStrictEqual(await store.versions(context), [{ version: 'v1', chats: 4 }, { version: 'v2', chats: 8 }]);
    });

    it('shows a transcript in time order with sensitive answers redacted', async () => {
        const transcript = await store.transcript('c01');
        assert.strictEqual(transcript.length, 23);
        const answers = transcript.filter(e => e.type === 'answer').map(e => `${e.box.replace('Dental.', '')}: ${e.text}`);
        assert.deepStrictEqual(answers, [
            'main_menu: New patient special', 'ask_insured: yes', 'ask_name: [redacted]',
            'contact_preference: Email', 'ask_email: [redacted]', 'offer_consult: Yes, book it'
        ]);
        assert.deepStrictEqual(transcript.at(-1), { ts: '2026-11-02T09:01:30.000Z', type: 'goal', box: '', matched: true, goal: 'consult_booked' });
        const c05 = await store.transcript('c05');
        assert.deepStrictEqual(c05.slice(0, 2).map(e => e.box), [D('welcome'), D('main_menu')]);
        const c09 = await store.transcript('c09');
        assert.deepStrictEqual(c09.find(e => e.box === 'utter_out_of_scope'), { ts: '2026-11-04T11:00:05.000Z', type: 'enter', box: 'utter_out_of_scope', matched: false });
    });
});
