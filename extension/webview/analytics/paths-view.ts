import type { CompletePath, TimeToConvert } from '../../webview-protocol.js';
import { h } from '../common/dom.js';
import { duration } from './dropout-table.js';
import { numberButton, type OpenChats } from './number-button.js';

/**
 * The complete paths most chats took: "Light on graph" (the preview lights the path), the chats,
 * those that converted and the rate, the boxes (each reveals itself).
 */
export function pathsView(paths: readonly CompletePath[], open: OpenChats, reveal: (boxId: string) => void, light: (path: CompletePath) => void): HTMLElement {
    if (paths.length === 0) return h('p', { class: 'empty' }, 'No chat finished in this range.');
    return h('ol', { class: 'paths' }, ...paths.map(path => {
        const boxes = path.boxes.flatMap((box, i) => {
            const button = h('button', { class: 'box-link', title: `Show ${box} in the editor` }, box.split('.').pop()!);
            button.addEventListener('click', () => reveal(box));
            return i === 0 ? [button] : [h('span', { class: 'arrow', 'aria-hidden': 'true' }, ' › '), button];
        });
        const lightButton = h('button', { class: 'light-path secondary', title: 'Light this path on the flow\'s graph (the preview opens beside)' }, 'Light on graph');
        lightButton.addEventListener('click', () => light(path));
        return h('li', { class: 'path', 'data-path': path.boxes.join(' ') },
            lightButton, ' ',
            numberButton(path.chats, { metric: 'path', boxes: path.boxes }, `took this path (${path.boxes.length} boxes)`, open), ' chats, ',
            numberButton(path.converted, { metric: 'path', boxes: path.boxes, converted: true }, 'took this path and converted', open),
            ` converted (${(path.rate * 100).toFixed(1)}%): `, h('span', { class: 'path-boxes' }, ...boxes));
    }));
}

/** Per goal: median and p90 time from a chat's first event to its conversion (the goal's conversions list the chats). */
export function timeToConvertView(times: readonly TimeToConvert[], open: OpenChats): HTMLElement {
    const measured = times.filter(t => t.n > 0);
    if (measured.length === 0) return h('p', { class: 'empty' }, 'No chat converted in this range.');
    return h('ul', { class: 'time-to-convert' }, ...measured.map(t => h('li', { 'data-goal': t.goal },
        `${t.goal}: median ${duration(t.medianMs)}, p90 ${duration(t.p90Ms)} over `,
        numberButton(t.n, { metric: 'conversions', goal: t.goal }, `converted on ${t.goal}`, open), ' chats')));
}
