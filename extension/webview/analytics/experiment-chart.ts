import type { ExperimentResult } from '../../webview-protocol.js';
import { h } from '../common/dom.js';
import { s } from './svg.js';

const WIDTH = 720, HEIGHT = 180, LEFT = 48, RIGHT = 24, TOP = 10, BOTTOM = 28;
/** The axis runs from p = 1 (top) down to p = 0.0001 on a log scale; smaller values sit on the floor. */
const FLOOR = 4;
const TICKS = [1, 0.1, 0.01, 0.001, 0.0001];

/**
 * The decision statistic over time: per day of arm entry, the smallest always-valid p-value so
 * far (cumulative, so the line never rises), with the experiment's α as a dashed line. Crossing
 * the line is a decision a team may take on any day, however often it looks.
 */
export function experimentChart(experiment: ExperimentResult, alpha: number): HTMLElement {
    const days = experiment.daily;
    if (days.length === 0) return h('p', { class: 'empty' }, 'No chat has entered an arm yet.');
    const x = (i: number) => LEFT + (days.length === 1 ? 0 : i * (WIDTH - LEFT - RIGHT) / (days.length - 1));
    const y = (p: number) => TOP + (HEIGHT - TOP - BOTTOM) * Math.min(FLOOR, -Math.log10(Math.max(p, 1e-12))) / FLOOR;
    const svg = s('svg', { class: 'chart experiment-chart', viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img',
        'aria-label': `Always-valid p-value of ${experiment.split} per day, against alpha ${alpha}` });
    for (const tick of TICKS) {
        svg.append(s('line', { class: 'grid', x1: LEFT, x2: WIDTH - RIGHT, y1: y(tick), y2: y(tick) }),
            s('text', { class: 'axis', x: LEFT - 6, y: y(tick) + 4, 'text-anchor': 'end' }, String(tick)));
    }
    svg.append(s('line', { class: 'alpha', x1: LEFT, x2: WIDTH - RIGHT, y1: y(alpha), y2: y(alpha) }),
        s('text', { class: 'axis alpha-label', x: WIDTH - RIGHT, y: y(alpha) - 4, 'text-anchor': 'end' }, `α = ${alpha}`));
    const every = Math.max(1, Math.ceil(days.length / 8));
    days.forEach((d, i) => {
        if (i % every === 0) svg.append(s('text', { class: 'axis', x: x(i), y: HEIGHT - 8, 'text-anchor': 'middle' }, d.day.slice(5)));
    });
    const series = s('g', { class: 'statistic series-0', 'data-split': experiment.split });
    series.append(s('polyline', { points: days.map((d, i) => `${x(i)},${y(d.pValue)}`).join(' ') }));
    days.forEach((d, i) => series.append(s('circle', { class: 'point', cx: x(i), cy: y(d.pValue), r: 2.5, 'data-day': d.day, 'data-p': d.pValue },
        s('title', {}, `${d.day}: ${d.chats.reduce((a, b) => a + b, 0)} chats so far, always-valid p = ${formatP(d.pValue)}`))));
    svg.append(series);
    return h('div', { class: 'chart-box' }, svg);
}

export function formatP(p: number): string {
    return p < 0.0001 ? '< 0.0001' : p.toFixed(4);
}
