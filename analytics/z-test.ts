import type { SignificanceTest } from './model.js';

export interface Proportion {
    /** Chats in the sample. */
    n: number;
    /** Chats that converted. */
    successes: number;
}

/**
 * Two-proportion z-test (pooled standard error), two-sided. Reported only when the normal
 * approximation holds on both sides: n·p > 5 and n·(1−p) > 5, with p each sample's own rate
 * (that is, more than 5 conversions and more than 5 non-conversions in each version).
 */
export function twoProportionZTest(a: Proportion, b: Proportion, alpha = 0.05, names: readonly [string, string] = ['version a', 'version b']): SignificanceTest {
    const guard = [check(names[0], a), check(names[1], b)].filter((r): r is string => r !== undefined);
    if (guard.length > 0) return { kind: 'insufficient-sample', reason: guard.join('; ') };
    const pa = a.successes / a.n;
    const pb = b.successes / b.n;
    const pooled = (a.successes + b.successes) / (a.n + b.n);
    const se = Math.sqrt(pooled * (1 - pooled) * (1 / a.n + 1 / b.n));
    const z = (pb - pa) / se;
    const pValue = 2 * (1 - normalCdf(Math.abs(z)));
    return { kind: 'z-test', z, pValue, difference: pb - pa, significant: pValue < alpha };
}

function check(name: string, sample: Proportion): string | undefined {
    if (sample.n === 0) return `${name} has no chats`;
    // With p = successes / n, n·p and n·(1−p) are exactly the conversions and the non-conversions.
    const np = sample.successes;
    const nq = sample.n - sample.successes;
    if (np > 5 && nq > 5) return undefined;
    return `${name}: n·p = ${np} and n·(1−p) = ${nq}; both must exceed 5`;
}

/** Standard normal CDF via the complementary error function (Numerical Recipes erfc, |error| < 1.2e-7). */
export function normalCdf(x: number): number {
    return 0.5 * erfc(-x / Math.SQRT2);
}

function erfc(x: number): number {
    const z = Math.abs(x);
    const t = 1 / (1 + 0.5 * z);
    const r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
        + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
    return x >= 0 ? r : 2 - r;
}
