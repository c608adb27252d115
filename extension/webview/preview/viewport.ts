/** Pan (drag), zoom (wheel, buttons, keys) and fit-to-view over one SVG layer. */

export interface ViewportState {
    x: number;
    y: number;
    zoom: number;
}

const MIN_ZOOM = 0.02;
const MAX_ZOOM = 4;
const DRAG_THRESHOLD = 4;
/** The zoom at which box texts (11-12px) stay readable: the first view of a flow never goes below it. */
export const READABLE_ZOOM = 0.85;

export class Viewport {
    private state: ViewportState = { x: 0, y: 0, zoom: 1 };
    private content = { width: 0, height: 0 };
    private drag?: { id: number; startX: number; startY: number; x: number; y: number; moved: boolean };
    private lastDragMoved = false;
    /** Pixels at the bottom of the view covered by overlays (legend, minimap): fitting keeps boxes clear of them. */
    reserveBottom: () => number = () => 0;

    constructor(
        private readonly svg: SVGSVGElement,
        private readonly layer: SVGGElement,
        private readonly onChange: (state: ViewportState) => void
    ) {
        svg.addEventListener('pointerdown', e => this.pointerDown(e));
        svg.addEventListener('pointermove', e => this.pointerMove(e));
        svg.addEventListener('pointerup', e => this.pointerUp(e));
        svg.addEventListener('pointercancel', e => this.pointerUp(e));
        svg.addEventListener('wheel', e => this.wheel(e), { passive: false });
    }

    get(): ViewportState {
        return { ...this.state };
    }

    set(state: ViewportState): void {
        this.state = { x: state.x, y: state.y, zoom: clamp(state.zoom) };
        this.apply();
    }

    setContentSize(width: number, height: number): void {
        this.content = { width, height };
    }

    /** True when the last pointer gesture was a drag: its click must not count as a click. */
    consumeDrag(): boolean {
        const moved = this.lastDragMoved;
        this.lastDragMoved = false;
        return moved;
    }

    /** The whole flow in the part of the graph area nothing covers. */
    fit(): void {
        const { width, height } = this.fitArea();
        if (this.content.width === 0 || width === 0) return;
        const zoom = clamp(Math.min(width / this.content.width, height / this.content.height, 1.25) * 0.96);
        this.set({ zoom, x: (width - this.content.width * zoom) / 2, y: (height - this.content.height * zoom) / 2 });
    }

    /**
     * The first view of a flow: the whole graph when it is readable at that size, otherwise the
     * top of it at a readable zoom, as wide as the view allows, centred on `focusX` (the start
     * box) when the graph is wider than the view.
     */
    fitReadable(minZoom = READABLE_ZOOM, focusX?: number): void {
        const { width, height } = this.fitArea();
        if (this.content.width === 0 || width === 0) return;
        const whole = Math.min(width / this.content.width, height / this.content.height, 1.25) * 0.96;
        if (whole >= minZoom) {
            this.fit();
            return;
        }
        const zoom = clamp(Math.max(minZoom, Math.min(1, (width / this.content.width) * 0.96)));
        const wide = this.content.width * zoom;
        const x = wide <= width ? (width - wide) / 2
            : Math.min(0, Math.max(width - wide, width / 2 - (focusX ?? 0) * zoom));
        this.set({ zoom, x, y: 0 });
    }

    /** Centres the view on a content point, keeping the zoom (the minimap, the box search). */
    centerOn(x: number, y: number): void {
        const { width, height } = this.viewSize();
        this.set({ ...this.state, x: width / 2 - x * this.state.zoom, y: height / 2 - y * this.state.zoom });
    }

    /** Zooms by `factor` around a point of the view (its centre by default). */
    zoomBy(factor: number, cx?: number, cy?: number): void {
        const { width, height } = this.viewSize();
        const px = cx ?? width / 2, py = cy ?? height / 2;
        const zoom = clamp(this.state.zoom * factor);
        const k = zoom / this.state.zoom;
        this.set({ zoom, x: px - (px - this.state.x) * k, y: py - (py - this.state.y) * k });
    }

    panBy(dx: number, dy: number): void {
        this.set({ ...this.state, x: this.state.x + dx, y: this.state.y + dy });
    }

    /** Pans the least needed so that a content rectangle is on screen. */
    ensureVisible(x: number, y: number, w: number, h: number, margin = 24): void {
        const view = this.viewSize();
        const { zoom } = this.state;
        const left = this.state.x + x * zoom, top = this.state.y + y * zoom;
        const right = left + w * zoom, bottom = top + h * zoom;
        let dx = 0, dy = 0;
        if (left < margin) dx = margin - left;
        else if (right > view.width - margin) dx = Math.max(view.width - margin - right, margin - left);
        if (top < margin) dy = margin - top;
        else if (bottom > view.height - margin) dy = Math.max(view.height - margin - bottom, margin - top);
        if (dx !== 0 || dy !== 0) this.panBy(dx, dy);
    }

    viewSize(): { width: number; height: number } {
        return { width: this.svg.clientWidth, height: this.svg.clientHeight };
    }

    private fitArea(): { width: number; height: number } {
        const { width, height } = this.viewSize();
        return { width, height: Math.max(height / 2, height - this.reserveBottom()) };
    }

    private apply(): void {
        const { x, y, zoom } = this.state;
        this.layer.setAttribute('transform', `translate(${round(x)},${round(y)}) scale(${round(zoom, 10000)})`);
        this.onChange(this.get());
    }

    private pointerDown(e: PointerEvent): void {
        if (e.button !== 0) return;
        this.drag = { id: e.pointerId, startX: e.clientX, startY: e.clientY, x: this.state.x, y: this.state.y, moved: false };
    }

    private pointerMove(e: PointerEvent): void {
        const drag = this.drag;
        if (!drag || drag.id !== e.pointerId) return;
        const dx = e.clientX - drag.startX, dy = e.clientY - drag.startY;
        if (!drag.moved && Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
        if (!drag.moved) {
            drag.moved = true;
            // Capture only once it is a drag: capturing at pointerdown would steal the box's click.
            this.svg.setPointerCapture(e.pointerId);
            this.svg.classList.add('panning');
        }
        this.set({ ...this.state, x: drag.x + dx, y: drag.y + dy });
    }

    private pointerUp(e: PointerEvent): void {
        const drag = this.drag;
        if (!drag || drag.id !== e.pointerId) return;
        this.lastDragMoved = drag.moved;
        this.drag = undefined;
        this.svg.classList.remove('panning');
        if (this.svg.hasPointerCapture(e.pointerId)) this.svg.releasePointerCapture(e.pointerId);
    }

    private wheel(e: WheelEvent): void {
        e.preventDefault();
        const bounds = this.svg.getBoundingClientRect();
        // Horizontal-dominant wheels (trackpads) pan; vertical wheels zoom around the pointer.
        if (Math.abs(e.deltaX) > Math.abs(e.deltaY) && !e.ctrlKey) {
            this.panBy(-e.deltaX, 0);
            return;
        }
        const delta = e.deltaMode === 1 ? e.deltaY * 16 : e.deltaY;
        this.zoomBy(Math.exp(-delta * 0.0015), e.clientX - bounds.left, e.clientY - bounds.top);
    }
}

function clamp(zoom: number): number {
    return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));
}

function round(value: number, scale = 100): number {
    return Math.round(value * scale) / scale;
}
