import { retriesNote, type DrillDown, type ProblemBox } from '../../webview-protocol.js';
import { formatCount, h } from '../common/dom.js';
import { duration } from './dropout-table.js';
import { numberButton, type OpenChats } from './number-button.js';

export const FIX_FIRST_ROWS = 10;

/**
 * The boxes to fix first, ranked by lost conversions (drop-outs × the conversion rate of the chats
 * that went on from the box): the box (click: reveal), what it costs, drop-outs, retries, repeats;
 * each row expands into the numbers it is made of, each of which lists its chats.
 */
export function fixFirstView(rows: readonly ProblemBox[], open: OpenChats, reveal: (boxId: string) => void): HTMLElement {
    if (rows.length === 0) return h('p', { class: 'empty' }, 'No box lost chats, needed retries or was repeated in this range.');
    const list = h('ol', { class: 'fix-first' });
    for (const row of rows.slice(0, FIX_FIRST_ROWS)) {
        const box = h('button', { class: 'box-link', title: `Show ${row.box} in the editor` }, row.label);
        box.addEventListener('click', () => reveal(row.box));
        // The row's buttons sit beside the disclosure, not in its summary: a summary must hold no control.
        const head = h('div', { class: 'problem-head' },
            box, ' ', h('span', { class: 'lost', title: 'Lost conversions: drop-outs × the conversion rate of the chats that went on from the box, summed over the goals' }, `${row.lostTotal.toFixed(1)} lost conversions`),
            ' · dropped ', numberButton(row.dropOuts, { metric: 'dropOuts', box: row.box }, `dropped out at ${row.box}`, open),
            ` of ${formatCount(row.visits)}`,
            row.retries > 0 ? retriesPart(row, open) : undefined,
            row.repeats > 0 ? h('span', {}, ' · repeats ', countButton(row.repeats, row.repeatChats, { metric: 'repeats', box: row.box }, `entered ${row.box} again`, open)) : undefined);
        const goals = h('table', { class: 'lost-by-goal' },
            h('thead', {}, h('tr', {}, h('th', {}, 'Goal'), h('th', {}, 'Went on'), h('th', {}, 'Of them converted'), h('th', {}, 'Rate'), h('th', {}, 'Lost'))),
            h('tbody', {}, ...row.lost.map(l => h('tr', { 'data-goal': l.goal },
                h('td', {}, l.goal),
                h('td', { class: 'num' }, numberButton(l.wentOn, { metric: 'wentOn', box: row.box }, `went on from ${row.box}`, open)),
                h('td', { class: 'num' }, numberButton(l.wentOnConverted, { metric: 'wentOn', box: row.box, goal: l.goal }, `went on from ${row.box} and converted on ${l.goal}`, open)),
                h('td', { class: 'num' }, `${(l.rate * 100).toFixed(1)}%`),
                h('td', { class: 'num' }, l.lost.toFixed(2))))));
        const leaving = row.leaving.n === 0 ? 'No chat left it for another box.'
            : `Left after ${duration(row.leaving.medianMs)} (median), ${duration(row.leaving.p90Ms)} (p90), measured `;
        const summary = h('summary', {}, `Lost per goal and time before leaving ${row.label}`);
        const details = h('details', { class: 'problem', 'data-box': row.box }, summary, goals,
            h('p', { class: 'hint' }, leaving, row.leaving.n > 0 ? countButton(row.leaving.n, undefined, { metric: 'leaving', box: row.box }, `left ${row.box}`, open) : undefined, row.leaving.n > 0 ? ' times.' : undefined));
        list.append(h('li', {}, head, details));
    }
    return list;
}

/** "retries 12 (answers of this box are sensitive: only logged retries counted)": the number lists its chats. */
function retriesPart(row: ProblemBox, open: OpenChats): HTMLElement {
    const note = retriesNote(row.answers);
    return h('span', { class: 'retries' }, ' · retries ', countButton(row.retries, row.retryChats, { metric: 'retries', box: row.box }, `retried at ${row.box}`, open),
        note ? h('span', { class: 'retries-note' }, ` (${note})`) : undefined);
}

/** A count of events whose chats are listed (the counts of the listed chats add up to it). */
function countButton(value: number, chats: number | undefined, drill: DrillDown, label: string, open: OpenChats): HTMLElement {
    const button = h('button', { class: 'number', title: `List the chats${chats === undefined ? '' : ` (${formatCount(chats)})`}: ${formatCount(value)} in all` }, formatCount(value));
    button.addEventListener('click', () => open(drill, label));
    return button;
}
