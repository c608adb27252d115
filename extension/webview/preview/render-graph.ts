import { closesChat, type FlowBox, type FlowEdge } from '../../../language/flow-model.js';
import type { BoxOverlay, EdgeOverlay, GraphOverlay } from '../../webview-protocol.js';
import type { GraphIndex } from './graph-index.js';
import { boxExcerpt, readingOrder } from './box-excerpt.js';
import { LABEL_HEIGHT, boxHeight, edgeLabelText, textInset } from './box-metrics.js';
import { KIND_ICONS, KIND_NAMES, shapeDecoration, shapePath } from './box-shapes.js';
import type { LaidOutEdge, LayoutResult } from './layout-types.js';
import { boxStatsTag, boxStatsWords, edgeTrafficTitle } from './stats-marks.js';
import type { TextMeasurer } from './text-metrics.js';
import { esc, n } from './xml.js';

export interface Measurers {
    name: TextMeasurer;
    text: TextMeasurer;
    badge: TextMeasurer;
    /** The kind tag (9px, bold, spaced capitals). */
    tag: TextMeasurer;
}

const ICON_SPACE = 20;

/** The part of the content to draw (big flows draw what is on screen), and whether with texts. */
export interface RenderArea {
    x0: number;
    y0: number;
    x1: number;
    y1: number;
    /** False when zoomed far out: outlines only, the texts would be unreadable anyway. */
    detail: boolean;
}

/** SVG markup of a laid-out flow: edges below, boxes above, each box focusable; with `overlay`, its numbers. */
export function renderGraph(index: GraphIndex, layout: LayoutResult, measure: Measurers, area?: RenderArea, overlay?: GraphOverlay): string {
    const graph = index.graph;
    const { order, external, goalLabels } = prepared(index, layout);
    const parts: string[] = ['<g class="edges">'];
    // Culled: only what the spatial grid puts near the area is looked at, not all 10,000 boxes.
    const near = area ? spatialGrid(index, layout).near(area) : undefined;
    for (const edge of near ? near.edges : graph.edges) {
        const geometry = layout.edges[edge.id];
        if (!geometry || geometry.points.length < 4 || (area && !edgeInside(geometry, area))) continue;
        parts.push(renderEdge(edge, geometry, external.has(edge.to), area?.detail ?? true, overlay?.edges[edge.id]));
    }
    parts.push('</g><g class="boxes">');
    for (const box of near ? near.boxes : order) {
        const rect = layout.boxes[box.id];
        if (!rect || (area && !overlaps(rect[0], rect[1], rect[0] + rect[2], rect[1] + rect[3], area))) continue;
        parts.push(area && !area.detail
            ? renderOutline(box, rect[0], rect[1], rect[2], graph.start)
            : renderBox(box, rect[0], rect[1], rect[2], index, goalLabels, measure, overlay?.boxes[box.id]));
    }
    parts.push('</g>');
    return parts.join('');
}

interface Prepared {
    /** Boxes in reading order (the Tab order of the drawing). */
    order: FlowBox[];
    /** Each box's place in `order`. */
    rank: Map<string, number>;
    external: Set<string>;
    goalLabels: Map<string, string>;
}

/** Per drawing (index and layout), computed once, not on every culled redraw of a pan. */
const preparedCache = new WeakMap<GraphIndex, WeakMap<LayoutResult, Prepared>>();

function prepared(index: GraphIndex, layout: LayoutResult): Prepared {
    let byLayout = preparedCache.get(index);
    if (!byLayout) preparedCache.set(index, byLayout = new WeakMap());
    let p = byLayout.get(layout);
    if (!p) {
        const order = readingOrder(index);
        p = {
            order, rank: new Map(order.map((box, i) => [box.id, i])),
            external: new Set(index.graph.boxes.filter(b => b.external).map(b => b.id)),
            goalLabels: new Map(index.graph.goals.map(g => [g.name, g.label ?? g.name] as const))
        };
        byLayout.set(layout, p);
    }
    return p;
}

const CELL = 1024;
const LONG_EDGE_CELLS = 32;

/** Boxes and edges by grid cell of the content, for culled redraws of huge flows. */
class SpatialGrid {
    private readonly boxes = new Map<string, FlowBox[]>();
    private readonly edges = new Map<string, FlowEdge[]>();
    /** Edges over too many cells (long lanes between regions): checked on every redraw instead. */
    private readonly long: FlowEdge[] = [];

    constructor(index: GraphIndex, layout: LayoutResult, private readonly rank: Map<string, number>) {
        for (const box of index.graph.boxes) {
            const r = layout.boxes[box.id];
            if (r) this.add(this.boxes, r[0], r[1], r[0] + r[2], r[1] + r[3], box);
        }
        for (const edge of index.graph.edges) {
            const geometry = layout.edges[edge.id];
            if (!geometry || geometry.points.length < 4) continue;
            const [x0, y0, x1, y1] = bounds(geometry);
            if ((cell(x1) - cell(x0) + 1) * (cell(y1) - cell(y0) + 1) > LONG_EDGE_CELLS) this.long.push(edge);
            else this.add(this.edges, x0, y0, x1, y1, edge);
        }
    }

    /** What may overlap the area: boxes in reading order, edges in graph order, each once. */
    near(area: RenderArea): { boxes: FlowBox[]; edges: FlowEdge[] } {
        const boxes = new Set<FlowBox>(), edges = new Set<FlowEdge>(this.long);
        const [cx0, cy0, cx1, cy1] = [cell(area.x0), cell(area.y0), cell(area.x1), cell(area.y1)];
        for (let cx = cx0; cx <= cx1; cx++) {
            for (let cy = cy0; cy <= cy1; cy++) {
                for (const box of this.boxes.get(`${cx},${cy}`) ?? []) boxes.add(box);
                for (const edge of this.edges.get(`${cx},${cy}`) ?? []) edges.add(edge);
            }
        }
        return { boxes: [...boxes].sort((a, b) => this.rank.get(a.id)! - this.rank.get(b.id)!), edges: [...edges] };
    }

    private add<T>(cells: Map<string, T[]>, x0: number, y0: number, x1: number, y1: number, item: T): void {
        for (let cx = cell(x0); cx <= cell(x1); cx++) {
            for (let cy = cell(y0); cy <= cell(y1); cy++) {
                const key = `${cx},${cy}`;
                const list = cells.get(key);
                if (list) list.push(item);
                else cells.set(key, [item]);
            }
        }
    }
}

function cell(v: number): number {
    return Math.floor(v / CELL);
}

const grids = new WeakMap<LayoutResult, { index: GraphIndex; grid: SpatialGrid }>();

function spatialGrid(index: GraphIndex, layout: LayoutResult): SpatialGrid {
    const cached = grids.get(layout);
    if (cached && cached.index === index) return cached.grid;
    const grid = new SpatialGrid(index, layout, prepared(index, layout).rank);
    grids.set(layout, { index, grid });
    return grid;
}

function overlaps(x0: number, y0: number, x1: number, y1: number, area: RenderArea): boolean {
    return x0 <= area.x1 && x1 >= area.x0 && y0 <= area.y1 && y1 >= area.y0;
}

const edgeBounds = new WeakMap<LaidOutEdge, [number, number, number, number]>();

function bounds(edge: LaidOutEdge): [number, number, number, number] {
    let b = edgeBounds.get(edge);
    if (!b) {
        let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
        for (let i = 0; i < edge.points.length; i += 2) {
            x0 = Math.min(x0, edge.points[i]);
            x1 = Math.max(x1, edge.points[i]);
            y0 = Math.min(y0, edge.points[i + 1]);
            y1 = Math.max(y1, edge.points[i + 1]);
        }
        edgeBounds.set(edge, b = [x0, y0, x1, y1]);
    }
    return b;
}

function edgeInside(edge: LaidOutEdge, area: RenderArea): boolean {
    const [x0, y0, x1, y1] = bounds(edge);
    return overlaps(x0, y0, x1, y1, area);
}

/** A box far zoomed out: its outline in its kind's shape and colour, still focusable. */
function renderOutline(box: FlowBox, x: number, y: number, w: number, start?: string): string {
    const classes = `box kind-${box.kind}${box.id === start ? ' start' : ''}${box.external ? ' external' : ''}${closesChat(box.kind) ? ' terminal' : ''}`;
    const h = boxHeight(box);
    return `<g class="${classes}" data-box="${esc(box.id)}" transform="translate(${n(x)},${n(y)})" tabindex="0" role="button" aria-label="${KIND_NAMES[box.kind]} ${esc(box.name)}">`
        + `<rect class="box-ring" x="-6" y="-6" width="${n(w + 12)}" height="${n(h + 12)}" rx="10"/><path class="box-shape" d="${shapePath(box.kind, w, h)}"/></g>`;
}

function renderBox(box: FlowBox, x: number, y: number, w: number, index: GraphIndex, goalLabels: Map<string, string>, measure: Measurers, stats?: BoxOverlay): string {
    const graph = index.graph;
    const h = boxHeight(box);
    const bodyHeight = h - (box.goals.length > 0 ? 20 : 0);
    const inset = textInset(box.kind);
    const classes = ['box', `kind-${box.kind}`];
    if (box.id === graph.start) classes.push('start');
    if (box.external) classes.push('external');
    if (closesChat(box.kind)) classes.push('terminal');
    if (stats && stats.shade >= 0) classes.push(`shade-${stats.shade}`);
    const excerpt = boxExcerpt(box, index);
    const title = box.external ? `${box.flow}.${box.name}` : box.name;
    const tag = KIND_NAMES[box.kind].toUpperCase();
    // Letter spacing (0.06em of 9px) is not in the canvas measure.
    const tagWidth = measure.tag.width(tag) + tag.length * 0.54;
    const name = measure.name.fit(title, w - 2 * inset - ICON_SPACE - tagWidth - 8);
    const text = measure.text.fit(excerpt.text, w - 2 * inset);
    const label = `${KIND_NAMES[box.kind]} ${title}${box.external ? ` (in flow ${box.flow})` : ''}${box.id === graph.start ? ', start' : ''}${excerpt.text ? `: ${excerpt.text}` : ''}${goalWords(box, goalLabels)}${stats ? `; ${boxStatsWords(stats)}` : ''}`;
    const out = [
        `<g class="${classes.join(' ')}" data-box="${esc(box.id)}" transform="translate(${n(x)},${n(y)})" tabindex="0" role="button">`,
        // The accessible name is the <title> (SVG-AAM), not an aria-label: a label would have to
        // repeat the box's visible, shortened texts word for word (WCAG 2.5.3, Label in Name).
        `<title>${esc(label)}</title>`,
        `<rect class="box-ring" x="-6" y="-6" width="${n(w + 12)}" height="${n(h + 12)}" rx="10"/>`,
        `<path class="box-shape" d="${shapePath(box.kind, w, h)}"/>`
    ];
    // Translucent over the box's own fill, below every text: the texts keep their contrast.
    if (stats && stats.shade >= 0) out.push(`<path class="box-shade" d="${shapePath(box.kind, w, h)}"/>`);
    const decoration = shapeDecoration(box.kind, w, h);
    if (decoration) out.push(`<path class="box-deco" d="${decoration}"/>`);
    out.push(
        `<path class="box-icon" transform="translate(${inset},9)" d="${KIND_ICONS[box.kind]}"/>`,
        `<text class="box-name" aria-hidden="true" x="${inset + ICON_SPACE}" y="20">${esc(name)}</text>`,
        `<text class="box-kind" aria-hidden="true" x="${n(w - inset)}" y="19" text-anchor="end">${tag}</text>`
    );
    if (text) out.push(`<text class="box-text${excerpt.fallback ? ' fallback' : ''}" aria-hidden="true" x="${inset}" y="${bodyHeight - 14}">${esc(text)}</text>`);
    if (box.goals.length > 0) out.push(renderGoals(box, goalLabels, inset, bodyHeight - 2, w - 2 * inset, measure.badge, stats?.goals));
    if (box.id === graph.start) out.push('<g class="start-tag" aria-hidden="true" transform="translate(10,-9)"><rect width="44" height="16" rx="8"/><text x="22" y="12" text-anchor="middle">START</text></g>');
    if (stats) out.push(boxStatsTag(stats, w, measure.badge));
    out.push('</g>');
    return out.join('');
}

/** The goals a box marks, for its accessible name (the badges themselves are hidden from screen readers). */
function goalWords(box: FlowBox, goalLabels: Map<string, string>): string {
    return box.goals.length === 0 ? '' : `; goal ${box.goals.map(g => goalLabels.get(g) ?? g).join(', ')}`;
}

function renderGoals(box: FlowBox, goalLabels: Map<string, string>, x: number, y: number, room: number, badge: TextMeasurer, converted?: Record<string, number>): string {
    const out: string[] = [];
    let offset = 0;
    for (const goal of box.goals) {
        const label = goalLabels.get(goal) ?? goal;
        // With numbers, the conversion count follows the (shortened if need be) goal name.
        const count = converted?.[goal] !== undefined ? `${converted[goal].toLocaleString('en-US')} converted` : undefined;
        const countWidth = count ? Math.ceil(badge.width(count)) + 6 : 0;
        const text = badge.fit(`★ ${label}`, Math.max(40, room - offset - 12 - countWidth));
        const width = Math.ceil(badge.width(text)) + 12 + countWidth;
        if (offset + width > room && offset > 0) break;
        const counted = count ? `<tspan class="goal-count" dx="6">${esc(count)}</tspan>` : '';
        out.push(`<g class="goal-badge" aria-hidden="true" data-goal="${esc(goal)}" transform="translate(${n(x + offset)},${n(y)})"><rect width="${width}" height="16" rx="8"/><text x="6" y="12">${esc(text)}${counted}</text></g>`);
        offset += width + 4;
    }
    return out.join('');
}

function renderEdge(edge: FlowEdge, geometry: LaidOutEdge, toExternal: boolean, detail: boolean, traffic?: EdgeOverlay): string {
    const classes = ['edge', `kind-${edge.kind}`];
    if (toExternal) classes.push('to-external');
    if (traffic) classes.push(traffic.weight > 0 ? `traffic-${traffic.weight}` : 'never-taken');
    const counted = traffic ? ` data-chats="${traffic.chats}"` : '';
    const out = [`<g class="${classes.join(' ')}" data-edge="${esc(edge.id)}"${counted}>`];
    if (traffic) out.push(`<title>${esc(edgeTrafficTitle(traffic))}</title>`);
    out.push(`<path class="edge-line" d="${roundedPolyline(geometry.points)}"/>`);
    const text = edgeLabelText(edge);
    if (text && geometry.label && detail) {
        const [lx, ly, lw] = geometry.label;
        out.push(`<g class="edge-label" transform="translate(${n(lx)},${n(ly)})"><rect width="${n(lw)}" height="${LABEL_HEIGHT}" rx="4"/><text x="${n(lw / 2)}" y="13" text-anchor="middle">${esc(text)}</text></g>`);
    }
    out.push('</g>');
    return out.join('');
}

/** An orthogonal polyline with its corners rounded (radius up to 6). */
function roundedPolyline(points: number[]): string {
    let d = `M${n(points[0])} ${n(points[1])}`;
    for (let i = 2; i < points.length - 2; i += 2) {
        const [px, py, x, y, nx, ny] = [points[i - 2], points[i - 1], points[i], points[i + 1], points[i + 2], points[i + 3]];
        const r = Math.min(6, Math.hypot(x - px, y - py) / 2, Math.hypot(nx - x, ny - y) / 2);
        const ax = x - sign(x - px) * r, ay = y - sign(y - py) * r;
        const bx = x + sign(nx - x) * r, by = y + sign(ny - y) * r;
        d += `L${n(ax)} ${n(ay)}Q${n(x)} ${n(y)} ${n(bx)} ${n(by)}`;
    }
    const last = points.length - 2;
    return `${d}L${n(points[last])} ${n(points[last + 1])}`;
}

/** Direction of a segment; ELK's float noise (1e-13) counts as no move. */
function sign(delta: number): number {
    return Math.abs(delta) < 0.01 ? 0 : Math.sign(delta);
}
