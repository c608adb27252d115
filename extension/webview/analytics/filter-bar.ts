import { describeSegment, isFiltered, type PanelFilter } from '../../webview-protocol.js';
import { h } from '../common/dom.js';

/** What the controls offer: the store's versions and the days its chats span. */
export interface FilterChoices {
    versions: readonly string[];
    /** `YYYY-MM-DD` of the first and last event stored. */
    first?: string;
    last?: string;
}

/**
 * From/to days and a version picker. A change applies at once (every view of the panel follows);
 * a start after the end is refused with a message instead of showing empty numbers.
 */
export function filterBar(current: PanelFilter, choices: FilterChoices, apply: (filter: PanelFilter) => void): HTMLElement {
    const day = (name: 'from' | 'to', label: string) => h('label', {}, label,
        h('input', { type: 'date', name, value: current[name] ?? '', min: choices.first, max: choices.last }));
    const versions = [...choices.versions];
    if (current.version && !versions.includes(current.version)) versions.push(current.version);
    const select = h('select', { name: 'version', 'aria-label': 'Flow version' },
        h('option', { value: '' }, 'All versions'), ...versions.map(v => h('option', { value: v, selected: v === current.version }, v)));
    const clear = h('button', { type: 'button', class: 'clear-filter', hidden: !isFiltered(current) }, 'Clear filter');
    const error = h('p', { class: 'filter-error', role: 'alert' });
    // The segment value the numbers are focused on (picked in the segments table), with a way out.
    const focus = current.segment && h('span', { class: 'segment-focus' }, `Only ${describeSegment(current.segment)} `,
        h('button', { type: 'button', class: 'clear-segment', 'aria-label': `Show all chats, not only ${describeSegment(current.segment)}` }, '✕'));
    const form = h('form', { class: 'filters', 'aria-label': 'Filter the numbers' },
        day('from', 'From'), day('to', 'To'), h('label', {}, 'Version', select), focus, clear, error);
    const read = (): PanelFilter => {
        const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement).value || undefined;
        // The segment shown side by side stays as picked.
        return { from: value('from'), to: value('to'), version: value('version'), segment: current.segment, segmentBy: current.segmentBy };
    };
    const submit = (filter: PanelFilter) => {
        if (filter.from && filter.to && filter.from > filter.to) {
            error.textContent = `The start day ${filter.from} is after the end day ${filter.to}: pick a start on or before the end.`;
            return;
        }
        error.textContent = '';
        apply(Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined)) as PanelFilter);
    };
    form.addEventListener('change', () => submit(read()));
    form.addEventListener('submit', e => { e.preventDefault(); submit(read()); });
    clear.addEventListener('click', () => submit({ segmentBy: current.segmentBy }));
    focus?.querySelector('button')?.addEventListener('click', () => submit({ ...read(), segment: undefined }));
    return form;
}
