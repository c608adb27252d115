import type { BoxKind, FlowGraph } from '../../../language/flow-model.js';
import { KIND_NAMES } from './box-shapes.js';
import { formatCount, h } from '../common/dom.js';

const KIND_ORDER: BoxKind[] = ['message', 'choice', 'input', 'condition', 'action', 'handoff', 'end'];

/**
 * The fallback for flows too big to lay out quickly: boxes grouped per flow and kind, with
 * counts, and a way to lay the flow out anyway. Counting is linear, so 10,000 boxes take
 * milliseconds where a layered layout would take minutes.
 */
export function renderOverview(container: HTMLElement, graph: FlowGraph, reason: string, layOutAnyway: () => void): void {
    const perFlow = new Map<string, Map<BoxKind, number>>();
    for (const box of graph.boxes) {
        const kinds = perFlow.get(box.flow) ?? new Map<BoxKind, number>();
        kinds.set(box.kind, (kinds.get(box.kind) ?? 0) + 1);
        perFlow.set(box.flow, kinds);
    }
    const goalCounts = new Map<string, number>();
    for (const box of graph.boxes) for (const goal of box.goals) goalCounts.set(goal, (goalCounts.get(goal) ?? 0) + 1);

    const groups = [...perFlow].map(([flow, kinds]) =>
        h('section', { class: 'cf-overview-flow', 'data-flow': flow },
            h('h3', {}, flow === graph.flow ? `${flow} (this flow)` : `${flow} (other flow)`),
            h('ul', { class: 'cf-overview-kinds' },
                ...KIND_ORDER.filter(kind => kinds.has(kind)).map(kind =>
                    h('li', { class: `cf-overview-kind kind-${kind}`, 'data-kind': kind },
                        h('span', { class: 'count' }, formatCount(kinds.get(kind)!)),
                        h('span', { class: 'name' }, `${KIND_NAMES[kind]} boxes`))))));

    const goals = graph.goals.length === 0 ? undefined : h('p', { class: 'cf-overview-goals' },
        'Goals: ' + graph.goals.map(g => `${g.label ?? g.name} (${formatCount(goalCounts.get(g.name) ?? 0)} boxes)`).join(', '));

    const button = h('button', { class: 'cf-button primary', 'data-action': 'layout-anyway' }, 'Lay out anyway');
    button.addEventListener('click', () => {
        button.disabled = true;
        layOutAnyway();
    });
    container.replaceChildren(
        h('div', { class: 'cf-overview-card' },
            h('h2', {}, `${graph.label ?? graph.flow}: ${formatCount(graph.boxes.length)} boxes, ${formatCount(graph.edges.length)} edges`),
            h('p', { class: 'cf-overview-reason' }, reason),
            ...groups,
            goals,
            h('p', {}, button, ' ', h('span', { class: 'cf-hint' }, 'The panel stays usable while the layout runs; you can cancel it.')))
    );
}
