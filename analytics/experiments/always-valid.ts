/**
 * Always-valid inference for the difference of two conversion rates: the mixture sequential
 * probability ratio test (mSPRT) of Johari, Koomen, Pekelis and Walsh, "Always Valid Inference:
 * Continuous Monitoring of A/B Tests" (Operations Research 70(3), 2022), in its normal
 * approximation. Its p-value may be looked at after every chat without inflating false
 * positives: the chance that it ever drops below α when the arms do not differ is at most α.
 *
 * The mixing distribution over the true difference θ is N(0, τ²); τ is the size of difference
 * the test is tuned to find soonest (here 5 percentage points). A smaller τ finds small
 * differences sooner and large ones later; any τ keeps the guarantee.
 */

export const DEFAULT_TAU = 0.05;

export interface ArmCounts {
    /** Chats that took the arm. */
    n: number;
    /** Of them, chats that converted on the measured goal. */
    converted: number;
}

export interface AlwaysValid {
    /** The rate of `b` minus the rate of `a`. */
    difference: number;
    /** The likelihood ratio of this look: the evidence that the rates differ. */
    ratio: number;
    /** 1 / ratio, capped at 1; the always-valid p-value is its running minimum over the looks. */
    pValue: number;
    /** A (1 − α) confidence interval for the difference, valid whenever it is looked at. */
    interval: [number, number];
}

/** The mSPRT at one look (cumulative counts); without a conversion and a non-conversion in each arm there is no evidence yet. */
export function alwaysValid(a: ArmCounts, b: ArmCounts, alpha = 0.05, tau = DEFAULT_TAU): AlwaysValid {
    const pa = a.n > 0 ? a.converted / a.n : 0;
    const pb = b.n > 0 ? b.converted / b.n : 0;
    const difference = pb - pa;
    const variance = (a.n > 0 ? pa * (1 - pa) / a.n : 0) + (b.n > 0 ? pb * (1 - pb) / b.n : 0);
    if (!(variance > 0) || a.n === 0 || b.n === 0) return { difference, ratio: 1, pValue: 1, interval: [-1, 1] };
    const t2 = tau * tau;
    const ratio = Math.sqrt(variance / (variance + t2)) * Math.exp((t2 * difference * difference) / (2 * variance * (variance + t2)));
    const halfWidth = Math.sqrt((variance * (variance + t2) / t2) * (2 * Math.log(1 / alpha) + Math.log((variance + t2) / variance)));
    return { difference, ratio, pValue: Math.min(1, 1 / ratio), interval: [Math.max(-1, difference - halfWidth), Math.min(1, difference + halfWidth)] };
}

/** The always-valid p-value after a series of looks: the smallest so far (it never rises). */
export function runningPValues(looks: ReadonlyArray<{ a: ArmCounts; b: ArmCounts }>, alpha = 0.05, tau = DEFAULT_TAU): number[] {
    let best = 1;
    return looks.map(look => (best = Math.min(best, alwaysValid(look.a, look.b, alpha, tau).pValue)));
}
