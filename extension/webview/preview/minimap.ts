import type { LayoutResult } from './layout-types.js';
import type { ViewportState } from './viewport.js';
import { n } from './xml.js';

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Flows with at least this many boxes get a minimap: smaller ones fit on screen readably. */
export const MINIMAP_MIN_BOXES = 20;
const MAX_SIDE = 160;
/** Above this many boxes the minimap draws one path of all boxes instead of an element each. */
const SINGLE_PATH_ABOVE = 400;

/**
 * A small picture of the whole flow in a corner of the graph with the part on screen framed.
 * Click or drag in it to move the view there. For the mouse: the keyboard has the box search
 * and the arrow keys, so the minimap is hidden from assistive technology.
 */
export class Minimap {
    readonly element: SVGSVGElement;
    private scale = 1;
    private layout?: LayoutResult;
    private readonly frame: SVGRectElement;
    private readonly boxes: SVGGElement;
    private dragging?: number;

    constructor(private readonly moveTo: (x: number, y: number) => void) {
        this.element = document.createElementNS(SVG_NS, 'svg');
        this.element.setAttribute('class', 'cf-minimap');
        this.element.setAttribute('aria-hidden', 'true');
        this.element.innerHTML = '<rect class="cf-minimap-bg" x="0" y="0" width="100%" height="100%"/><g class="cf-minimap-boxes"></g><rect class="cf-minimap-frame"/>';
        this.boxes = this.element.querySelector('.cf-minimap-boxes')!;
        this.frame = this.element.querySelector('.cf-minimap-frame')!;
        this.element.addEventListener('pointerdown', e => {
            this.dragging = e.pointerId;
            this.element.setPointerCapture(e.pointerId);
            this.pan(e);
        });
        this.element.addEventListener('pointermove', e => { if (this.dragging === e.pointerId) this.pan(e); });
        const stop = (e: PointerEvent) => {
            if (this.dragging !== e.pointerId) return;
            this.dragging = undefined;
            if (this.element.hasPointerCapture(e.pointerId)) this.element.releasePointerCapture(e.pointerId);
        };
        this.element.addEventListener('pointerup', stop);
        this.element.addEventListener('pointercancel', stop);
        this.hide();
    }

    /** Draws the flow small; a flow too small to need one hides the minimap. */
    draw(layout: LayoutResult | undefined, boxCount: number): void {
        this.layout = layout && boxCount >= MINIMAP_MIN_BOXES ? layout : undefined;
        if (!this.layout) {
            this.hide();
            return;
        }
        const { width, height } = this.layout;
        this.scale = MAX_SIDE / Math.max(width, height, 1);
        const w = Math.max(24, width * this.scale), hgt = Math.max(24, height * this.scale);
        this.element.setAttribute('width', n(w));
        this.element.setAttribute('height', n(hgt));
        const rects = Object.values(this.layout.boxes);
        const s = this.scale;
        this.boxes.innerHTML = rects.length > SINGLE_PATH_ABOVE
            ? `<path d="${rects.map(([x, y, rw, rh]) => `M${n(x * s)} ${n(y * s)}h${n(Math.max(1, rw * s))}v${n(Math.max(1, rh * s))}h${n(-Math.max(1, rw * s))}z`).join('')}"/>`
            : rects.map(([x, y, rw, rh]) => `<rect x="${n(x * s)}" y="${n(y * s)}" width="${n(Math.max(1, rw * s))}" height="${n(Math.max(1, rh * s))}"/>`).join('');
        this.element.style.display = '';
    }

    /** Frames the part of the flow on screen. */
    update(state: ViewportState, viewWidth: number, viewHeight: number): void {
        if (!this.layout) return;
        const s = this.scale / state.zoom;
        this.frame.setAttribute('x', n(-state.x * s));
        this.frame.setAttribute('y', n(-state.y * s));
        this.frame.setAttribute('width', n(viewWidth * s));
        this.frame.setAttribute('height', n(viewHeight * s));
    }

    get shown(): boolean {
        return this.layout !== undefined;
    }

    private hide(): void {
        this.element.style.display = 'none';
    }

    private pan(e: PointerEvent): void {
        const bounds = this.element.getBoundingClientRect();
        this.moveTo((e.clientX - bounds.left) / this.scale, (e.clientY - bounds.top) / this.scale);
        e.preventDefault();
    }
}
