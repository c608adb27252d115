import { seededRandom } from '../seeded-random.js';
import RandExpModule from 'randexp';
import { matchesPattern } from '../input-values.js';

/**
 * Strings that match a `matches` pattern, generated from the pattern itself (randexp). The
 * package's typings declare an ES default export while Node hands ES modules its CommonJS
 * `module.exports`, which is the class: hence the cast.
 */
type RandExpClass = typeof import('randexp').default;
const RandExp = RandExpModule as unknown as RandExpClass;

/** Letters, digits and a space: what a person would type, tried first so generated tests read well. */
const READABLE: Array<[number, number]> = [[32, 32], [48, 57], [65, 90], [97, 122]];

/**
 * Up to `count` distinct samples of the pattern that the simulator's own `matches` check accepts,
 * the same for the same pattern every time (a seeded generator), so a generated test does not
 * change from one run to the next. An invalid pattern yields none.
 */
export function patternSamples(pattern: string, count = 24): string[] {
    const found = new Set<string>();
    for (const readable of [true, false]) {
        let generator: InstanceType<RandExpClass>;
        try {
            generator = new RandExp(pattern);
        } catch {
            return [];
        }
        const random = seededRandom(hash(pattern) + (readable ? 0 : 1));
        generator.randInt = (a: number, b: number) => a + Math.floor(random() * (1 + b - a));
        // Open repetitions (`+`, `*`) stay short.
        generator.max = 3;
        if (readable) {
            const range = generator.defaultRange.clone().subtract(0, 0x10ffff);
            for (const [from, to] of READABLE) range.add(from, to);
            generator.defaultRange = range;
        }
        for (let attempt = 0; attempt < count * 3 && found.size < count; attempt++) {
            let sample: string;
            try {
                sample = generator.gen();
            } catch {
                break;
            }
            if (sample.trim() === sample && sample !== '' && matchesPattern(sample, pattern)) found.add(sample);
        }
        if (found.size >= count) break;
    }
    // Shorter samples first: they read better in a test.
    return [...found].sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
}

function hash(text: string): number {
    let h = 2166136261;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
    return h >>> 0;
}
