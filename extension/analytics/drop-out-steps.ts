import type { BoxStats } from '../../server/protocol.js';

/**
 * Drop-out rate thresholds of the shading steps (the rate must reach the step's value), shared by
 * the editor decorations and the preview graph so both shade a box alike. Pure: no 'vscode'.
 */
export const DROP_OUT_STEPS = [0.05, 0.15, 0.30] as const;

/** The step (index into DROP_OUT_STEPS) of a box, or -1 for no shading. */
export function shadingStep(stats: Pick<BoxStats, 'visits' | 'dropOutRate'>): number {
    let step = -1;
    DROP_OUT_STEPS.forEach((from, i) => { if (stats.visits > 0 && stats.dropOutRate >= from) step = i; });
    return step;
}
