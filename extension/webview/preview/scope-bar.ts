import { scopeLabel, type AnalyticsScope } from '../../webview-protocol.js';
import { h } from '../common/dom.js';

/**
 * The line above the graph while its numbers are for the Analytics panel's filter:
 * "Filtered: chats started 2026-11-10 to 2026-11-10, flow version v3" and a button that clears it
 * (every view, the panel too, shows all chats again). Hidden for all chats or without numbers.
 */
export class ScopeBar {
    private readonly label = h('span', { class: 'cf-scope-label' });
    readonly element = h('div', { class: 'cf-scope', role: 'status', hidden: true }, this.label);

    constructor(clear: () => void) {
        const button = h('button', { type: 'button', class: 'cf-scope-clear' }, 'Clear filter');
        button.addEventListener('click', clear);
        this.element.append(' ', button);
    }

    show(scope: AnalyticsScope | undefined): void {
        const text = scope && scopeLabel(scope);
        this.label.textContent = text ?? '';
        this.element.hidden = !text;
    }
}
