import { REDACTED, type TranscriptEntry } from '../../webview-protocol.js';
import { h } from '../common/dom.js';

/** A chat's events in order; redacted answers show as a 'redacted' chip, boxes the flow lacks are marked. */
export function transcriptView(chat: string, entries: readonly TranscriptEntry[], reveal: (boxId: string) => void): HTMLElement {
    const list = h('ol', { class: 'transcript' });
    for (const entry of entries) {
        const box = entry.box === '' ? h('span', { class: 'box-name' }, '–')
            : entry.matched ? h('button', { class: 'box-link', title: `Show ${entry.box} in the editor` }, entry.box)
                : h('span', { class: 'box-name unmatched', title: 'The flow has no box of this name' }, entry.box);
        if (entry.matched && entry.box !== '') box.addEventListener('click', () => reveal(entry.box));
        list.append(h('li', { class: `event ${entry.type}` },
            h('time', {}, entry.ts.replace('T', ' ').slice(11, 19)),
            h('span', { class: 'type' }, entry.type),
            box,
            entry.text === undefined ? undefined
                : entry.text === REDACTED ? h('span', { class: 'chip redacted', title: 'A sensitive answer: not stored' }, 'redacted')
                    : h('span', { class: 'text' }, entry.text),
            entry.goal === undefined ? undefined : h('span', { class: 'chip goal' }, `goal ${entry.goal}`)));
    }
    const day = entries[0]?.ts.slice(0, 10) ?? '';
    return h('section', { class: 'transcript-view', 'data-chat': chat },
        h('h2', {}, `Transcript ${chat}`), h('p', { class: 'hint' }, `${entries.length} events${day ? `, ${day}` : ''}`), list);
}
