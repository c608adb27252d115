import type { LitPath } from '../../webview-protocol.js';
import { formatCount, h } from '../common/dom.js';

/** The banner above the graph while a path from the Analytics panel is lit: its numbers and a Clear button. */
export class PathBanner {
    readonly element: HTMLElement;
    private readonly text: HTMLElement;

    constructor(clear: () => void) {
        this.text = h('span', { class: 'cf-path-text' });
        const button = h('button', { class: 'cf-button secondary', 'data-action': 'clear-path', title: 'Clear the path (Escape)' }, 'Clear');
        button.addEventListener('click', clear);
        this.element = h('div', { class: 'cf-path-banner', role: 'status', hidden: true }, this.text, ' — ', button);
    }

    show(path: LitPath | undefined): void {
        this.element.hidden = path === undefined;
        if (!path) return this.text.replaceChildren();
        const rate = path.chats === 0 ? 0 : path.converted / path.chats;
        this.text.textContent = `Path: ${formatCount(path.chats)} chats · ${(rate * 100).toFixed(1)}% converted`;
    }
}
