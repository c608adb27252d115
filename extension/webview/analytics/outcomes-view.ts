import { OUTCOME_LABELS } from './outcome-labels.js';
import type { Outcome, Outcomes } from '../../webview-protocol.js';
import { formatCount, h } from '../common/dom.js';
import { numberButton, type OpenChats } from './number-button.js';
import { s } from './svg.js';

const WIDTH = 720, HEIGHT = 200, LEFT = 40, RIGHT = 16, TOP = 10, BOTTOM = 26;
const ORDER: readonly Outcome[] = ['contained', 'escalated', 'abandoned', 'inProgress'];

/** The four outcomes with their share of the chats, and a stacked bar per day the chats started; each number and bar opens its chats. */
export function outcomesView(outcomes: Outcomes, open: OpenChats): HTMLElement {
    if (outcomes.chats === 0) return h('p', { class: 'empty' }, 'No chat started in these flows in this range.');
    const totals = h('p', { class: 'outcome-totals' }, `${formatCount(outcomes.chats)} chats: `, ...ORDER.flatMap((o, i) => [
        h('span', { class: `outcome outcome-${o}`, 'data-outcome': o },
            h('span', { class: 'swatch' }), `${OUTCOME_LABELS[o]} `, numberButton(outcomes[o], { metric: 'outcome', outcome: o }, `${OUTCOME_LABELS[o]} chats`, open),
            ` (${(outcomes[o] / outcomes.chats * 100).toFixed(1)}%)`),
        i < ORDER.length - 1 ? ' · ' : '']));
    return h('div', { class: 'outcomes' }, totals, dailyBars(outcomes, open));
}

function dailyBars(outcomes: Outcomes, open: OpenChats): SVGSVGElement {
    const days = outcomes.days;
    const max = Math.max(1, ...days.map(d => d.chats));
    const slot = (WIDTH - LEFT - RIGHT) / Math.max(1, days.length);
    const bar = Math.max(2, Math.min(40, slot * 0.7));
    const y = (v: number) => TOP + (HEIGHT - TOP - BOTTOM) * (1 - v / max);
    const svg = s('svg', { class: 'chart outcome-chart', viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-label': 'Chat outcomes per day the chats started' });
    svg.append(s('text', { class: 'axis', x: LEFT - 6, y: y(max) + 4, 'text-anchor': 'end' }, String(max)),
        s('text', { class: 'axis', x: LEFT - 6, y: y(0) + 4, 'text-anchor': 'end' }, '0'));
    const every = Math.max(1, Math.ceil(days.length / 8));
    days.forEach((day, i) => {
        const x = LEFT + i * slot + (slot - bar) / 2;
        let stacked = 0;
        for (const outcome of ORDER) {
            const count = day[outcome];
            if (count === 0) continue;
            const rect = s('rect', { class: `bar outcome-${outcome} link`, x, y: y(stacked + count), width: bar, height: y(stacked) - y(stacked + count), tabindex: 0, 'data-day': day.day, 'data-outcome': outcome },
                s('title', {}, `${day.day}: ${count} ${OUTCOME_LABELS[outcome]} of ${day.chats} chats`));
            const show = () => open({ metric: 'outcome', outcome, day: day.day }, `${OUTCOME_LABELS[outcome]} chats started ${day.day}`);
            rect.addEventListener('click', show);
            rect.addEventListener('keydown', e => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); show(); } });
            svg.append(rect);
            stacked += count;
        }
        if (i % every === 0) svg.append(s('text', { class: 'axis', x: x + bar / 2, y: HEIGHT - 8, 'text-anchor': 'middle' }, day.day.slice(5)));
    });
    return svg;
}
