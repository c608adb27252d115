import { FOCUS_SEGMENTS, PANEL_SEGMENTS, describeSegment, type AnalyticsInsight, type DrillDown, type Outcome, type PanelFilter, type SegmentBy, type SegmentColumn, type SegmentDifference } from '../../webview-protocol.js';
import { formatCount, h } from '../common/dom.js';
import { numberButton } from './number-button.js';
import { OUTCOME_LABELS } from './outcome-labels.js';

/** Opens the chats behind a number of one segment's column. */
export type OpenSegmentChats = (drill: DrillDown, label: string, segment: { by: SegmentBy; value: string | null }) => void;

const OUTCOMES: readonly Outcome[] = ['contained', 'escalated', 'abandoned', 'inProgress'];

/**
 * The segment picker and, once one is picked, its values side by side: chats, outcomes and
 * conversions per goal, each with its rate. A rate that differs significantly from the other
 * segments' (two-proportion test, Benjamini–Hochberg corrected) is marked ▲ or ▼.
 */
export function segmentsView(insight: AnalyticsInsight, filter: PanelFilter, apply: (filter: PanelFilter) => void, open: OpenSegmentChats): HTMLElement {
    const choices: string[] = [...PANEL_SEGMENTS, ...(insight.segmentVariables ?? []).map(v => `var:${v}`)];
    if (filter.segmentBy && !choices.includes(filter.segmentBy)) choices.push(filter.segmentBy);
    const picker = h('select', { name: 'segment', 'aria-label': 'Segment by' },
        h('option', { value: '' }, 'No segments'), ...choices.map(c => h('option', { value: c, selected: c === filter.segmentBy }, c)));
    picker.addEventListener('change', () => {
        const { segmentBy: _previous, ...rest } = filter;
        apply(picker.value ? { ...rest, segmentBy: picker.value as SegmentBy } : rest);
    });
    const head = h('label', { class: 'segment-picker' }, 'Segment by ', picker);
    const segments = insight.segments;
    if (!segments) return h('div', { class: 'segments' }, head, h('p', { class: 'hint' }, 'Pick a segment to see its values side by side; the segments add up to the totals.'));
    if ('refused' in segments) return h('div', { class: 'segments' }, head, h('p', { class: 'refused', role: 'alert' }, `${segments.refused}.`));
    const focus = (value: string | null) => {
        const current = filter.segment;
        const same = current?.by === segments.by && current.value === value;
        apply({ ...filter, segment: same ? undefined : { by: segments.by, value } });
    };
    return h('div', { class: 'segments' }, head, segmentTable(segments.by, segments.columns, open, FOCUS_SEGMENTS.includes(segments.by) ? { focused: filter.segment, focus } : undefined));
}

/** Focusing a column: every number, the panel's and the editor's (lenses, hovers, the preview), counts only its chats. */
interface Focus { focused: PanelFilter['segment']; focus: (value: string | null) => void }

function segmentTable(by: SegmentBy, columns: readonly SegmentColumn[], open: OpenSegmentChats, focusing?: Focus): HTMLElement {
    const name = (c: SegmentColumn) => c.value ?? '(none)';
    const goals = [...new Set(columns.flatMap(c => c.conversions.map(g => g.goal)))].sort();
    const cell = (column: SegmentColumn, count: number, drill: DrillDown, label: string, measure?: string) => {
        const segment = { by, value: column.value };
        const difference = measure ? column.differences.find(d => d.measure === measure) : undefined;
        const rate = column.chats === 0 ? '' : ` (${(count / column.chats * 100).toFixed(1)}%)`;
        const button = count === 0 ? h('span', { class: 'number zero' }, '0') : h('button', { class: 'number', title: `List the ${formatCount(count)} chats: ${label}, ${by} ${name(column)}` }, formatCount(count));
        if (count > 0) button.addEventListener('click', () => open(drill, `${label}, ${by} ${name(column)}`, segment));
        return h('td', { class: `num${difference?.significant ? ' significant' : ''}`, title: difference ? significanceText(difference) : undefined, 'data-measure': measure },
            button, rate, difference?.significant ? h('span', { class: 'mark', 'aria-label': difference.rate > difference.restRate ? 'significantly higher' : 'significantly lower' }, difference.rate > difference.restRate ? ' ▲' : ' ▼') : undefined);
    };
    const row = (label: string, cells: HTMLElement[]) => h('tr', {}, h('th', { scope: 'row' }, label), ...cells);
    const body = h('tbody', {},
        row('Chats', columns.map(c => h('td', { class: 'num' }, numberButton(c.chats, { metric: 'flowChats' }, `chats of ${by} ${name(c)}`, (drill, label) => open(drill, label, { by, value: c.value }))))),
        ...OUTCOMES.map(o => row(OUTCOME_LABELS[o], columns.map(c => cell(c, c.outcomes[o], { metric: 'outcome', outcome: o }, `${OUTCOME_LABELS[o]} chats`, `outcome:${o}`)))),
        ...goals.map(goal => row(`→ ${goal}`, columns.map(c => cell(c, c.conversions.find(g => g.goal === goal)?.chats ?? 0, { metric: 'conversions', goal }, `converted on ${goal}`, `conversion:${goal}`)))));
    return h('table', { class: 'segment-table', 'data-segment': by },
        h('thead', {}, h('tr', {}, h('th', {}, by), ...columns.map(c => h('th', { scope: 'col', 'data-value': name(c) }, name(c), focusing && focusButton(by, c.value, focusing))))), body);
}

function focusButton(by: SegmentBy, value: string | null, { focused, focus }: Focus): HTMLElement {
    const on = focused?.by === by && focused.value === value;
    const segment = describeSegment({ by, value });
    const button = h('button', {
        type: 'button', class: 'focus-segment', 'aria-pressed': on ? 'true' : 'false',
        title: on ? `Show all chats again, not only ${segment}` : `Count only ${segment} everywhere: this panel, the code lenses, hovers and the preview`
    }, on ? 'Showing only these' : 'Only these');
    button.addEventListener('click', () => focus(value));
    return button;
}

function significanceText(d: SegmentDifference): string {
    if (d.test.kind === 'insufficient-sample') return `Not tested: ${d.test.reason}`;
    return `${(d.rate * 100).toFixed(1)}% here vs ${(d.restRate * 100).toFixed(1)}% in the other segments; p = ${d.test.pValue.toFixed(4)}, Benjamini–Hochberg adjusted ${d.adjustedP?.toFixed(4)}${d.significant ? ': significant' : ': not significant'}`;
}
