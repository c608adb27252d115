import * as assert from 'node:assert';
import { alwaysValid, runningPValues, type ArmCounts } from '../../../analytics/experiments/always-valid.js';
import { probabilityBest } from '../../../analytics/experiments/probability-best.js';
import { chiSquareSurvival, sampleRatioMismatch } from '../../../analytics/experiments/srm.js';
import { twoProportionZTest } from '../../../analytics/z-test.js';
import { seededRandom } from '../../../language/simulator.js';

const ALPHA = 0.05;
const DAYS = 30;
const CHATS_PER_ARM_PER_DAY = 100;

/** One experiment looked at daily: cumulative counts per arm after each day. */
function simulate(rateA: number, rateB: number, random: () => number): Array<{ a: ArmCounts; b: ArmCounts }> {
    const a = { n: 0, converted: 0 };
    const b = { n: 0, converted: 0 };
    const looks: Array<{ a: ArmCounts; b: ArmCounts }> = [];
    for (let day = 0; day < DAYS; day++) {
        for (let chat = 0; chat < CHATS_PER_ARM_PER_DAY; chat++) {
            a.n++;
            b.n++;
            if (random() < rateA) a.converted++;
            if (random() < rateB) b.converted++;
        }
        looks.push({ a: { ...a }, b: { ...b } });
    }
    return looks;
}

/** How many of 1,000 experiments ever look significant: by the always-valid p-value, and by a z-test repeated at each look. */
function everSignificant(rateA: number, rateB: number, seed: number): { alwaysValid: number; naive: number } {
    const random = seededRandom(seed);
    let valid = 0;
    let naive = 0;
    for (let experiment = 0; experiment < 1000; experiment++) {
        const looks = simulate(rateA, rateB, random);
        if (runningPValues(looks, ALPHA).some(p => p < ALPHA)) valid++;
        if (looks.some(look => {
            const test = twoProportionZTest({ n: look.a.n, successes: look.a.converted }, { n: look.b.n, successes: look.b.converted }, ALPHA);
            return test.kind === 'z-test' && test.significant;
        })) naive++;
    }
    return { alwaysValid: valid / 1000, naive: naive / 1000 };
}

describe('experiment statistics', () => {
    it('A/A: 1,000 experiments with equal arms, looked at daily for 30 days, stay at or below α = 5% (a z-test repeated daily does not)', function () {
        this.timeout(60_000);
        const rates = everSignificant(0.10, 0.10, 20261202);
        assert.ok(rates.alwaysValid <= ALPHA, `always-valid false positives: ${(rates.alwaysValid * 100).toFixed(1)}%`);
        assert.ok(rates.naive > 2 * ALPHA, `a daily z-test: ${(rates.naive * 100).toFixed(1)}% false positives, the peeking problem`);
    });

    it('a known effect (10% vs 14% conversion) is found in most experiments within the 30 days', function () {
        this.timeout(60_000);
        const rates = everSignificant(0.10, 0.14, 7);
        assert.ok(rates.alwaysValid >= 0.8, `found in ${(rates.alwaysValid * 100).toFixed(1)}% of 1,000 experiments`);
    });

    it('its interval holds the true difference at every look in at least 95% of A/A experiments', () => {
        const random = seededRandom(99);
        let misses = 0;
        for (let experiment = 0; experiment < 400; experiment++) {
            const looks = simulate(0.2, 0.2, random);
            if (looks.some(look => {
                const { interval } = alwaysValid(look.a, look.b, ALPHA);
                return interval[0] > 0 || interval[1] < 0;
            })) misses++;
        }
        assert.ok(misses / 400 <= ALPHA, `${misses} of 400 intervals missed 0 at some look`);
    });

    it('gives no evidence before each arm has a conversion and a non-conversion', () => {
        assert.deepStrictEqual(alwaysValid({ n: 10, converted: 0 }, { n: 10, converted: 0 }), { difference: 0, ratio: 1, pValue: 1, interval: [-1, 1] });
        assert.strictEqual(alwaysValid({ n: 0, converted: 0 }, { n: 10, converted: 3 }).pValue, 1);
    });

    it('probability to be best: even for equal arms, near 1 for a clear winner, the same for the same counts', () => {
        const equal = probabilityBest([{ n: 1000, converted: 100 }, { n: 1000, converted: 100 }]);
        assert.ok(Math.abs(equal[0] - 0.5) < 0.02, JSON.stringify(equal));
        const clear = probabilityBest([{ n: 2000, converted: 200 }, { n: 2000, converted: 300 }]);
        assert.ok(clear[1] > 0.999, JSON.stringify(clear));
        assert.deepStrictEqual(probabilityBest([{ n: 50, converted: 7 }, { n: 60, converted: 9 }, { n: 55, converted: 4 }]),
            probabilityBest([{ n: 50, converted: 7 }, { n: 60, converted: 9 }, { n: 55, converted: 4 }]));
    });

    it('sample ratio mismatch: chi-square against the weights, flagged under p < 0.001', () => {
        // Textbook values: chi-square 3.841 with 1 df has p = 0.05; 10.828 has p = 0.001.
        assert.ok(Math.abs(chiSquareSurvival(3.841459, 1) - 0.05) < 1e-5);
        assert.ok(Math.abs(chiSquareSurvival(10.828, 1) - 0.001) < 1e-5);
        assert.ok(Math.abs(chiSquareSurvival(7.814728, 3) - 0.05) < 1e-5);
        const fine = sampleRatioMismatch([5050, 4950], [50, 50]);
        assert.strictEqual(fine.mismatch, false);
        const broken = sampleRatioMismatch([5300, 4700], [50, 50]);
        assert.ok(broken.mismatch && broken.pValue < 1e-8, JSON.stringify(broken));
        assert.deepStrictEqual(sampleRatioMismatch([800, 200], [80, 20]).expected, [800, 200]);
    });
});
