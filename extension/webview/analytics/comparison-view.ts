import type { AnalyticsOverviewResult, VersionComparison } from '../../webview-protocol.js';
import { h } from '../common/dom.js';

type Available = Extract<AnalyticsOverviewResult, { available: true }>;

/** The two newest flow versions compared per goal, in words; the test result only when it was reported. */
export function comparisonView(overview: Available): HTMLElement {
    const { comparison, versions } = overview;
    if (!comparison) {
        const only = versions.length === 1 ? `Only version ${versions[0].version} is in the data` : 'No flow version is in the data';
        return h('p', { class: 'empty' }, `${only}: there is nothing to compare.`);
    }
    return h('ul', { class: 'comparison' }, ...comparison.goals.map(goal => h('li', { 'data-goal': goal.goal, 'data-test': goal.test.kind }, inWords(goal))));
}

export function inWords(c: VersionComparison): string {
    const rate = (v: VersionComparison['a']) => `${v.version} converts ${(v.rate * 100).toFixed(1)}% (${v.converted} of ${v.chats} chats)`;
    const rates = `${c.goal}: ${rate(c.b)}, ${rate(c.a)}.`;
    if (c.test.kind === 'insufficient-sample') return `${rates} The sample is too small to tell whether they differ (${c.test.reason}).`;
    const points = `${Math.abs(c.test.difference * 100).toFixed(1)} percentage points ${c.test.difference >= 0 ? 'higher' : 'lower'}`;
    const p = c.test.pValue < 0.0001 ? 'p < 0.0001' : `p = ${c.test.pValue.toFixed(4)}`;
    return c.test.significant
        ? `${rates} ${c.b.version} is ${points}: a significant difference (two-proportion z-test, z = ${c.test.z.toFixed(2)}, ${p}).`
        : `${rates} The ${points} for ${c.b.version} is not a significant difference (two-proportion z-test, z = ${c.test.z.toFixed(2)}, ${p}).`;
}
