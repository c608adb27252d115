import type { ExperimentResult } from '../../webview-protocol.js';

type Experiment = ExperimentResult & { headline: string };
import { h } from '../common/dom.js';
import { experimentChart, formatP } from './experiment-chart.js';
import { numberButton, type OpenChats } from './number-button.js';

/** `= 0.0123`, or `< 0.0001`. */
const pIs = (p: number) => (p < 0.0001 ? formatP(p) : `= ${formatP(p)}`);
const percent = (rate: number) => `${(rate * 100).toFixed(1)}%`;
const points = (difference: number) => `${difference >= 0 ? '+' : ''}${(difference * 100).toFixed(1)} pts`;

/**
 * The split experiments of the document: per experiment the decision, one row per arm (chats and
 * conversions open their chats; the difference against the control with its always-valid interval
 * and p-value; the chance of being best), the sample-ratio check, the minimum detectable effect
 * and the decision statistic over time.
 */
export function experimentsView(experiments: readonly Experiment[], open: OpenChats, reveal: (boxId: string) => void): HTMLElement {
    return h('div', { class: 'experiments' }, ...experiments.map(e => experimentView(e, open, reveal)));
}

function experimentView(e: Experiment, open: OpenChats, reveal: (boxId: string) => void): HTMLElement {
    const name = h('button', { class: 'box-link', title: `Show the split ${e.split} in the flow` }, e.split);
    name.addEventListener('click', () => reveal(e.split));
    const rows = e.arms.map(arm => h('tr', { 'data-arm': arm.arm },
        h('th', { scope: 'row' }, `arm ${arm.arm}`),
        h('td', { class: 'num' }, `${arm.weight}%`),
        h('td', { class: 'num' }, numberButton(arm.chats, { metric: 'experimentArm', split: e.split, box: arm.box }, `${e.split}: arm ${arm.arm}`, open)),
        h('td', { class: 'num' }, e.measure
            ? numberButton(arm.converted, { metric: 'experimentConversions', split: e.split, box: arm.box, goal: e.measure }, `${e.split}: arm ${arm.arm} converted on ${e.measure}`, open)
            : '—'),
        h('td', { class: 'num' }, percent(arm.rate)),
        h('td', { class: 'num' }, arm.difference === undefined ? 'control'
            : `${points(arm.difference)} [${points(arm.interval![0])}, ${points(arm.interval![1])}]`),
        h('td', { class: 'num' }, arm.pValue === undefined ? '' : formatP(arm.pValue)),
        h('td', { class: 'num' }, percent(arm.probabilityBest))));
    const table = h('table', { class: 'experiment-arms' },
        h('thead', {}, h('tr', {}, ...['Arm', 'Weight', 'Chats', `Converted${e.measure ? ` (${e.measure})` : ''}`, 'Rate', 'vs control [always-valid 95%]', 'p (always valid)', 'Chance best']
            .map(title => h('th', { scope: 'col' }, title)))),
        h('tbody', {}, ...rows));
    const srm = e.srm.mismatch
        ? h('p', { class: 'srm mismatch', role: 'alert' }, `Sample ratio mismatch: the arms did not get their weights (chi-square ${e.srm.chiSquare.toFixed(2)}, p ${pIs(e.srm.pValue)}). Check how chats are assigned before reading the result.`)
        : h('p', { class: 'srm hint' }, `Sample ratio as weighted (chi-square ${e.srm.chiSquare.toFixed(2)}, p ${pIs(e.srm.pValue)}).`);
    const mde = e.minimumDetectableEffect === undefined ? undefined
        : h('p', { class: 'hint mde' }, `Minimum detectable effect now: ${(e.minimumDetectableEffect * 100).toFixed(1)} pts (80% power).`);
    const stop = e.stopAt ? ` · stops at ${e.stopAt} chats` : '';
    return h('article', { class: `experiment decision-${e.decision.kind}`, 'data-split': e.split },
        h('h3', {}, 'Split ', name, e.measure ? ` · measures ${e.measure}` : '', ` · ${e.chats} chats${stop}`),
        h('p', { class: 'decision', role: 'status' }, h('strong', {}, e.headline), ` — ${e.decision.reason}`),
        table, srm, mde,
        h('h4', {}, 'Decision statistic over time'),
        experimentChart(e, e.alpha));
}
