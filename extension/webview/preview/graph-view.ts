import type { GraphIndex } from './graph-index.js';
import { KeyboardNavigator, navKeyOf } from './keyboard-nav.js';
import type { Direction, LayoutResult } from './layout-types.js';
import { renderGraph, type Measurers } from './render-graph.js';
import { Viewport, type ViewportState } from './viewport.js';

const SVG_NS = 'http://www.w3.org/2000/svg';

export interface GraphViewEvents {
    /** A box was clicked or Enter was pressed on it. */
    activate(boxId: string): void;
    /** The box's context menu (right click, menu key): start the chat there. */
    context(boxId: string): void;
    viewportChanged(state: ViewportState): void;
}

/** Arrow heads, one per edge state, picked by CSS `marker-end` so they follow the line colour. */
const MARKERS = ['arrow', 'arrow-lit', 'arrow-covered', 'arrow-uncovered']
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
    private layout?: LayoutResult;
    private direction: Direction = 'DOWN';
    private lit: Element[] = [];
    private path = { boxes: [] as readonly string[], edges: [] as readonly string[], current: undefined as string | undefined };
    private highlighted?: string;
    private coverage?: { covered: Set<string>; uncovered: Set<string> };

    constructor(container: HTMLElement, private readonly measure: Measurers, private readonly events: GraphViewEvents) {
        this.svg = document.createElementNS(SVG_NS, 'svg');
        this.svg.setAttribute('class', 'cf-canvas');
        this.svg.setAttribute('role', 'group');
        this.svg.setAttribute('tabindex', '-1');
        this.svg.setAttribute('aria-label', 'Flow graph: Tab or arrow keys move between boxes, Enter reveals the box in the editor');
        this.svg.innerHTML = `<defs>${MARKERS}</defs><g class="cf-viewport"><g class="cf-content"></g></g>`;
        container.append(this.svg);
        this.content = this.svg.querySelector('.cf-content')!;
        this.viewport = new Viewport(this.svg, this.svg.querySelector('.cf-viewport')!, state => events.viewportChanged(state));
        this.svg.addEventListener('click', e => this.click(e));
        this.svg.addEventListener('contextmenu', e => this.contextMenu(e));
        this.svg.addEventListener('keydown', e => this.keyDown(e));
    }

    get drawn(): boolean {
        return this.layout !== undefined;
    }

    draw(index: GraphIndex, layout: LayoutResult, direction: Direction): void {
        const focused = (document.activeElement as Element | null)?.getAttribute?.('data-box') ?? undefined;
        this.content.innerHTML = renderGraph(index, layout, this.measure);
        this.layout = layout;
        this.direction = direction;
        this.boxElements = collect(this.content, '[data-box]', 'data-box');
        this.edgeElements = collect(this.content, '[data-edge]', 'data-edge');
        this.viewport.setContentSize(layout.width, layout.height);
        if (this.navigator) this.navigator.update(index, layout, direction);
        else this.navigator = new KeyboardNavigator(index, layout, direction);
        this.lit = [];
        this.applyPath();
        this.applyHighlight();
        this.applyCoverage();
        if (focused) this.boxElements.get(focused)?.focus({ preventScroll: true });
    }

    clear(): void {
        this.content.innerHTML = '';
        this.layout = undefined;
        this.boxElements.clear();
        this.edgeElements.clear();
        this.lit = [];
    }

    /** Lights the chat's path: boxes and edges taken, and the box the chat is at. */
    setPath(boxes: readonly string[], edges: readonly string[], current?: string): void {
        this.path = { boxes, edges, current };
        this.applyPath();
    }

    setHighlight(boxId?: string): void {
        this.highlighted = boxId;
        this.applyHighlight();
        const rect = boxId ? this.layout?.boxes[boxId] : undefined;
        if (rect) this.viewport.ensureVisible(...rect);
    }

    setCoverage(coverage?: { covered: string[]; uncovered: string[] }): void {
        this.coverage = coverage && { covered: new Set(coverage.covered), uncovered: new Set(coverage.uncovered) };
        this.applyCoverage();
    }

    focusBox(boxId: string): void {
        const element = this.boxElements.get(boxId);
        const rect = this.layout?.boxes[boxId];
        if (!element || !rect) return;
        this.viewport.ensureVisible(...rect);
        element.focus({ preventScroll: true });
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
        if (id) this.events.activate(id);
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
