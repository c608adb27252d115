import type { FlowGraph, LiteralValue, VariableType } from '../../../language/flow-model.js';
import { parseAnswer } from '../../../language/input-values.js';
import { h } from '../common/dom.js';

const HINTS: Record<VariableType, string> = {
    text: 'text', number: 'a number', email: 'name@example.com', phone: '(555) 201-3344', date: 'YYYY-MM-DD', yesno: 'yes or no'
};

export function typeHint(type: VariableType): string {
    return HINTS[type];
}

/**
 * "Start from any box": pick the box, set the variables the chat should already have, start.
 * Values are read with the same parser as chat answers, so "41" is a number and "yes" a yes.
 */
export class StartForm {
    readonly element: HTMLFormElement;
    private readonly select: HTMLSelectElement;
    private readonly fields: HTMLElement;
    private readonly error: HTMLElement;
    private graph?: FlowGraph;

    constructor(onStart: (from: string, variables: Record<string, LiteralValue>) => void, onCancel: () => void) {
        this.select = h('select', { class: 'cf-start-box', 'aria-label': 'Box to start from' });
        this.fields = h('div', { class: 'cf-start-fields' });
        this.error = h('p', { class: 'cf-form-error', role: 'alert' });
        const cancel = h('button', { type: 'button', class: 'cf-button secondary' }, 'Cancel');
        cancel.addEventListener('click', onCancel);
        this.element = h('form', { class: 'cf-start-form', hidden: true, 'aria-label': 'Start the chat from a box' },
            h('label', {}, 'Start at ', this.select),
            h('p', { class: 'cf-muted' }, 'Variables already set (leave empty for unset):'),
            this.fields, this.error,
            h('div', { class: 'cf-form-buttons' }, h('button', { type: 'submit', class: 'cf-button primary' }, 'Start here'), cancel));
        this.element.addEventListener('submit', e => {
            e.preventDefault();
            const variables = this.read();
            if (variables) onStart(this.select.value, variables);
        });
    }

    open(graph: FlowGraph, boxId?: string): void {
        if (this.graph !== graph) this.build(graph);
        if (boxId) this.select.value = boxId;
        this.error.textContent = '';
        this.element.hidden = false;
        this.select.focus();
    }

    close(): void {
        this.element.hidden = true;
    }

    private build(graph: FlowGraph): void {
        this.graph = graph;
        const own = graph.boxes.filter(b => !b.external);
        this.select.replaceChildren(...own.map(b => h('option', { value: b.id }, `${b.name} (${b.kind})`)));
        this.fields.replaceChildren(...graph.variables.map(v =>
            h('label', { class: 'cf-start-field' },
                h('span', {}, `${v.name}${v.sensitive ? ' (sensitive)' : ''}`),
                h('input', { type: 'text', name: v.name, 'data-type': v.type, placeholder: HINTS[v.type], autocomplete: 'off' }))));
    }

    private read(): Record<string, LiteralValue> | undefined {
        const variables: Record<string, LiteralValue> = {};
        for (const input of this.fields.querySelectorAll('input')) {
            if (input.value.trim() === '') continue;
            const parsed = parseAnswer(input.value, input.dataset.type as VariableType);
            if (!parsed.ok) {
                this.error.textContent = `${input.name}: ${parsed.reason}.`;
                input.focus();
                return undefined;
            }
            variables[input.name] = parsed.value;
        }
        return variables;
    }
}
