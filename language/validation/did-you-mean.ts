/**
 * The most edits a typo can have. Also what keeps a suggestion cheap: the distance is computed in a
 * band of this width, so a 40,000-character name costs 40,000 × 17 steps, not 40,000².
 */
export const MAX_TYPO_EDITS = 8;

/**
 * "Did you mean" suggestions: the candidate closest to a misspelt name by edit distance, if it
 * is close enough to be a plausible typo (about one edit per three characters, at most MAX_TYPO_EDITS).
 */
export function closestName(name: string | undefined, candidates: Iterable<string>): string | undefined {
    if (!name) return undefined;
    const limit = Math.min(MAX_TYPO_EDITS, Math.max(1, Math.floor(name.length / 3)));
    const lower = name.toLowerCase();
    let best: string | undefined;
    let bestDistance = limit + 1;
    for (const candidate of candidates) {
        if (!candidate || candidate === name || Math.abs(candidate.length - name.length) >= bestDistance) continue;
        // A difference in case only is the most likely typo of all.
        const distance = candidate.toLowerCase() === lower ? 0.5 : editDistance(lower, candidate.toLowerCase(), bestDistance);
        if (distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return best;
}

/** " Did you mean 'x'?" or nothing: appended to messages. */
export function didYouMean(suggestion: string | undefined): string {
    return suggestion === undefined ? '' : ` Did you mean '${suggestion}'?`;
}

/**
 * Levenshtein distance, or `bound` when it is `bound` or more. Only cells with |i - j| < bound
 * are computed (a path through any other cell costs at least `bound`), and the rows stop once every
 * cell of one costs at least `bound`: O(min(|a|, |b|) × bound) instead of O(|a| × |b|).
 */
export function editDistance(a: string, b: string, bound: number): number {
    if (Math.abs(a.length - b.length) >= bound) return bound;
    const width = Math.ceil(bound);
    let previous = new Array<number>(b.length + 1).fill(bound);
    let current = new Array<number>(b.length + 1).fill(bound);
    for (let j = 0; j <= Math.min(b.length, width); j++) previous[j] = j;
    for (let i = 1; i <= a.length; i++) {
        const from = Math.max(1, i - width);
        const to = Math.min(b.length, i + width);
        current[from - 1] = from === 1 ? i : bound;
        let rowMin = current[from - 1];
        for (let j = from; j <= to; j++) {
            const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
            const value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost, bound);
            current[j] = value;
            if (value < rowMin) rowMin = value;
        }
        if (to < b.length) current[to + 1] = bound;
        if (rowMin >= bound) return bound;
        [previous, current] = [current, previous];
    }
    return Math.min(previous[b.length], bound);
}
