import type { Funnel } from '../../webview-protocol.js';
import { h } from '../common/dom.js';
import { numberButton, type OpenChats } from './number-button.js';

const PATHS = { given: 'the given path', observed: 'the most-travelled path', shortest: 'the shortest path' } as const;

/** A goal's funnel: each step's chats as a bar relative to the first step, the count opens them. */
export function funnelView(funnel: Funnel, open: OpenChats): HTMLElement {
    const first = funnel.steps[0]?.chats ?? 0;
    const steps = funnel.steps.map(s => s.box);
    const list = h('ol', { class: 'funnel', 'data-goal': funnel.goal ?? '' });
    funnel.steps.forEach((step, i) => {
        const share = first > 0 ? step.chats / first : 0;
        const bar = h('span', { class: 'bar' });
        bar.style.width = `${Math.max(share * 100, 0.5)}%`; // CSSOM, not a style attribute: allowed by the CSP
        list.append(h('li', {},
            h('span', { class: 'step-name', title: step.box }, step.box),
            h('span', { class: 'bar-track' }, bar),
            numberButton(step.chats, { metric: 'funnel', steps, step: i }, `${funnel.goal ?? 'funnel'} step ${i + 1}: ${step.box}`, open),
            h('span', { class: 'share' }, `${(share * 100).toFixed(0)}%`)));
    });
    return h('div', { class: 'funnel-box' },
        h('h3', {}, `${funnel.goal ?? 'Funnel'}`, h('span', { class: 'hint' }, ` along ${PATHS[funnel.path]}`)), list);
}
