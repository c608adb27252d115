import { DROP_OUT_STEPS, type BoxOverlay, type EdgeOverlay } from '../../webview-protocol.js';
import { formatCount, h } from '../common/dom.js';
import type { TextMeasurer } from './text-metrics.js';
import { esc, n } from './xml.js';

/** Percent with one decimal, as the code lens writes it. */
export function percent(rate: number): string {
    return `${(rate * 100).toFixed(1)}%`;
}

/** The box's numbers in words: the tooltip and what a screen reader says. */
export function boxStatsWords(stats: BoxOverlay): string {
    const chats = `${formatCount(stats.chats)} chat${stats.chats === 1 ? '' : 's'}`;
    return stats.dropped === undefined ? chats : `${chats}, ${formatCount(stats.dropped)} dropped out here (${percent(stats.rate)})`;
}

/**
 * The pill of numbers on a box's top edge, right-aligned (the START tag sits on the left):
 * "412 chats · ↓37 (9.0%)". Clicking it, or C on the focused box, lists the chats behind the numbers.
 */
export function boxStatsTag(stats: BoxOverlay, boxWidth: number, badge: TextMeasurer): string {
    const text = stats.dropped === undefined ? `${formatCount(stats.chats)} chats`
        : `${formatCount(stats.chats)} chats · ↓${formatCount(stats.dropped)} (${percent(stats.rate)})`;
    const width = Math.ceil(badge.width(text)) + 12;
    const words = boxStatsWords(stats);
    return `<g class="stats-tag" aria-hidden="true" transform="translate(${n(boxWidth - width - 10)},-9)"><title>${esc(words)}: click (or press C on the box) to list the chats</title>`
        + `<rect width="${width}" height="16" rx="8"/><text x="6" y="12">${esc(text)}</text></g>`;
}

/** The edge's tooltip: how many chats took it (or none), and why parallel edges show one count. */
export function edgeTrafficTitle(traffic: EdgeOverlay): string {
    const what = traffic.chats === 0 ? 'No chat took this transition' : `${formatCount(traffic.chats)} chat${traffic.chats === 1 ? '' : 's'} took this transition`;
    return traffic.shared ? `${what} (shared with another transition between the same boxes: the logs do not tell them apart)` : what;
}

/** What the shading, the line widths and the dotted lines mean; shown while the overlay is. */
export function statsLegend(): HTMLElement {
    const swatch = (cls: string) => h('span', { class: `legend-swatch ${cls}`, 'aria-hidden': 'true' });
    const steps = DROP_OUT_STEPS.map((from, i) => h('span', { class: 'legend-item' }, swatch(`shade-${i}`), `≥ ${Math.round(from * 100)}%`));
    return h('div', { class: 'cf-legend', role: 'note', 'aria-label': 'Analytics legend', hidden: true },
        h('span', { class: 'legend-title' }, 'Dropped out:'), ...steps,
        h('span', { class: 'legend-item' }, swatch('legend-thick'), 'wider = more chats'),
        h('span', { class: 'legend-item' }, swatch('legend-never'), 'never taken'));
}
