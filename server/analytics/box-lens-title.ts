import type { BoxStats, OutcomeCounts, ProblemBox } from '../../analytics/model.js';

/** How many goals a lens names at most (the ones with the most conversions). */
const GOALS_SHOWN = 2;

/** `412 chats · 37 dropped (9.0%) · 18 → appointment`; end and handoff boxes have no drop-outs. */
export function boxLensTitle(stats: BoxStats, canDropOut: boolean): string {
    const parts = [`${stats.visits} chat${stats.visits === 1 ? '' : 's'}`];
    if (canDropOut) parts.push(`${stats.dropOuts} dropped (${(stats.dropOutRate * 100).toFixed(1)}%)`);
    const goals = Object.entries(stats.conversions)
        .filter(([, chats]) => chats > 0)
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, GOALS_SHOWN);
    for (const [goal, chats] of goals) parts.push(`${chats} → ${goal}`);
    return parts.join(' · ');
}

/** `6 chats · 33.3% contained · 16.7% escalated · 33.3% abandoned · 16.7% in progress · fix first: ask_name (1.5 lost)`. */
export function flowLensTitle(outcomes: OutcomeCounts & { chats: number }, fixFirst?: ProblemBox): string {
    const share = (n: number) => `${(n / outcomes.chats * 100).toFixed(1)}%`;
    const parts = [`${outcomes.chats} chat${outcomes.chats === 1 ? '' : 's'}`, `${share(outcomes.contained)} contained`, `${share(outcomes.escalated)} escalated`,
        `${share(outcomes.abandoned)} abandoned`, `${share(outcomes.inProgress)} in progress`];
    if (fixFirst) parts.push(`fix first: ${fixFirst.label} (${fixFirst.lostTotal.toFixed(1)} lost)`);
    return parts.join(' · ');
}
