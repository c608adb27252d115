import type { UnmatchedStep } from '../../webview-protocol.js';
import { formatCount, h } from '../common/dom.js';

/** Rows shown before "and N more": the panel points at the big gaps, the CLI's summary lists them all. */
const SHOWN = 12;

/**
 * The logged steps no box of these flows matched, biggest first: a platform's pages, intents or
 * blocks that need an alias (the editor offers "Add alias" on a box whose words resemble one), or
 * box names the flow no longer has. Nothing is shown when every event matched.
 */
export function unmatchedView(steps: readonly UnmatchedStep[] | undefined): HTMLElement | undefined {
    if (!steps || steps.length === 0) return undefined;
    const rows = steps.slice(0, SHOWN).map(step => h('tr', {},
        h('td', { class: 'step' }, step.step === '' ? h('em', {}, 'bot messages with no step that match no box text') : `'${step.step}'`,
            step.flow ? h('span', { class: 'hint' }, ` · ${step.flow}`) : undefined),
        h('td', { class: 'num' }, formatCount(step.events)),
        h('td', { class: 'num' }, formatCount(step.chats))));
    const more = steps.length > SHOWN ? h('p', { class: 'hint' }, `… and ${formatCount(steps.length - SHOWN)} more (chatflow import lists them all).`) : undefined;
    return h('section', { class: 'card unmatched' },
        h('h2', {}, 'Logged steps no box has'),
        h('p', { class: 'hint' }, "Events kept but not counted at any box. Give the box each step is an alias with the step's name (a quick fix on the box offers it): the stored events move to it without importing again."),
        h('table', { class: 'unmatched-steps' },
            h('thead', {}, h('tr', {}, h('th', {}, 'step · flow'), h('th', { class: 'num' }, 'events'), h('th', { class: 'num' }, 'chats'))),
            h('tbody', {}, ...rows)),
        more);
}
