import * as assert from 'node:assert';
import { eventTimes, staleWarning } from '../../../analytics/export/time-window.js';
import { parseTimeZone } from '../../../analytics/time-zone.js';

const NOW = Date.parse('2026-11-25T08:30:00Z');
const HOUR = 3_600_000;

describe('export: events older than the platform accepts', () => {
    it('warns for GA4 events older than 72 hours, counting them and naming the first safe --from day', () => {
        const times = [NOW - 2 * HOUR, NOW - 71 * HOUR, NOW - 73 * HOUR, Date.parse('2026-11-03T10:00:00Z')];
        assert.strictEqual(staleWarning('ga4', times, NOW),
            '2 of 4 events are older than GA4 accepts (72 hours, the oldest from 2026-11-03): GA4 drops them without an error. Send recent days only, e.g. --from 2026-11-23.');
    });

    it('gives Meta 7 days, and says nothing when every event is recent enough', () => {
        assert.strictEqual(staleWarning('meta', [NOW - 6 * 24 * HOUR, NOW - HOUR], NOW), undefined);
        assert.match(staleWarning('meta', [NOW - 8 * 24 * HOUR, NOW - HOUR], NOW)!, /^1 of 2 events are older than Meta accepts \(168 hours, the oldest from 2026-11-17\): Meta drops them\. Send recent days only, e\.g\. --from 2026-11-19\.$/);
        assert.strictEqual(staleWarning('ga4', [], NOW), undefined);
    });

    it('names the days in the time zone --from is read in', () => {
        // 72 hours before NOW is 2026-11-22 08:30 UTC: 02:30 in Chicago, 10:30 at +02:00.
        const times = [Date.parse('2026-11-02T23:30:00Z')];
        assert.match(staleWarning('ga4', times, NOW, parseTimeZone('America/Chicago'))!, /the oldest from 2026-11-02\).* --from 2026-11-23\.$/);
        assert.match(staleWarning('ga4', times, NOW, parseTimeZone('+02:00'))!, /the oldest from 2026-11-03\).* --from 2026-11-23\.$/);
        assert.match(staleWarning('ga4', times, Date.parse('2026-11-25T23:30:00Z'), parseTimeZone('+02:00'))!, /--from 2026-11-24\.$/);
    });

    it('reads the event times from both payload shapes', () => {
        assert.deepStrictEqual(eventTimes([
            { client_id: 'a', timestamp_micros: NOW * 1000, events: [{ name: 'generate_lead', params: {} }] },
            { data: [{ event_name: 'Lead', event_time: NOW / 1000, action_source: 'chat', event_id: 'x' }] }
        ]), [NOW, NOW]);
    });
});
