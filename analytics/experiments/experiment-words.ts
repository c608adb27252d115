import type { ExperimentArmResult, ExperimentResult } from '../model.js';

const percent = (rate: number) => `${(rate * 100).toFixed(1)}%`;
const points = (difference: number) => `${difference >= 0 ? '+' : ''}${(difference * 100).toFixed(1)} pts`;

/** The arm the numbers favour: the decision's winner, else the arm most likely best. */
export function leadingArm(experiment: ExperimentResult): ExperimentArmResult | undefined {
    const winner = experiment.decision.kind === 'decide' ? experiment.decision.winner : undefined;
    return experiment.arms.find(arm => arm.arm === winner)
        ?? [...experiment.arms].sort((a, b) => b.probabilityBest - a.probabilityBest)[0];
}

/** The code lens of a split: `arm b +3.1 pts · 97% best · decide`. */
export function experimentLensTitle(experiment: ExperimentResult): string {
    if (experiment.chats === 0) return 'experiment: no chats yet';
    const lead = leadingArm(experiment)!;
    const parts = [`arm ${lead.arm}`];
    if (lead.difference !== undefined) parts[0] += ` ${points(lead.difference)}`;
    parts.push(`${Math.round(lead.probabilityBest * 100)}% best`);
    parts.push({ 'decide': 'decide', 'keep-running': 'keep running', 'no-difference': 'no difference', 'check-assignment': 'sample ratio mismatch' }[experiment.decision.kind]);
    return parts.join(' · ');
}

/** One line per arm and the decision, for the text report and the Analytics panel. */
export function experimentInWords(experiment: ExperimentResult): string[] {
    const lines = experiment.arms.map(arm => {
        const versus = arm.difference === undefined
            ? '(control)'
            : `${points(arm.difference)} [${points(arm.interval![0])}, ${points(arm.interval![1])}], always-valid p = ${formatP(arm.pValue!)}`;
        return `arm ${arm.arm} (${arm.weight}%): ${arm.converted}/${arm.chats} = ${percent(arm.rate)} ${versus}, ${percent(arm.probabilityBest)} best`;
    });
    lines.push(`sample ratio: chi-square ${experiment.srm.chiSquare.toFixed(2)}, p = ${formatP(experiment.srm.pValue)}${experiment.srm.mismatch ? ': MISMATCH' : ''}`);
    if (experiment.minimumDetectableEffect !== undefined) lines.push(`minimum detectable effect now: ${(experiment.minimumDetectableEffect * 100).toFixed(1)} pts (80% power, fixed horizon)`);
    lines.push(`decision: ${experiment.decision.kind === 'decide' ? `decide for arm ${experiment.decision.winner}` : experiment.decision.kind}: ${experiment.decision.reason}`);
    return lines;
}

function formatP(p: number): string {
    return p < 0.0001 ? '< 0.0001' : p.toFixed(4);
}
