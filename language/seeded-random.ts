/**
 * mulberry32: a small, fast, seeded generator. The same seed gives the same draws on every
 * machine: the simulator's arm draws, generated tests, sample logs, fuzzing and benchmarks all
 * use it so that a run can be repeated. Quality is not the point, repeatability is.
 */
export function seededRandom(seed: number): () => number {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}
