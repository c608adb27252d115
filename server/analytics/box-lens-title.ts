import type { BoxStats } from '../../analytics/model.js';

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
