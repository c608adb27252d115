/**
 * Delta debugging: the smallest text (by lines, then by characters) that still fails. `fails` gets
 * the candidate text and, for a finding at a cursor position, the cursor mapped into it; a cut
 * that would remove the cursor's character is not tried.
 */
export interface ShrinkResult { text: string; offset?: number; tries: number }

export interface ShrinkOptions {
    /** Stop trying after this many calls of `fails` (each builds the document once). */
    maxTries?: number;
    /** The character pass runs on texts at most this long (it tries every character). */
    maxCharPass?: number;
}

type Fails = (text: string, offset: number | undefined) => Promise<boolean>;

export async function shrink(text: string, offset: number | undefined, fails: Fails, options: ShrinkOptions = {}): Promise<ShrinkResult> {
    const maxTries = options.maxTries ?? 400;
    let state: ShrinkResult = { text, offset, tries: 0 };
    state = await pass(state, lineCuts, fails, maxTries);
    if (state.text.length <= (options.maxCharPass ?? 3000)) state = await pass(state, charCuts, fails, maxTries);
    return state;
}

/** Cut boundaries of a text: offsets where a unit (a line, a character) starts, plus the end. */
type Cuts = (text: string) => number[];

const lineCuts: Cuts = text => {
    const cuts = [0];
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) cuts.push(i + 1);
    if (cuts[cuts.length - 1] !== text.length) cuts.push(text.length);
    return cuts;
};

const charCuts: Cuts = text => Array.from({ length: text.length + 1 }, (_, i) => i);

/** ddmin on the units of `cuts`: removes chunks of n/2, n/4, … units while the text still fails. */
async function pass(state: ShrinkResult, cuts: Cuts, fails: Fails, maxTries: number): Promise<ShrinkResult> {
    let current = state;
    let units = cuts(current.text).length - 1;
    for (let size = Math.max(1, Math.floor(units / 2)); size >= 1 && current.tries < maxTries; size = Math.floor(size / 2)) {
        let removed = true;
        while (removed && current.tries < maxTries) {
            removed = false;
            const boundaries = cuts(current.text);
            units = boundaries.length - 1;
            for (let start = units - size; start >= 0 && current.tries < maxTries; start -= size) {
                const from = boundaries[Math.max(0, start)], to = boundaries[Math.min(units, start + size)];
                if (current.offset !== undefined && current.offset >= from && current.offset < to) continue;
                const offset = current.offset === undefined ? undefined : current.offset >= to ? current.offset - (to - from) : current.offset;
                const candidate = current.text.substring(0, from) + current.text.substring(to);
                current = { ...current, tries: current.tries + 1 };
                if (await fails(candidate, offset)) {
                    current = { text: candidate, offset, tries: current.tries };
                    removed = true;
                    break;
                }
            }
        }
        if (size === 1) break;
    }
    return current;
}
