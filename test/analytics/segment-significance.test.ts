import * as assert from 'node:assert';
import { benjaminiHochberg, segmentDifferences } from '../../analytics/segment-significance.js';

describe('segment differences: two-proportion tests with the Benjamini–Hochberg correction', () => {
    it('adjusts p-values as p·m/rank, monotone from the largest down, in the order given', () => {
        // Sorted 0.005 0.01 0.03 0.04 (m = 4): 0.02, 0.02, 0.04, 0.04.
        const adjusted = benjaminiHochberg([0.01, 0.04, 0.03, 0.005]);
        assert.deepStrictEqual(adjusted.map(p => Number(p.toFixed(10))), [0.02, 0.04, 0.04, 0.02]);
        assert.deepStrictEqual(benjaminiHochberg([0.9, 0.8]), [0.9, 0.9]);
        assert.deepStrictEqual(benjaminiHochberg([]), []);
    });

    it('compares each segment with the others together and marks what stays significant after the correction', () => {
        // web 30/100 against sms 10/100: pooled 0.2, se = sqrt(0.2·0.8·(2/100)), z = 0.2 / 0.0566 = 3.54, p = 0.0004.
        const [web, sms] = segmentDifferences([{ chats: 100, successes: { lead: 30 } }, { chats: 100, successes: { lead: 10 } }], ['lead']);
        assert.strictEqual(web[0].rate, 0.3);
        assert.strictEqual(web[0].restRate, 0.1);
        assert.ok(web[0].test.kind === 'z-test' && Math.abs(web[0].test.z - 3.5355) < 1e-3 && Math.abs(web[0].test.pValue - 0.000407) < 2e-5);
        assert.ok(web[0].significant && sms[0].significant);
        assert.ok(sms[0].test.kind === 'z-test' && sms[0].test.z < 0);
    });

    it('keeps the n·p guards: a segment with 5 or fewer conversions is not tested, and does not count toward m', () => {
        const result = segmentDifferences([
            { chats: 1000, successes: { lead: 100 } }, { chats: 1000, successes: { lead: 130 } }, { chats: 20, successes: { lead: 5 } }
        ], ['lead']);
        assert.deepStrictEqual(result[2][0].test, { kind: 'insufficient-sample', reason: 'the segment: n·p = 5 and n·(1−p) = 15; both must exceed 5' });
        assert.strictEqual(result[2][0].significant, false);
        assert.strictEqual(result[2][0].adjustedP, undefined);
        // Two tests ran: the larger p-value keeps its value, the smaller is doubled unless the larger is smaller than that.
        const [a, b] = [result[0][0], result[1][0]];
        const raw = [a, b].map(d => (d.test.kind === 'z-test' ? d.test.pValue : NaN));
        assert.deepStrictEqual([a.adjustedP, b.adjustedP], benjaminiHochberg(raw));
    });
});
