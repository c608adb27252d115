import * as assert from 'node:assert';
import type { MetricStore } from '../../analytics/metric-store.js';
import type { AnalyticsFilter } from '../../analytics/model.js';
import { writeChannelLog } from './channel-log.js';
import { dentalSuite, downgradeStore, engineStore, ENGINES, importInto, type EngineName, type TempFolder } from './helpers.js';

const D = (box: string) => `Dental.${box}`;

/** Empties chat_facts' channel and source, as a database migrated from before they existed holds them before the migration fills them, and runs that migration (and the later ones) again. */
function forgetChatChannels(engine: EngineName, temp: TempFolder): Promise<void> {
    return downgradeStore(engine, temp, ['ALTER TABLE chat_facts DROP COLUMN channel', 'ALTER TABLE chat_facts DROP COLUMN source'], 5, 4);
}

for (const engine of ENGINES) describe(`segments by channel and source, retries (${engine})`, function () {
    this.timeout(60_000);
    const suite = dentalSuite();

    async function imported(): Promise<MetricStore> {
        const store = await engineStore(engine, suite.temp);
        await importInto(store, [writeChannelLog(suite.temp.folder)], suite.context);
        return store;
    }

    it('takes a chat\'s channel and source from the first of its events that names one; the segments add up to the totals', async () => {
        const store = await imported();
        try {
            const context = suite.context;
            // channel-log.ts: web k1 k2, sms k3 k4, whatsapp k5, none k6.
            assert.deepStrictEqual((await store.segmentValues(context, 'channel')).map(s => [s.value, s.chats]), [['sms', 2], ['web', 2], ['whatsapp', 1], [null, 1]]);
            // google-ads k1; newsletter k3 (its utm_source).
            assert.deepStrictEqual((await store.segmentValues(context, 'source')).map(s => [s.value, s.chats]), [['google-ads', 1], ['newsletter', 1], [null, 4]]);
            const outcomes = async (filter?: AnalyticsFilter) => {
                const o = await store.outcomes(context, filter);
                return [o.chats, o.contained, o.escalated, o.abandoned, o.inProgress];
            };
            assert.deepStrictEqual(await outcomes(), [6, 2, 1, 2, 1]);
            assert.deepStrictEqual(await outcomes({ segment: { by: 'channel', value: 'web' } }), [2, 1, 0, 1, 0]);
            assert.deepStrictEqual(await outcomes({ segment: { by: 'channel', value: 'sms' } }), [2, 0, 1, 1, 0]);
            assert.deepStrictEqual(await outcomes({ segment: { by: 'channel', value: 'whatsapp' } }), [1, 1, 0, 0, 0]);
            assert.deepStrictEqual(await outcomes({ segment: { by: 'channel', value: null } }), [1, 0, 0, 0, 1]);
            const page = await store.chats(context, { metric: 'outcome', outcome: 'abandoned' }, { segment: { by: 'channel', value: 'sms' } });
            assert.deepStrictEqual(page.chats.map(c => c.chat), ['k4']);
            // Conversions per channel add up: leads k1 (web) k5 (whatsapp), booking k5.
            const leads = async (value: string | null) => (await store.conversions(context, { segment: { by: 'channel', value } })).find(c => c.goal === 'lead_captured')!.chats;
            assert.deepStrictEqual([await leads('web'), await leads('sms'), await leads('whatsapp'), await leads(null)], [1, 0, 1, 0]);
        } finally {
            await store.close();
        }
    });

    it('counts retry events per box with the chats behind them, and ranks the fix-first list by lost conversions', async () => {
        const store = await imported();
        try {
            const rows = await store.fixFirst(suite.context);
            // ask_name: drop-out k4; k1 k5 went on, both leads (rate 1), k5 booked (1/2): 1 + 0.5.
            // ask_insured: drop-out k2; k1 k4 k5 went on: 2 leads (2/3), 1 booking (1/3): 1.
            assert.deepStrictEqual(rows.map(r => [r.box, r.lostTotal, r.dropOuts, r.retries, r.retryChats]), [
                [D('ask_name'), 1.5, 1, 0, 0],
                [D('ask_insured'), 2 * (1 / 3) + 1 / 3, 1, 3, 2]
            ]);
            const page = await store.chats(suite.context, { metric: 'retries', box: D('ask_insured') });
            assert.deepStrictEqual(page.chats.map(c => [c.chat, c.count]), [['k1', 1], ['k2', 2]]);
            const web = await store.fixFirst(suite.context, { segment: { by: 'channel', value: 'web' } });
            assert.deepStrictEqual(web.find(r => r.box === D('ask_insured'))?.retries, 3);
            const sms = await store.fixFirst(suite.context, { segment: { by: 'channel', value: 'sms' } });
            assert.deepStrictEqual(sms.find(r => r.box === D('ask_insured')), undefined);
        } finally {
            await store.close();
        }
    });

    it('fills each chat\'s channel and source from the stored events when a database of the previous release is opened', async () => {
        let store = await imported();
        await store.close();
        await forgetChatChannels(engine, suite.temp);
        store = await engineStore(engine, suite.temp);
        try {
            assert.deepStrictEqual((await store.segmentValues(suite.context, 'channel')).map(s => [s.value, s.chats]), [['sms', 2], ['web', 2], ['whatsapp', 1], [null, 1]]);
            assert.deepStrictEqual((await store.segmentValues(suite.context, 'source')).map(s => s.value), ['google-ads', 'newsletter', null]);
        } finally {
            await store.close();
        }
    });
});
