import type { BoxDropOuts, DropOutDwell } from '../../webview-protocol.js';
import { h } from '../common/dom.js';
import { numberButton, type OpenChats } from './number-button.js';

export const TOP_DROP_OUTS = 10;

/** The boxes where most chats ended, most first: box (click: reveal), drop-outs, visits, rate, time spent there. */
export function dropOutTable(dropOuts: readonly BoxDropOuts[], visits: Record<string, number>, dwell: readonly DropOutDwell[],
    open: OpenChats, reveal: (boxId: string) => void): HTMLElement {
    const rows = dropOuts.filter(d => d.dropOuts > 0)
        .sort((a, b) => b.dropOuts - a.dropOuts || a.box.localeCompare(b.box)).slice(0, TOP_DROP_OUTS);
    if (rows.length === 0) return h('p', { class: 'empty' }, 'No chat dropped out in this range.');
    const dwellOf = new Map(dwell.map(d => [d.box, d]));
    // Logs without time between events (every chat's events in the same second) say nothing about
    // the time spent: the column is left out and a note says why, rather than a row of "0 s".
    const timed = rows.some(row => (dwellOf.get(row.box)?.medianMs ?? 0) > 0);
    const body = h('tbody');
    for (const row of rows) {
        const seen = visits[row.box] ?? 0;
        const boxButton = h('button', { class: 'box-link', title: `Show ${row.box} in the editor` }, row.box);
        boxButton.addEventListener('click', () => reveal(row.box));
        const time = dwellOf.get(row.box);
        body.append(h('tr', { 'data-box': row.box },
            h('td', {}, boxButton),
            h('td', { class: 'num' }, numberButton(row.dropOuts, { metric: 'dropOuts', box: row.box }, `dropped out at ${row.box}`, open)),
            h('td', { class: 'num' }, numberButton(seen, { metric: 'visits', box: row.box }, `visited ${row.box}`, open)),
            h('td', { class: 'num' }, seen > 0 ? `${(row.dropOuts / seen * 100).toFixed(1)}%` : '–'),
            timed && h('td', { class: 'num' }, time ? duration(time.medianMs) : '–')));
    }
    const table = h('table', { class: 'dropouts' },
        h('thead', {}, h('tr', {}, h('th', {}, 'Box'), h('th', {}, 'Dropped out'), h('th', {}, 'Visited'), h('th', {}, 'Rate'),
            timed && h('th', { title: 'Median time from entering the box to the chat\'s last event' }, 'Median time there'))),
        body);
    if (timed) return table;
    return h('div', {}, table,
        h('p', { class: 'empty dwell-note' }, 'No time spent at a box before leaving: in these logs every chat that dropped out left right after the box\'s message (or the logs carry no time between events).'));
}

export function duration(ms: number): string {
    if (ms < 1000) return '< 1 s';
    if (ms < 60_000) return `${Math.round(ms / 1000)} s`;
    if (ms < 3_600_000) return `${(ms / 60_000).toFixed(1)} min`;
    return `${(ms / 3_600_000).toFixed(1)} h`;
}
