import type { FlowGoal } from '../../language/flow-model.js';
import type { AnalyticsScope, ProblemBox } from '../../analytics/model.js';
import { scopeLabel } from '../../analytics/scope-words.js';
import { CLEAR_SCOPE_COMMAND, OPEN_ANALYTICS_COMMAND, type OpenAnalyticsAt } from '../protocol.js';

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * A box's place in its flow's fix-first list, for its hover (Markdown), or undefined when the box
 * is not in the list: "**Fix first: #1 of 2** — about 1.5 conversions lost", then per goal
 * "Lead captured: about 1.0 lost (1 drop-out × 100.0% conversion after this box)", a link to the
 * row in the Analytics panel, and the filter the numbers are for.
 */
export function fixFirstHover(rows: readonly ProblemBox[], box: string, goals: readonly FlowGoal[], at: OpenAnalyticsAt, scope: AnalyticsScope): string | undefined {
    const rank = rows.findIndex(row => row.box === box);
    if (rank < 0) return undefined;
    const row = rows[rank];
    const lines = [`**Fix first: #${rank + 1} of ${rows.length}** — ${row.dropOuts > 0 ? `about ${row.lostTotal.toFixed(1)} conversions lost` : 'no drop-outs here'}`
        + `${row.retries > 0 ? `, ${count(row.retries, 'retry', 'retries')}` : ''}${row.repeats > 0 ? `, ${count(row.repeats, 'repeat', 'repeats')}` : ''}`];
    if (row.dropOuts > 0) {
        const label = (goal: string) => goals.find(g => g.name === goal)?.label ?? goal;
        lines.push(...[...row.lost].sort((a, b) => b.lost - a.lost || a.goal.localeCompare(b.goal)).map(l => `- ${label(l.goal)}: about ${l.lost.toFixed(1)} lost (${count(row.dropOuts, 'drop-out', 'drop-outs')} × ${(l.rate * 100).toFixed(1)}% conversion after this box)`));
    }
    const links = [`[Show in Analytics](command:${OPEN_ANALYTICS_COMMAND}?${encodeURIComponent(JSON.stringify([at]))})`];
    const filtered = scopeLabel(scope);
    if (filtered) links.push(`_${filtered}_ · [Clear filter](command:${CLEAR_SCOPE_COMMAND})`);
    return [lines.join('\n'), links.join(' · ')].join('\n\n');
}
