import type { SignificanceTest } from './model.js';
import { twoProportionZTest } from './z-test.js';

/** One segment's counts: its chats and, per measure (a goal's conversions, an outcome), the chats that had it. */
export interface SegmentCounts {
    chats: number;
    successes: Record<string, number>;
}

/** A segment's rate of one measure against the rest of the chats (all other segments together). */
export interface SegmentDifference {
    measure: string;
    rate: number;
    restRate: number;
    test: SignificanceTest;
    /** The Benjamini–Hochberg adjusted p-value, over every test that ran for these segments. */
    adjustedP?: number;
    /** adjustedP < alpha: the false discovery rate across the segments and measures is held at alpha. */
    significant: boolean;
}

/**
 * For each segment and measure: its rate against the rest's, a two-proportion z-test (reported
 * only under the n·p > 5 and n·(1−p) > 5 guards of z-test.ts), then the Benjamini–Hochberg
 * correction over all the tests that ran, so that among the differences marked significant at
 * most `alpha` are expected false.
 */
export function segmentDifferences(segments: readonly SegmentCounts[], measures: readonly string[], alpha = 0.05): SegmentDifference[][] {
    const total = { chats: segments.reduce((sum, s) => sum + s.chats, 0), successes: Object.fromEntries(measures.map(m => [m, segments.reduce((sum, s) => sum + (s.successes[m] ?? 0), 0)])) };
    const results = segments.map(segment => measures.map((measure): SegmentDifference => {
        const own = { n: segment.chats, successes: segment.successes[measure] ?? 0 };
        const rest = { n: total.chats - own.n, successes: total.successes[measure] - own.successes };
        return {
            measure,
            rate: own.n === 0 ? 0 : own.successes / own.n,
            restRate: rest.n === 0 ? 0 : rest.successes / rest.n,
            test: twoProportionZTest(rest, own, alpha, ['the other segments', 'the segment']),
            significant: false
        };
    }));
    const ran = results.flat().filter(d => d.test.kind === 'z-test');
    const adjusted = benjaminiHochberg(ran.map(d => (d.test.kind === 'z-test' ? d.test.pValue : 1)));
    ran.forEach((difference, i) => {
        difference.adjustedP = adjusted[i];
        difference.significant = adjusted[i] < alpha;
    });
    return results;
}

/** Benjamini–Hochberg adjusted p-values, in the order given: p(i)·m/rank, made monotone from the largest down, at most 1. */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
    const m = pValues.length;
    const order = pValues.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p);
    const adjusted = new Array<number>(m);
    let smallest = 1;
    for (let rank = m; rank >= 1; rank--) {
        const { p, i } = order[rank - 1];
        smallest = Math.min(smallest, (p * m) / rank);
        adjusted[i] = smallest;
    }
    return adjusted;
}
