import * as assert from 'node:assert';
import { closestName, editDistance } from '../../../language/validation/did-you-mean.js';
import { validate } from './validate.js';

/** Plain Levenshtein, for comparison. */
function levenshtein(a: string, b: string): number {
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        previous = current;
    }
    return previous[b.length];
}

/** Every string over `alphabet` up to `length` characters. */
function allStrings(alphabet: string, length: number): string[] {
    let level = [''];
    const result = [''];
    for (let n = 1; n <= length; n++) {
        level = level.flatMap(s => [...alphabet].map(c => s + c));
        result.push(...level);
    }
    return result;
}

describe('"did you mean" suggestions', () => {
    it('computes the bounded edit distance exactly, for every pair of short strings and bound', () => {
        const strings = allStrings('ab', 5);
        for (const a of strings) {
            for (const b of strings) {
                for (const bound of [1, 1.5, 2, 3, 4]) {
                    const expected = Math.min(levenshtein(a, b), bound);
                    assert.strictEqual(editDistance(a, b, bound), expected >= bound ? bound : expected, `${a} / ${b} within ${bound}`);
                }
            }
        }
    });

    it('still suggests a name of 40,000 characters referenced one character off (timed in bench/language/pathological.ts)', async () => {
        const name = `ask_${'x'.repeat(40_000)}`;
        const typo = `${name.slice(0, -1)}y`;
        const document = await validate(`flow F {\n    start ${name}\n    message ${name} "Hi" { -> ${typo} }\n}\n`);
        const error = (document.diagnostics ?? []).find(d => d.message.includes('Did you mean'));
        assert.ok(error, 'a did-you-mean suggestion');
        assert.ok(error.message.endsWith(`Did you mean '${name}'?`));
    });

    it('suggests nothing past a handful of edits, however long the names', () => {
        const long = 'a'.repeat(300);
        assert.strictEqual(closestName(long, [long.slice(0, 290) + 'b'.repeat(10)]), undefined);
        assert.strictEqual(closestName(long, [long.slice(0, 295) + 'b'.repeat(5)]), long.slice(0, 295) + 'b'.repeat(5));
    });
});
