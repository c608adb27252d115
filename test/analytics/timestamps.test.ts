import * as assert from 'node:assert';
import { parseTimestamp } from '../../analytics/import/timestamps.js';

describe('log timestamps', () => {
    it('reads ISO 8601 with Z, an offset or no zone, and epoch seconds and milliseconds', () => {
        assert.strictEqual(parseTimestamp('2026-11-02T09:14:03Z'), Date.UTC(2026, 10, 2, 9, 14, 3));
        assert.strictEqual(parseTimestamp('2026-11-02T09:14:03.250+02:00'), Date.UTC(2026, 10, 2, 7, 14, 3, 250));
        assert.strictEqual(parseTimestamp('2026-11-02 09:14'), Date.UTC(2026, 10, 2, 9, 14));
        assert.strictEqual(parseTimestamp('2026-11-02T09:14:03-0530'), Date.UTC(2026, 10, 2, 14, 44, 3));
        assert.strictEqual(parseTimestamp(1793610843), 1793610843000);
        assert.strictEqual(parseTimestamp('1793610843123'), 1793610843123);
        assert.strictEqual(parseTimestamp('2024-02-29T00:00:00Z'), Date.UTC(2024, 1, 29));
        assert.strictEqual(parseTimestamp('2100-12-31T23:59:59Z'), Date.UTC(2100, 11, 31, 23, 59, 59));
    });

    it('refuses a day the calendar does not have instead of rolling it into the next month', () => {
        assert.strictEqual(parseTimestamp('2026-02-30T10:00:00Z'), "'2026-02-30T10:00:00Z' is not a date: February 2026 has 28 days");
        assert.strictEqual(parseTimestamp('2026-04-31 10:00'), "'2026-04-31 10:00' is not a date: April 2026 has 30 days");
        assert.strictEqual(parseTimestamp('2026-13-01T10:00:00Z'), "'2026-13-01T10:00:00Z': there is no month 13; use YYYY-MM-DD");
        assert.match(String(parseTimestamp('2026-11-02T24:00:00Z')), /is not a time of day/);
    });

    it('refuses years outside 1970-2100, saying so', () => {
        assert.strictEqual(parseTimestamp('0001-01-01T00:00:00Z'), "'0001-01-01T00:00:00Z': the year 0001 is outside 1970-2100; fix the logger's clock or the line");
        assert.match(String(parseTimestamp('2101-01-01T00:00:00Z')), /the year 2101 is outside 1970-2100/);
        assert.match(String(parseTimestamp(9_999_999_999_999)), /is outside the years 1970-2100/);
        assert.match(String(parseTimestamp(-5)), /is not an epoch timestamp: use seconds or milliseconds since 1970-01-01/);
    });

    it('says what to write when the time is missing or not a time', () => {
        assert.strictEqual(parseTimestamp(''), 'missing timestamp: add the time of the event, e.g. 2026-11-02T09:14:03Z');
        assert.strictEqual(parseTimestamp('yesterday'), "'yesterday' is not a timestamp: use ISO 8601 like 2026-11-02T09:14:03Z, or epoch seconds");
    });
});
