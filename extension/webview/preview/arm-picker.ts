import type { FlowGraph } from '../../../language/flow-model.js';
import { h } from '../common/dom.js';

/** The picker's value when the weights decide. */
export const DRAWN = '';

/**
 * "Arm at the next split": drawn by the weights (the default, as real chats are), or forced to one
 * arm so a designer can walk each arm of an experiment. Shown only for flows with a split.
 */
export class ArmPicker {
    readonly element: HTMLElement;
    private readonly select: HTMLSelectElement;

    constructor(onChange: (arm: string) => void) {
        this.select = h('select', { class: 'cf-arm-picker', 'aria-label': 'Arm the next split takes' });
        this.select.addEventListener('change', () => onChange(this.select.value));
        this.element = h('label', { class: 'cf-arm', hidden: true }, 'Next split takes ', this.select);
    }

    get value(): string {
        return this.select.value;
    }

    /** The arms of the flow's splits (each arm name once), keeping the choice while it still exists. */
    setGraph(graph: FlowGraph): void {
        const arms = new Map<string, string[]>();
        for (const box of graph.boxes) {
            if (box.external || !box.split) continue;
            for (const arm of box.split.arms) arms.set(arm.name, [...arms.get(arm.name) ?? [], `${box.name} ${arm.weight}%`]);
        }
        const previous = this.select.value;
        this.select.replaceChildren(h('option', { value: DRAWN }, 'an arm drawn by the weights'),
            ...[...arms].map(([name, where]) => h('option', { value: name }, `arm ${name} (${where.join(', ')})`)));
        this.select.value = arms.has(previous) ? previous : DRAWN;
        this.element.hidden = arms.size === 0;
    }
}
