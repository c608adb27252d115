/**
 * "Did you mean" suggestions: the candidate closest to a misspelt name by edit distance, if it
 * is close enough to be a plausible typo (about one edit per three characters).
 */
export function closestName(name: string | undefined, candidates: Iterable<string>): string | undefined {
    if (!name) return undefined;
    const limit = Math.max(1, Math.floor(name.length / 3));
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

/** Levenshtein distance, giving up (returning `bound`) once every path costs at least `bound`. */
function editDistance(a: string, b: string, bound: number): number {
    let previous = new Array<number>(b.length + 1);
    let current = new Array<number>(b.length + 1);
    for (let j = 0; j <= b.length; j++) previous[j] = j;
    for (let i = 1; i <= a.length; i++) {
        current[0] = i;
        let rowMin = i;
        for (let j = 1; j <= b.length; j++) {
            const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
            current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
            if (current[j] < rowMin) rowMin = current[j];
        }
        if (rowMin >= bound) return bound;
        [previous, current] = [current, previous];
    }
    return previous[b.length];
}
