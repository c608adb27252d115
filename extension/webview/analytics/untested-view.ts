import type { UntestedTraffic } from '../../webview-protocol.js';
import { formatCount, h } from '../common/dom.js';
import { numberButton, type OpenChats } from './number-button.js';

/** Untested transitions named per flow, at most. */
const LISTED = 5;

/**
 * Where real chats go that no test goes: per flow, the share of chats that take at least one
 * transition no test takes, and the busiest of those transitions; each count lists its chats,
 * any of which can be turned into a test from the chats list.
 */
export function untestedView(flows: readonly UntestedTraffic[], open: OpenChats): HTMLElement {
    if (flows.every(f => f.top.length === 0)) return h('p', { class: 'empty' }, 'Every transition real chats take is taken by a test.');
    return h('div', { class: 'untested' }, ...flows.filter(f => f.chats > 0).map(flow => h('div', { class: 'untested-flow', 'data-flow': flow.flow },
        h('p', {}, `${flow.flow}: ${percent(flow.percent)} of chats (${formatCount(flow.untestedChats)} of ${formatCount(flow.chats)}) take at least one transition no test takes.`),
        flow.top.length === 0 ? undefined : h('ol', { class: 'untested-edges' }, ...flow.top.slice(0, LISTED).map(edge => {
            const label = `${short(edge.from)} -> ${short(edge.to)}${edge.label ? ` "${edge.label}"` : ''}`;
            return h('li', { 'data-edge': edge.edge },
                numberButton(edge.chats, { metric: 'edge', from: edge.from, to: edge.to }, `chats that went ${label}, which no test takes`, open),
                h('span', { class: 'edge' }, ` chats: ${label}`));
        })))));
}

function percent(value: number): string {
    const rounded = Math.round(value * 10) / 10;
    return `${Number.isInteger(rounded) ? rounded.toFixed(0) : rounded.toFixed(1)}%`;
}

function short(boxId: string): string {
    return boxId.slice(boxId.indexOf('.') + 1);
}
