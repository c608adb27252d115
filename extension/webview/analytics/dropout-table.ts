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
            h('td', { class: 'num' }, time ? duration(time.medianMs) : '–')));
    }
    return h('table', { class: 'dropouts' },
        h('thead', {}, h('tr', {}, h('th', {}, 'Box'), h('th', {}, 'Dropped out'), h('th', {}, 'Visited'), h('th', {}, 'Rate'),
            h('th', { title: 'Median time from entering the box to the chat\'s last event' }, 'Median time there'))),
        body);
}

export function duration(ms: number): string {
    if (ms < 60_000) return `${Math.round(ms / 1000)} s`;
    if (ms < 3_600_000) return `${(ms / 60_000).toFixed(1)} min`;
    return `${(ms / 3_600_000).toFixed(1)} h`;
}
