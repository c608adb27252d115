import type { LaidOutEdge, LayoutBox, LayoutEdge, LayoutInput, LayoutResult, Rect } from './layout-types.js';

/**
 * Huge flows laid out region by region. ELK's layered layout grows faster than linearly with the
 * graph (crossing minimisation over every layer, model-order sorting within layers) and some of
 * its passes recurse once per node: a 10,000-box flow ran for minutes and then overflowed the
 * worker's stack (no way to grow it in a browser worker). Above REGION_ABOVE boxes the flow is cut
 * into regions of consecutive boxes in source order (how people write flows: section by section),
 * each laid out by ELK on its own, stacked along the layout direction; the edges between regions
 * run in lanes beside the stack.
 */
export const REGION_ABOVE = 2000;
export const REGION_SIZE = 600;
const REGION_GAP = 96;
const LANE_GAP = 8;
const LANES = 48;
const STUB = 12;

export interface Regions {
    parts: LayoutInput[];
    /** Edges whose ends are in different regions: routed by composeRegions. */
    crossing: LayoutEdge[];
}

/** Cuts the input into regions of `size` consecutive boxes, each with its own edges and ports. */
export function splitRegions(input: LayoutInput, size = REGION_SIZE): Regions {
    const regionOf = new Map<string, number>();
    input.boxes.forEach((box, i) => regionOf.set(box.id, Math.floor(i / size)));
    const count = Math.ceil(input.boxes.length / size);
    const parts: LayoutInput[] = Array.from({ length: count }, () => ({ direction: input.direction, boxes: [], edges: [] }));
    const crossing: LayoutEdge[] = [];
    const inside = new Set<string>();
    for (const edge of input.edges) {
        const from = regionOf.get(edge.from), to = regionOf.get(edge.to);
        if (from === undefined || to === undefined) continue;
        if (from === to) {
            parts[from].edges.push(edge);
            inside.add(edge.id);
        } else {
            crossing.push(edge);
        }
    }
    input.boxes.forEach((box, i) => {
        const own: LayoutBox = { id: box.id, width: box.width, height: box.height };
        // Ordered exits keep their order among the edges that stay in the region.
        const ports = box.ports?.filter(id => inside.has(id));
        if (ports && ports.length > 1) own.ports = ports;
        parts[Math.floor(i / size)].boxes.push(own);
    });
    return { parts, crossing };
}

/** One drawing from the regions' layouts: stacked along the direction, crossing edges in side lanes. */
export function composeRegions(input: LayoutInput, regions: Regions, results: LayoutResult[]): LayoutResult {
    const down = input.direction === 'DOWN';
    const boxes: Record<string, Rect> = {};
    const edges: Record<string, LaidOutEdge> = {};
    let along = 0, across = 0, elkMs = 0;
    results.forEach((result, i) => {
        const [dx, dy] = down ? [0, along] : [along, 0];
        for (const box of regions.parts[i].boxes) {
            const r = result.boxes[box.id];
            if (r) boxes[box.id] = [r[0] + dx, r[1] + dy, r[2], r[3]];
        }
        for (const [id, edge] of Object.entries(result.edges)) {
            const points = edge.points.map((v, k) => v + (k % 2 === 0 ? dx : dy));
            edges[id] = edge.label ? { points, label: [edge.label[0] + dx, edge.label[1] + dy, edge.label[2], edge.label[3]] } : { points };
        }
        along += (down ? result.height : result.width) + REGION_GAP;
        across = Math.max(across, down ? result.width : result.height);
        elkMs += result.elkMs;
    });
    along = Math.max(0, along - REGION_GAP);
    let lane = 0;
    for (const edge of regions.crossing) {
        const from = boxes[edge.from], to = boxes[edge.to];
        if (!from || !to) continue;
        const offset = across + LANE_GAP * (2 + (lane++ % LANES));
        edges[edge.id] = down ? laneDown(from, to, offset, edge) : laneRight(from, to, offset, edge);
    }
    const lanes = regions.crossing.length > 0 ? LANE_GAP * (3 + Math.min(LANES, regions.crossing.length)) + labelRoom(regions.crossing) : 0;
    return down ? { width: across + lanes, height: along, boxes, edges, elkMs } : { width: along, height: across + lanes, boxes, edges, elkMs };
}

function labelRoom(edges: LayoutEdge[]): number {
    return Math.max(0, ...edges.map(e => e.label?.width ?? 0));
}

/** Out of the source's bottom, right to the lane, along it, in from above the target. */
function laneDown(from: Rect, to: Rect, x: number, edge: LayoutEdge): LaidOutEdge {
    const sx = from[0] + from[2] / 2, sy = from[1] + from[3];
    const tx = to[0] + to[2] / 2, ty = to[1];
    const points = [sx, sy, sx, sy + STUB, x, sy + STUB, x, ty - STUB, tx, ty - STUB, tx, ty];
    return edge.label ? { points, label: [x + 4, (sy + ty) / 2 - edge.label.height / 2, edge.label.width, edge.label.height] } : { points };
}

/** The same with the axes swapped: out of the source's right side, lanes below the stack. */
function laneRight(from: Rect, to: Rect, y: number, edge: LayoutEdge): LaidOutEdge {
    const sx = from[0] + from[2], sy = from[1] + from[3] / 2;
    const tx = to[0], ty = to[1] + to[3] / 2;
    const points = [sx, sy, sx + STUB, sy, sx + STUB, y, tx - STUB, y, tx - STUB, ty, tx, ty];
    return edge.label ? { points, label: [(sx + tx) / 2 - edge.label.width / 2, y + 4, edge.label.width, edge.label.height] } : { points };
}
