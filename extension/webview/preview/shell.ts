import { h, must } from '../common/dom.js';

/** The static frame of the preview: toolbar, error banner, graph area and the chat pane slot. */
export interface Shell {
    flowPicker: HTMLSelectElement;
    title: HTMLElement;
    status: HTMLElement;
    banner: HTMLElement;
    graphArea: HTMLElement;
    overview: HTMLElement;
    empty: HTMLElement;
    body: HTMLElement;
    search: HTMLInputElement;
    searchCount: HTMLElement;
    button(action: string): HTMLButtonElement;
}

export function buildShell(root: HTMLElement): Shell {
    const tool = (action: string, label: string, title: string, extra: Record<string, string> = {}) =>
        h('button', { class: 'cf-tool', 'data-action': action, title, 'aria-label': title, ...extra }, label);
    root.replaceChildren(
        h('div', { class: 'cf-toolbar', role: 'toolbar', 'aria-label': 'Preview' },
            h('span', { class: 'cf-title' }),
            h('select', { class: 'cf-flow-picker', 'aria-label': 'Flow to show', hidden: true }),
            h('span', { class: 'cf-status', role: 'status' }),
            h('span', { class: 'cf-spacer' }),
            h('input', { type: 'search', class: 'cf-search', placeholder: 'Find a box…', 'aria-label': 'Find a box by name or text (/ or Ctrl+F; Enter goes to it, Shift+Enter to the next)', autocomplete: 'off', spellcheck: 'false' }),
            h('span', { class: 'cf-search-count', 'aria-live': 'polite' }),
            tool('zoom-out', '−', 'Zoom out (-)'),
            tool('zoom-in', '+', 'Zoom in (+)'),
            tool('fit', 'Fit', 'Fit to view (0)'),
            tool('direction', '↓', 'Layout direction: top to bottom'),
            tool('coverage', 'Coverage', 'Show test coverage of the edges', { 'aria-pressed': 'false', disabled: 'true' }),
            tool('toggle-chat', 'Chat', 'Show or hide the chat simulator', { 'aria-pressed': 'true' })),
        h('div', { class: 'cf-banner', role: 'alert', hidden: true }),
        h('div', { class: 'cf-body' },
            h('div', { class: 'cf-graph' },
                h('div', { class: 'cf-empty' }, 'Waiting for the flow…'),
                h('div', { class: 'cf-overview', hidden: true }))));
    return {
        flowPicker: must(root, '.cf-flow-picker'),
        title: must(root, '.cf-title'),
        status: must(root, '.cf-status'),
        banner: must(root, '.cf-banner'),
        graphArea: must(root, '.cf-graph'),
        overview: must(root, '.cf-overview'),
        empty: must(root, '.cf-empty'),
        body: must(root, '.cf-body'),
        search: must(root, '.cf-search'),
        searchCount: must(root, '.cf-search-count'),
        button: action => must(root, `[data-action="${action}"]`)
    };
}
