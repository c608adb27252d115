import type { FlowGraph, LiteralValue } from '../../../language/flow-model.js';
import { h } from '../common/dom.js';

/** Variables that hold PHI: declared sensitive, or saved by a sensitive input. */
export function sensitiveVariables(graph: FlowGraph): Set<string> {
    const names = new Set(graph.variables.filter(v => v.sensitive).map(v => v.name));
    for (const box of graph.boxes) if (box.input?.sensitive && box.input.variable) names.add(box.input.variable);
    return names;
}

export function formatValue(value: LiteralValue): string {
    return typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value);
}

/** The current variable values; sensitive ones masked until the user reveals them. */
export class VariablesPane {
    private readonly revealed = new Set<string>();

    constructor(private readonly container: HTMLElement) {}

    render(graph: FlowGraph, values: Readonly<Record<string, LiteralValue>>): void {
        const sensitive = sensitiveVariables(graph);
        const names = [...graph.variables.map(v => v.name), ...Object.keys(values).filter(k => !graph.variables.some(v => v.name === k))];
        if (names.length === 0) {
            this.container.replaceChildren(h('p', { class: 'cf-muted' }, 'This flow declares no variables.'));
            return;
        }
        const rows = names.map(name => {
            const value = values[name];
            const masked = sensitive.has(name) && value !== undefined && !this.revealed.has(name);
            const cell = h('td', { class: `cf-var-value${value === undefined ? ' unset' : ''}${masked ? ' masked' : ''}` },
                value === undefined ? '—' : masked ? '••••••' : formatValue(value));
            const toggle = sensitive.has(name) && value !== undefined
                ? h('button', {
                    class: 'cf-icon-button', 'data-action': 'reveal-variable', 'data-variable': name,
                    'aria-pressed': String(this.revealed.has(name)),
                    title: this.revealed.has(name) ? `Hide ${name}` : `Show ${name} (sensitive)`
                }, this.revealed.has(name) ? 'Hide' : 'Show')
                : undefined;
            toggle?.addEventListener('click', () => {
                if (this.revealed.has(name)) this.revealed.delete(name);
                else this.revealed.add(name);
                this.render(graph, values);
            });
            return h('tr', { 'data-variable': name },
                h('th', { scope: 'row' }, name, sensitive.has(name) ? h('span', { class: 'cf-sensitive', title: 'Sensitive (PHI): masked until shown' }, 'PHI') : undefined),
                cell,
                h('td', { class: 'cf-var-action' }, toggle));
        });
        this.container.replaceChildren(h('table', { class: 'cf-variables-table' }, h('tbody', {}, ...rows)));
    }
}
