import { formatCount, h } from '../common/dom.js';

/**
 * "Laying out N boxes… 12 s [Cancel]" in the toolbar, shown only when a layout takes long enough
 * to notice. The UI thread only runs this timer while the worker computes.
 */
export class LayoutProgress {
    private timer?: number;
    private ticker?: number;

    constructor(private readonly status: HTMLElement, private readonly onCancel: () => void) {}

    start(boxes: number, delayMs = 400): void {
        this.stop();
        const started = performance.now();
        this.timer = window.setTimeout(() => {
            const text = h('span', {}, '');
            const cancel = h('button', { class: 'cf-button secondary small', 'data-action': 'cancel-layout' }, 'Cancel');
            cancel.addEventListener('click', () => this.onCancel());
            this.status.replaceChildren(h('span', { class: 'cf-spinner', 'aria-hidden': 'true' }), text, cancel);
            const tick = () => {
                text.textContent = ` Laying out ${formatCount(boxes)} boxes… ${Math.round((performance.now() - started) / 1000)} s `;
            };
            tick();
            this.ticker = window.setInterval(tick, 1000);
        }, delayMs);
    }

    stop(): void {
        window.clearTimeout(this.timer);
        window.clearInterval(this.ticker);
        this.timer = this.ticker = undefined;
        this.status.replaceChildren();
    }
}
