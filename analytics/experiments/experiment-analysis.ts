import type { FlowBox } from '../../language/flow-model.js';
import type { ExperimentArmResult, ExperimentDecision, ExperimentResult } from '../model.js';
import { alwaysValid, type ArmCounts } from './always-valid.js';
import { probabilityBest } from './probability-best.js';
import { sampleRatioMismatch } from './srm.js';

export const EXPERIMENT_ALPHA = 0.05;
/** z for a two-sided 5% test, and for 80% power: the fixed-horizon minimum detectable effect. */
const Z_ALPHA = 1.959964;
const Z_POWER = 0.841621;

/**
 * An experiment's numbers from its arms' chats and conversions per day (cumulated here), and the
 * decision they support. Each arm is compared with the first (the control) by the always-valid
 * p-value, Bonferroni-corrected across the comparisons; an arm wins when it is significantly
 * better and the assignment shows no sample ratio mismatch. An experiment that reached its
 * `stop at` without a winner has no detectable difference.
 */
export function analyseExperiment(flow: string, split: FlowBox, days: ReadonlyArray<{ box: string; day: string; chats: number; converted: number }>): ExperimentResult {
    const spec = split.split ?? { arms: [] };
    const arms = spec.arms;
    const index = new Map(arms.map((arm, i) => [arm.to, i]));
    const totals: ArmCounts[] = arms.map(() => ({ n: 0, converted: 0 }));
    const daily: ExperimentResult['daily'] = [];
    const alpha = EXPERIMENT_ALPHA / Math.max(1, arms.length - 1);
    let smallest = 1;
    for (const day of [...new Set(days.map(d => d.day))].sort()) {
        for (const row of days.filter(d => d.day === day)) {
            const i = index.get(row.box);
            if (i === undefined) continue;
            totals[i].n += row.chats;
            totals[i].converted += row.converted;
        }
        for (let i = 1; i < arms.length; i++) smallest = Math.min(smallest, alwaysValid(totals[0], totals[i], alpha).pValue);
        daily.push({ day, chats: totals.map(t => t.n), converted: totals.map(t => t.converted), pValue: smallest });
    }
    // Each comparison's p-value is its running minimum over the days, its interval the running
    // intersection: both stay valid at every look, and never contradict an earlier one.
    const running = arms.map((_, i) => (i === 0 ? undefined : runningMinimum(daily, d => alwaysValid(at(d, 0), at(d, i), alpha).pValue)));
    const intervals = arms.map((_, i) => (i === 0 ? undefined : daily.reduce<[number, number]>((acc, d) => {
        const [lo, hi] = alwaysValid(at(d, 0), at(d, i), alpha).interval;
        return [Math.max(acc[0], lo), Math.min(acc[1], hi)];
    }, [-1, 1])));
    const best = probabilityBest(totals);
    const results: ExperimentArmResult[] = arms.map((arm, i) => {
        const counts = totals[i];
        const result: ExperimentArmResult = {
            arm: arm.name, box: arm.to, weight: arm.weight, chats: counts.n, converted: counts.converted,
            rate: counts.n === 0 ? 0 : counts.converted / counts.n, probabilityBest: best[i]
        };
        if (i > 0) {
            const now = alwaysValid(totals[0], counts, alpha);
            Object.assign(result, { difference: now.difference, interval: intervals[i], pValue: running[i] });
        }
        return result;
    });
    const srm = sampleRatioMismatch(totals.map(t => t.n), arms.map(a => a.weight));
    const chats = totals.reduce((sum, t) => sum + t.n, 0);
    return {
        flow, split: split.id, measure: spec.measure, stopAt: spec.stopAt, chats, arms: results,
        srm: { chiSquare: srm.chiSquare, pValue: srm.pValue, mismatch: srm.mismatch },
        minimumDetectableEffect: minimumDetectableEffect(totals),
        decision: decide(results, srm.mismatch, chats, spec.stopAt, alpha, spec.measure),
        alpha,
        daily
    };
}

function at(day: ExperimentResult['daily'][number], i: number): ArmCounts {
    return { n: day.chats[i], converted: day.converted[i] };
}

function runningMinimum<T>(items: readonly T[], value: (item: T) => number): number {
    return items.reduce((min, item) => Math.min(min, value(item)), 1);
}

function decide(arms: readonly ExperimentArmResult[], mismatch: boolean, chats: number, stopAt: number | undefined, alpha: number, measure: string | undefined): ExperimentDecision {
    if (!measure) return { kind: 'keep-running', reason: 'the split measures no goal' };
    if (arms.length < 2 || chats === 0) return { kind: 'keep-running', reason: 'no chat has taken an arm yet' };
    if (mismatch) return { kind: 'check-assignment', reason: 'the arms did not get the shares of chats their weights promise (sample ratio mismatch, p < 0.001): check the assignment and the logs before trusting the numbers' };
    const winners = arms.slice(1).filter(arm => (arm.pValue ?? 1) < alpha && (arm.difference ?? 0) > 0);
    const losers = arms.slice(1).filter(arm => (arm.pValue ?? 1) < alpha && (arm.difference ?? 0) < 0);
    if (winners.length > 0) {
        const winner = winners.reduce((a, b) => (b.probabilityBest > a.probabilityBest ? b : a));
        return { kind: 'decide', winner: winner.arm, reason: `arm ${winner.arm} converts better than arm ${arms[0].arm} (always-valid p ${winner.pValue! < 0.0001 ? '' : '= '}${format(winner.pValue!)} < ${format(alpha)})` };
    }
    if (losers.length === arms.length - 1) {
        return { kind: 'decide', winner: arms[0].arm, reason: `every other arm converts worse than arm ${arms[0].arm} (always-valid p < ${format(alpha)})` };
    }
    if (stopAt !== undefined && chats >= stopAt) {
        return { kind: 'no-difference', reason: `the experiment reached its ${stopAt} chats without a significant difference` };
    }
    return { kind: 'keep-running', reason: 'no arm differs significantly yet' };
}

/** Fixed-horizon, two-sided α = 5%, power 80%, between the first arm and an equal-sized other, at the pooled rate. */
function minimumDetectableEffect(arms: readonly ArmCounts[]): number | undefined {
    if (arms.length < 2 || arms.some(a => a.n === 0)) return undefined;
    const n = arms.reduce((sum, a) => sum + a.n, 0);
    const rate = arms.reduce((sum, a) => sum + a.converted, 0) / n;
    if (rate <= 0 || rate >= 1) return undefined;
    return (Z_ALPHA + Z_POWER) * Math.sqrt(rate * (1 - rate) * (1 / arms[0].n + 1 / arms[1].n));
}

function format(p: number): string {
    return p < 0.0001 ? '< 0.0001' : p.toFixed(4);
}
