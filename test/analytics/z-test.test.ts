import * as assert from 'node:assert';
import { normalCdf, twoProportionZTest } from '../../analytics/z-test.js';

describe('two-proportion z-test for version comparison', () => {
    it('matches a hand calculation', () => {
        // v1: 30 of 200 chats booked (15%), v2: 55 of 220 (25%).
        // pooled p = 85/420 = 0.2023810; p(1-p) = 0.1614229; 1/200 + 1/220 = 0.0095455
        // se = sqrt(0.1614229 * 0.0095455) = 0.0392537; z = (0.25 - 0.15) / 0.0392537 = 2.54753
        // two-sided p = 2 * (1 - Phi(2.54753)) = 0.010849
        const result = twoProportionZTest({ n: 200, successes: 30 }, { n: 220, successes: 55 });
        assert.strictEqual(result.kind, 'z-test');
        if (result.kind !== 'z-test') return;
        assert.ok(Math.abs(result.z - 2.54753) < 1e-5, `z = ${result.z}`);
        assert.ok(Math.abs(result.pValue - 0.010849) < 1e-5, `p = ${result.pValue}`);
        assert.ok(Math.abs(result.difference - 0.1) < 1e-12);
        assert.strictEqual(result.significant, true);
    });

    it('is symmetric and not significant for equal rates', () => {
        const same = twoProportionZTest({ n: 400, successes: 40 }, { n: 500, successes: 50 });
        assert.ok(same.kind === 'z-test' && same.z === 0 && Math.abs(same.pValue - 1) < 1e-6 && !same.significant);
        const ab = twoProportionZTest({ n: 200, successes: 30 }, { n: 220, successes: 55 });
        const ba = twoProportionZTest({ n: 220, successes: 55 }, { n: 200, successes: 30 });
        assert.ok(ab.kind === 'z-test' && ba.kind === 'z-test' && Math.abs(ab.z + ba.z) < 1e-12 && Math.abs(ab.pValue - ba.pValue) < 1e-12);
    });

    it('refuses to test unless n·p > 5 and n·(1−p) > 5 on both sides, and says why', () => {
        // 5 conversions: n·p = 5 is not > 5.
        const few = twoProportionZTest({ n: 100, successes: 5 }, { n: 100, successes: 20 });
        assert.deepStrictEqual(few, { kind: 'insufficient-sample', reason: 'version a: n·p = 5 and n·(1−p) = 95; both must exceed 5' });
        // Nearly everyone converted in b: n·(1−p) = 4.
        const many = twoProportionZTest({ n: 100, successes: 50 }, { n: 100, successes: 96 });
        assert.strictEqual(many.kind === 'insufficient-sample' && many.reason, 'version b: n·p = 96 and n·(1−p) = 4; both must exceed 5');
        assert.strictEqual(twoProportionZTest({ n: 0, successes: 0 }, { n: 100, successes: 50 }).kind, 'insufficient-sample');
        // Just enough on both sides: 6 and 6.
        assert.strictEqual(twoProportionZTest({ n: 12, successes: 6 }, { n: 12, successes: 6 }).kind, 'z-test');
    });

    it('has an accurate normal CDF', () => {
        assert.ok(Math.abs(normalCdf(0) - 0.5) < 1e-7);
        assert.ok(Math.abs(normalCdf(1.959964) - 0.975) < 1e-6);
        assert.ok(Math.abs(normalCdf(-2.575829) - 0.005) < 1e-6);
    });
});
