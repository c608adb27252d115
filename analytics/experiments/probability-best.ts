import { seededRandom } from '../../language/simulator.js';
import type { ArmCounts } from './always-valid.js';

const DRAWS = 20_000;

/**
 * The probability that each arm has the highest conversion rate, under independent uniform
 * Beta(1, 1) priors (posterior Beta(1 + converted, 1 + n − converted) per arm), by Monte Carlo
 * with a fixed seed: the same counts always give the same numbers. A description of where the
 * evidence points, not the decision rule (the always-valid p-value is).
 */
export function probabilityBest(arms: readonly ArmCounts[], seed = 1): number[] {
    const random = seededRandom(seed);
    const wins = new Array<number>(arms.length).fill(0);
    for (let draw = 0; draw < DRAWS; draw++) {
        let best = -1;
        let bestValue = -Infinity;
        arms.forEach((arm, i) => {
            const value = betaSample(1 + arm.converted, 1 + arm.n - arm.converted, random);
            if (value > bestValue) {
                bestValue = value;
                best = i;
            }
        });
        wins[best]++;
    }
    return wins.map(w => w / DRAWS);
}

function betaSample(a: number, b: number, random: () => number): number {
    const x = gammaSample(a, random);
    const y = gammaSample(b, random);
    return x / (x + y);
}

/** Marsaglia and Tsang's method (shape ≥ 1; every shape here is). */
function gammaSample(shape: number, random: () => number): number {
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
        let x: number;
        let v: number;
        do {
            x = normalSample(random);
            v = 1 + c * x;
        } while (v <= 0);
        v = v * v * v;
        const u = random();
        if (u < 1 - 0.0331 * x ** 4 || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
    }
}

function normalSample(random: () => number): number {
    const u = 1 - random();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}
