import { seededRandom } from '../../language/seeded-random.js';
/** A small seeded PRNG (mulberry32): the same seed gives the same mutants on every machine. */
export class Random {
    /** A float in [0, 1). */
    readonly next: () => number;

    constructor(seed: number) {
        this.next = seededRandom(seed);
    }

    /** An integer in [0, n). */
    int(n: number): number {
        return Math.floor(this.next() * n);
    }

    pick<T>(items: readonly T[]): T {
        return items[this.int(items.length)];
    }

    chance(p: number): boolean {
        return this.next() < p;
    }
}

/** A seed derived from a run seed and a mutant index, so one mutant can be replayed alone. */
export function mutantSeed(seed: number, index: number): number {
    return (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) + Math.imul(index + 1, 0xc2b2ae35)) >>> 0;
}
