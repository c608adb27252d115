import type { DrillDown } from '../../webview-protocol.js';
import { formatCount, h } from '../common/dom.js';

/** Opens the chats behind a number; `label` says which number in the chats list's heading. */
export type OpenChats = (drill: DrillDown, label: string) => void;

/** A number that lists its chats when clicked (a plain number when it is 0: there are none). */
export function numberButton(value: number, drill: DrillDown, label: string, open: OpenChats): HTMLElement {
    if (value === 0) return h('span', { class: 'number zero' }, '0');
    const button = h('button', { class: 'number', title: `List the ${formatCount(value)} chats: ${label}` }, formatCount(value));
    button.addEventListener('click', () => open(drill, label));
    return button;
}
