import type { DrillDown, GoalConversions } from '../../webview-protocol.js';
import { h } from '../common/dom.js';
import { daysBetween, s } from './svg.js';

const WIDTH = 720, HEIGHT = 220, LEFT = 40, RIGHT = 24, TOP = 12, BOTTOM = 28;

/**
 * Conversions per day, one line per goal (colours: the theme's chart colours, by CSS class).
 * Every day of the range has a point (0 where nothing converted); a point with chats opens them.
 */
export function conversionChart(goals: readonly GoalConversions[], open: (drill: DrillDown, label: string) => void): HTMLElement {
    const allDays = goals.flatMap(g => g.days.map(d => d.day)).sort();
    if (allDays.length === 0) return h('p', { class: 'empty' }, 'No chat reached a goal in this range.');
    const days = daysBetween(allDays[0], allDays[allDays.length - 1]);
    const step = niceStep(Math.max(1, ...goals.flatMap(g => g.days.map(d => d.chats))) / 4);
    const max = step * Math.ceil(Math.max(1, ...goals.flatMap(g => g.days.map(d => d.chats))) / step);
    const x = (i: number) => LEFT + (days.length === 1 ? 0 : i * (WIDTH - LEFT - RIGHT) / (days.length - 1));
    const y = (v: number) => TOP + (HEIGHT - TOP - BOTTOM) * (1 - v / max);
    const svg = s('svg', { class: 'chart', viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-label': 'Conversions per day per goal' });
    for (let v = 0; v <= max; v += step) {
        svg.append(s('line', { class: 'grid', x1: LEFT, x2: WIDTH - RIGHT, y1: y(v), y2: y(v) }),
            s('text', { class: 'axis', x: LEFT - 6, y: y(v) + 4, 'text-anchor': 'end' }, String(v)));
    }
    const every = Math.max(1, Math.ceil(days.length / 8));
    days.forEach((day, i) => {
        if (i % every === 0) svg.append(s('text', { class: 'axis', x: x(i), y: HEIGHT - 8, 'text-anchor': 'middle' }, day.slice(5)));
    });
    goals.forEach((goal, index) => {
        const byDay = new Map(goal.days.map(d => [d.day, d.chats]));
        const series = s('g', { class: `series series-${index % 6}`, 'data-goal': goal.goal });
        series.append(s('polyline', { points: days.map((d, i) => `${x(i)},${y(byDay.get(d) ?? 0)}`).join(' ') }));
        days.forEach((day, i) => {
            const chats = byDay.get(day) ?? 0;
            const point = s('circle', { class: chats > 0 ? 'point link' : 'point', cx: x(i), cy: y(chats), r: 3, 'data-day': day, 'data-chats': chats },
                s('title', {}, `${goal.goal} on ${day}: ${chats} chat${chats === 1 ? '' : 's'}`));
            if (chats > 0) {
                const show = () => open({ metric: 'conversions', goal: goal.goal, day }, `${goal.goal} on ${day}`);
                point.setAttribute('tabindex', '0');
                point.addEventListener('click', show);
                point.addEventListener('keydown', e => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); show(); } });
            }
            series.append(point);
        });
        svg.append(series);
    });
    const legend = h('div', { class: 'legend' }, ...goals.map((goal, index) => {
        const total = h('button', { class: 'number', title: `The ${goal.chats} chats that reached ${goal.goal}` }, String(goal.chats));
        total.addEventListener('click', () => open({ metric: 'conversions', goal: goal.goal }, `${goal.goal} (all days)`));
        return h('span', { class: `key series-${index % 6}` }, h('span', { class: 'swatch' }), `${goal.goal} `, total);
    }));
    return h('div', { class: 'chart-box' }, svg, legend);
}

/** 1, 2, 5, 10, 20, 50... : the smallest at least `raw`, so the axis reads in round numbers. */
function niceStep(raw: number): number {
    for (let scale = 1; ; scale *= 10) {
        for (const m of [1, 2, 5]) if (m * scale >= raw) return m * scale;
    }
}
