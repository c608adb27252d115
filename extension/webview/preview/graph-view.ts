import type { GraphOverlay } from '../../webview-protocol.js';
import type { GraphIndex } from './graph-index.js';
import { KeyboardNavigator, navKeyOf } from './keyboard-nav.js';
import type { Direction, LayoutResult } from './layout-types.js';
import { exportSvg } from './export-svg.js';
import { renderGraph, type Measurers, type RenderArea } from './render-graph.js';
import { Viewport, type ViewportState } from './viewport.js';

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Above this many boxes only what is on screen (and half a screen around) is in the DOM. */
const CULL_ABOVE_BOXES = 300;
/** Below this zoom, big flows are drawn as outlines: texts would be unreadable and cost the most. */
const DETAIL_ZOOM = 0.35;

export interface GraphViewEvents {
    /** A box was clicked or Enter was pressed on it. */
    activate(boxId: string): void;
    /** The numbers on a box were clicked: list the chats behind them. */
    showChats(boxId: string): void;
    /** The box's context menu (right click, menu key): start the chat there. */
    context(boxId: string): void;
    viewportChanged(state: ViewportState): void;
}

/** Arrow heads, one per edge state, picked by CSS `marker-end` so they follow the line colour. */
const MARKERS = ['arrow', 'arrow-lit', 'arrow-covered', 'arrow-uncovered', 'arrow-path']
    .map(id => `<marker id="cf-${id}" class="cf-marker ${id}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="9" markerHeight="9" markerUnits="userSpaceOnUse" orient="auto-start-reverse"><path d="M0 1L9 5L0 9z"/></marker>`)
    .join('');

/** The SVG drawing of one flow, with the overlays the simulator, the editor and coverage put on it. */
export class GraphView {
    readonly svg: SVGSVGElement;
    readonly viewport: Viewport;
    private readonly content: SVGGElement;
    private boxElements = new Map<string, SVGGElement>();
    private edgeElements = new Map<string, SVGGElement>();
    private navigator?: KeyboardNavigator;
    private index?: GraphIndex;
    private layout?: LayoutResult;
    /** What is in the DOM when the drawing is culled; undefined when everything is. */
    private rendered?: RenderArea;
    private placing = false;
    private cullFrame = 0;
    private direction: Direction = 'DOWN';
    private lit: Element[] = [];
    private path = { boxes: [] as readonly string[], edges: [] as readonly string[], current: undefined as string | undefined };
    /** A complete path from the Analytics panel: lit while the rest is dimmed. */
    private pathShown = { boxes: new Set<string>(), edges: new Set<string>() };
    private highlighted?: string;
    private coverage?: { covered: Set<string>; uncovered: Set<string> };
    private stats?: GraphOverlay;
    private searchHits: readonly string[] = [];
    private searchCurrent?: string;
    /** The one box in the Tab order (roving tabindex): Tab enters the graph once, the arrows move inside. */
    private tabStop?: string;

    constructor(container: HTMLElement, private readonly measure: Measurers, private readonly events: GraphViewEvents) {
        this.svg = document.createElementNS(SVG_NS, 'svg');
        this.svg.setAttribute('class', 'cf-canvas');
        this.svg.setAttribute('role', 'group');
        this.svg.setAttribute('tabindex', '-1');
        this.svg.setAttribute('aria-label', 'Flow graph: Tab or arrow keys move between boxes, Enter reveals the box in the editor');
        this.svg.innerHTML = `<defs>${MARKERS}</defs><g class="cf-viewport"><g class="cf-content"></g></g>`;
        container.append(this.svg);
        this.content = this.svg.querySelector('.cf-content')!;
        this.viewport = new Viewport(this.svg, this.svg.querySelector('.cf-viewport')!, state => {
            events.viewportChanged(state);
            if (!this.placing) this.scheduleCulling();
        });
        this.svg.addEventListener('click', e => this.click(e));
        this.svg.addEventListener('contextmenu', e => this.contextMenu(e));
        this.svg.addEventListener('keydown', e => this.keyDown(e));
        this.svg.addEventListener('focusin', e => {
            const id = this.boxAt(e.target);
            if (id && id !== this.tabStop) this.setTabStop(id);
        });
    }

    /** The laid-out geometry drawn, if any (the minimap draws it small). */
    get geometry(): LayoutResult | undefined {
        return this.layout;
    }

    get drawn(): boolean {
        return this.layout !== undefined;
    }

    /**
     * Draws a laid-out flow. `place` sets the viewport (fit, restore, or leave it) before anything
     * is drawn, so a big flow is drawn once, for the area that will be on screen.
     */
    draw(index: GraphIndex, layout: LayoutResult, direction: Direction, place: () => void = () => undefined): void {
        this.index = index;
        this.layout = layout;
        this.direction = direction;
        this.viewport.setContentSize(layout.width, layout.height);
        if (this.navigator) this.navigator.update(index, layout, direction);
        else this.navigator = new KeyboardNavigator(index, layout, direction);
        this.placing = true;
        try {
            place();
        } finally {
            this.placing = false;
        }
        this.render();
    }

    /** The drawing as a standalone SVG document (every box, even when only some are on screen). */
    standaloneSvg(): string | undefined {
        if (!this.layout) return undefined;
        const culled = this.rendered !== undefined;
        if (culled) this.render(true);
        const svg = exportSvg(this.svg, this.layout.width, this.layout.height);
        if (culled) this.render();
        return svg;
    }

    private get culling(): boolean {
        return (this.index?.graph.boxes.length ?? 0) > CULL_ABOVE_BOXES;
    }

    private render(everything = false): void {
        if (!this.index || !this.layout) return;
        const focused = (document.activeElement as Element | null)?.getAttribute?.('data-box') ?? undefined;
        this.rendered = this.culling && !everything ? this.areaAround(0.5) : undefined;
        this.content.innerHTML = renderGraph(this.index, this.layout, this.measure, this.rendered, this.stats);
        this.svg.classList.toggle('outlines', this.rendered?.detail === false);
        this.boxElements = collect(this.content, '[data-box]', 'data-box');
        this.edgeElements = collect(this.content, '[data-edge]', 'data-edge');
        this.lit = [];
        this.applyPath();
        this.applyPathShown();
        this.applyHighlight();
        this.applyCoverage();
        this.applySearch();
        this.setTabStop(focused ?? this.tabStop, true);
        if (focused) this.boxElements.get(focused)?.focus({ preventScroll: true });
    }

    /** `everyBox` after a fresh drawing, where every box came in focusable. */
    private setTabStop(id: string | undefined, everyBox = false): void {
        const start = this.index?.graph.start;
        const stop = id && this.boxElements.has(id) ? id
            : start && this.boxElements.has(start) ? start : this.boxElements.keys().next().value;
        if (everyBox) {
            for (const [boxId, element] of this.boxElements) element.setAttribute('tabindex', boxId === stop ? '0' : '-1');
        } else {
            if (this.tabStop) this.boxElements.get(this.tabStop)?.setAttribute('tabindex', '-1');
            if (stop) this.boxElements.get(stop)?.setAttribute('tabindex', '0');
        }
        this.tabStop = stop;
    }

    /** Marks the boxes a search found. */
    setSearchHits(ids: readonly string[]): void {
        this.searchHits = ids;
        this.searchCurrent = undefined;
        this.applySearch();
    }

    /** Pans a box into view without moving the focus, and marks it as the search's current hit. */
    bringIntoView(boxId: string): void {
        const rect = this.layout?.boxes[boxId];
        if (!rect) return;
        this.searchCurrent = boxId;
        this.viewport.ensureVisible(...rect);
        if (!this.boxElements.has(boxId)) this.render();
        this.applySearch();
    }

    private applySearch(): void {
        for (const element of this.content.querySelectorAll('.search-hit, .search-current')) element.classList.remove('search-hit', 'search-current');
        for (const id of this.searchHits) this.boxElements.get(id)?.classList.add('search-hit');
        if (this.searchCurrent) this.boxElements.get(this.searchCurrent)?.classList.add('search-current');
    }

    /** The content area on screen, grown by `margin` screens on each side. */
    private areaAround(margin: number): RenderArea {
        const { x, y, zoom } = this.viewport.get();
        const width = (this.svg.clientWidth || 2000) / zoom, height = (this.svg.clientHeight || 2000) / zoom;
        const x0 = -x / zoom, y0 = -y / zoom;
        return { x0: x0 - width * margin, y0: y0 - height * margin, x1: x0 + width * (1 + margin), y1: y0 + height * (1 + margin), detail: zoom >= DETAIL_ZOOM };
    }

    /** After a pan or zoom, redraws a culled flow once the screen leaves what is drawn. */
    private scheduleCulling(): void {
        if (!this.rendered || this.cullFrame) return;
        this.cullFrame = requestAnimationFrame(() => {
            this.cullFrame = 0;
            const drawn = this.rendered;
            if (!drawn) return;
            const view = this.areaAround(0);
            const covered = view.x0 >= drawn.x0 && view.y0 >= drawn.y0 && view.x1 <= drawn.x1 && view.y1 <= drawn.y1;
            if (!covered || view.detail !== drawn.detail) this.render();
        });
    }

    clear(): void {
        this.content.innerHTML = '';
        this.layout = undefined;
        this.index = undefined;
        this.rendered = undefined;
        this.boxElements.clear();
        this.edgeElements.clear();
        this.lit = [];
    }

    /** Lights the chat's path: boxes and edges taken, and the box the chat is at. */
    setPath(boxes: readonly string[], edges: readonly string[], current?: string): void {
        this.path = { boxes, edges, current };
        this.applyPath();
    }

    /** Lights a complete path (its boxes and the edges between them) and dims everything else; empty clears it. */
    showPath(boxes: readonly string[], edges: readonly string[]): void {
        this.pathShown = { boxes: new Set(boxes), edges: new Set(edges) };
        this.applyPathShown();
    }

    private applyPathShown(): void {
        const { boxes, edges } = this.pathShown;
        this.svg.classList.toggle('showing-path', boxes.size > 0);
        for (const [id, element] of this.boxElements) element.classList.toggle('on-path', boxes.has(id));
        for (const [id, element] of this.edgeElements) element.classList.toggle('on-path', edges.has(id));
    }

    /** Rings the box the editor cursor is in; `reveal` pans it into view if it is off screen. */
    setHighlight(boxId: string | undefined, reveal = true): void {
        this.highlighted = boxId;
        this.applyHighlight();
        const rect = boxId && reveal ? this.layout?.boxes[boxId] : undefined;
        if (rect) this.viewport.ensureVisible(...rect);
    }

    setCoverage(coverage?: { covered: string[]; uncovered: string[] }): void {
        this.coverage = coverage && { covered: new Set(coverage.covered), uncovered: new Set(coverage.uncovered) };
        this.applyCoverage();
    }

    /** Draws the analytics numbers on the boxes and edges; undefined removes them. */
    setStats(overlay?: GraphOverlay): void {
        this.stats = overlay;
        this.svg.classList.toggle('with-stats', overlay !== undefined);
        this.render();
    }

    focusBox(boxId: string): void {
        const rect = this.layout?.boxes[boxId];
        if (!rect) return;
        this.viewport.ensureVisible(...rect);
        // A culled flow may not have the box in the DOM yet: draw the new area now.
        if (!this.boxElements.has(boxId)) this.render();
        this.boxElements.get(boxId)?.focus({ preventScroll: true });
    }

    private applyPath(): void {
        for (const element of this.lit) element.classList.remove('lit', 'current');
        this.lit = [];
        const light = (element: Element | undefined, cls: string) => {
            if (!element) return;
            element.classList.add(cls);
            this.lit.push(element);
        };
        for (const id of this.path.boxes) light(this.boxElements.get(id), 'lit');
        for (const id of this.path.edges) light(this.edgeElements.get(id), 'lit');
        if (this.path.current) light(this.boxElements.get(this.path.current), 'current');
        this.svg.classList.toggle('chatting', this.path.boxes.length > 0);
    }

    private applyHighlight(): void {
        for (const element of this.content.querySelectorAll('.highlighted')) element.classList.remove('highlighted');
        if (this.highlighted) this.boxElements.get(this.highlighted)?.classList.add('highlighted');
    }

    private applyCoverage(): void {
        this.svg.classList.toggle('show-coverage', this.coverage !== undefined);
        for (const [id, element] of this.edgeElements) {
            element.classList.toggle('covered', this.coverage?.covered.has(id) ?? false);
            element.classList.toggle('uncovered', this.coverage?.uncovered.has(id) ?? false);
        }
    }

    private boxAt(target: EventTarget | null): string | undefined {
        const element = (target as Element | null)?.closest?.('[data-box]');
        return element?.getAttribute('data-box') ?? undefined;
    }

    private click(e: MouseEvent): void {
        if (this.viewport.consumeDrag()) return;
        const id = this.boxAt(e.target);
        if (id && (e.target as Element).closest('.stats-tag')) this.events.showChats(id);
        else if (id) this.events.activate(id);
    }

    private contextMenu(e: MouseEvent): void {
        const id = this.boxAt(e.target);
        if (!id) return;
        e.preventDefault();
        this.events.context(id);
    }

    private keyDown(e: KeyboardEvent): void {
        const id = this.boxAt(e.target);
        if (e.key === '+' || e.key === '=') this.viewport.zoomBy(1.2);
        else if (e.key === '-') this.viewport.zoomBy(1 / 1.2);
        else if (e.key === '0') this.viewport.fit();
        else if (id && (e.key === 'Enter' || e.key === ' ')) this.events.activate(id);
        else if (id && (e.key === 'c' || e.key === 'C') && this.boxElements.get(id)?.querySelector('.stats-tag')) this.events.showChats(id);
        else if (id && navKeyOf(e.key, this.direction) && this.navigator) {
            const next = this.navigator.move(id, navKeyOf(e.key, this.direction)!);
            if (next) this.focusBox(next);
        } else return;
        e.preventDefault();
    }
}

function collect(root: Element, selector: string, attribute: string): Map<string, SVGGElement> {
    const map = new Map<string, SVGGElement>();
    for (const element of root.querySelectorAll<SVGGElement>(selector)) map.set(element.getAttribute(attribute)!, element);
    return map;
}
