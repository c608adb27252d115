import { h } from '../common/dom.js';

/** The chat pane's width bounds, in CSS pixels; the graph keeps at least GRAPH_MIN. */
export const CHAT_MIN = 240;
export const CHAT_DEFAULT = 340;
const GRAPH_MIN = 240;
const KEY_STEP = 24;

export interface SplitState {
    width: number;
    hidden: boolean;
}

/**
 * The divider between the graph and the chat pane: drag it, or focus it and use the arrow keys
 * (Home/End for the bounds, Enter to collapse or expand). The graph and the pane never overlap:
 * they are flex siblings, the pane's width set here.
 */
export class SplitPane {
    readonly separator: HTMLElement;
    private state: SplitState;
    private drag?: { id: number; startX: number; width: number };

    constructor(private readonly body: HTMLElement, private readonly pane: HTMLElement, initial: Partial<SplitState>,
        private readonly changed: (state: SplitState) => void) {
        this.separator = h('div', {
            class: 'cf-splitter', role: 'separator', tabindex: 0, 'aria-orientation': 'vertical',
            'aria-label': 'Resize the chat simulator (arrow keys; Enter hides or shows it)', 'aria-controls': 'cf-chat-pane'
        });
        pane.id = 'cf-chat-pane';
        body.insertBefore(this.separator, pane);
        const fitting = Math.min(CHAT_DEFAULT, Math.max(CHAT_MIN, Math.round(body.clientWidth * 0.4)));
        this.state = { width: initial.width ?? fitting, hidden: initial.hidden ?? false };
        this.separator.addEventListener('pointerdown', e => this.pointerDown(e));
        this.separator.addEventListener('pointermove', e => this.pointerMove(e));
        this.separator.addEventListener('pointerup', e => this.pointerUp(e));
        this.separator.addEventListener('pointercancel', e => this.pointerUp(e));
        this.separator.addEventListener('dblclick', () => this.setHidden(!this.state.hidden));
        this.separator.addEventListener('keydown', e => this.keyDown(e));
        this.apply(false);
    }

    get(): SplitState {
        return { ...this.state };
    }

    setHidden(hidden: boolean): void {
        this.state.hidden = hidden;
        this.apply();
    }

    setWidth(width: number): void {
        this.state.width = width;
        this.state.hidden = false;
        this.apply();
    }

    private max(): number {
        return Math.max(CHAT_MIN, this.body.clientWidth - GRAPH_MIN);
    }

    private apply(notify = true): void {
        const width = Math.round(Math.min(this.max(), Math.max(CHAT_MIN, this.state.width)));
        this.state.width = width;
        this.pane.style.width = `${width}px`;
        this.body.classList.toggle('chat-hidden', this.state.hidden);
        this.separator.setAttribute('aria-valuemin', String(CHAT_MIN));
        this.separator.setAttribute('aria-valuemax', String(this.max()));
        this.separator.setAttribute('aria-valuenow', String(this.state.hidden ? 0 : width));
        this.separator.setAttribute('aria-valuetext', this.state.hidden ? 'chat simulator hidden' : `chat simulator ${width} pixels wide`);
        if (notify) this.changed(this.get());
    }

    private keyDown(e: KeyboardEvent): void {
        // The pane is on the right: moving the divider left widens it.
        switch (e.key) {
            case 'ArrowLeft': this.setWidth(this.state.width + KEY_STEP); break;
            case 'ArrowRight': this.setWidth(this.state.width - KEY_STEP); break;
            case 'Home': this.setWidth(this.max()); break;
            case 'End': this.setWidth(CHAT_MIN); break;
            case 'Enter': case ' ': this.setHidden(!this.state.hidden); break;
            default: return;
        }
        e.preventDefault();
    }

    private pointerDown(e: PointerEvent): void {
        if (e.button !== 0) return;
        this.drag = { id: e.pointerId, startX: e.clientX, width: this.state.hidden ? CHAT_MIN : this.state.width };
        this.separator.setPointerCapture(e.pointerId);
        this.body.classList.add('resizing');
    }

    private pointerMove(e: PointerEvent): void {
        if (!this.drag || this.drag.id !== e.pointerId) return;
        this.setWidth(this.drag.width - (e.clientX - this.drag.startX));
    }

    private pointerUp(e: PointerEvent): void {
        if (!this.drag || this.drag.id !== e.pointerId) return;
        this.drag = undefined;
        this.body.classList.remove('resizing');
        if (this.separator.hasPointerCapture(e.pointerId)) this.separator.releasePointerCapture(e.pointerId);
    }
}
