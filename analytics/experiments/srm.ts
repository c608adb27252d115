/**
 * Sample ratio mismatch: do the arms get the shares of chats their weights promise? A chi-square
 * goodness-of-fit test of the chats per arm against the weights. A mismatch (p < 0.001, the usual
 * threshold: Fabijan et al., "Diagnosing Sample Ratio Mismatch in Online Controlled
 * Experiments", KDD 2019) means the assignment or the logging is broken, and the arms' numbers
 * cannot be trusted whatever they say.
 */

export const SRM_THRESHOLD = 0.001;

export interface SampleRatio {
    chiSquare: number;
    pValue: number;
    /** p < 0.001. */
    mismatch: boolean;
    /** Chats each arm should have had by its weight. */
    expected: number[];
}

export function sampleRatioMismatch(chats: readonly number[], weights: readonly number[]): SampleRatio {
    const total = chats.reduce((sum, n) => sum + n, 0);
    const weightSum = weights.reduce((sum, w) => sum + w, 0);
    const expected = weights.map(w => (weightSum > 0 ? total * w / weightSum : 0));
    if (total === 0 || chats.length < 2) return { chiSquare: 0, pValue: 1, mismatch: false, expected };
    const chiSquare = chats.reduce((sum, n, i) => sum + (expected[i] > 0 ? (n - expected[i]) ** 2 / expected[i] : 0), 0);
    const pValue = chiSquareSurvival(chiSquare, chats.length - 1);
    return { chiSquare, pValue, mismatch: pValue < SRM_THRESHOLD, expected };
}

/** P(X ≥ x) for X chi-square with `df` degrees of freedom: the upper regularized gamma Q(df/2, x/2). */
export function chiSquareSurvival(x: number, df: number): number {
    if (x <= 0) return 1;
    return upperRegularizedGamma(df / 2, x / 2);
}

/** Q(a, x) (Numerical Recipes: the series for x < a + 1, else the continued fraction). */
function upperRegularizedGamma(a: number, x: number): number {
    const lnPrefix = -x + a * Math.log(x) - logGamma(a);
    if (x < a + 1) {
        let term = 1 / a;
        let sum = term;
        for (let n = 1; n < 500; n++) {
            term *= x / (a + n);
            sum += term;
            if (Math.abs(term) < Math.abs(sum) * 1e-15) break;
        }
        return Math.max(0, 1 - sum * Math.exp(lnPrefix));
    }
    let b = x + 1 - a;
    let c = 1 / 1e-300;
    let d = 1 / b;
    let h = d;
    for (let i = 1; i < 500; i++) {
        const an = -i * (i - a);
        b += 2;
        d = an * d + b;
        if (Math.abs(d) < 1e-300) d = 1e-300;
        c = b + an / c;
        if (Math.abs(c) < 1e-300) c = 1e-300;
        d = 1 / d;
        const delta = d * c;
        h *= delta;
        if (Math.abs(delta - 1) < 1e-15) break;
    }
    return Math.min(1, Math.exp(lnPrefix) * h);
}

/** ln Γ(x) (Lanczos approximation, g = 7). */
export function logGamma(x: number): number {
    const g = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
        12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
    if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
    const z = x - 1;
    let a = g[0];
    const t = z + 7.5;
    for (let i = 1; i < 9; i++) a += g[i] / (z + i);
    return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}
