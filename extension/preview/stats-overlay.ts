import { closesChat, type FlowGraph } from '../../language/flow-model.js';
import type { BoxStats, EdgeTraffic } from '../../server/protocol.js';
import { shadingStep, type BoxOverlay, type EdgeOverlay, type GraphOverlay } from '../webview-protocol.js';

/** The heaviest line weight: the busiest edge of the document. */
export const MAX_WEIGHT = 6;

/**
 * What the preview draws for analytics, from the server's per-box stats and per-pair traffic: only
 * the numbers the webview shows, keyed by the ids it draws. Pure (no 'vscode'), so unit-tested.
 */
export function graphOverlay(flows: readonly FlowGraph[], stats: Readonly<Record<string, BoxStats>>, traffic: readonly EdgeTraffic[]): GraphOverlay {
    const boxes: Record<string, BoxOverlay> = {};
    const edges: Record<string, EdgeOverlay> = {};
    const pairChats = new Map(traffic.map(t => [pairKey(t.from, t.to), t.chats]));
    for (const graph of flows) {
        // A flow no chat entered shows nothing: marking all its edges "never taken" would be noise.
        if (!graph.boxes.some(b => !b.external && (stats[b.id]?.visits ?? 0) > 0)) continue;
        for (const box of graph.boxes) {
            const s = stats[box.id];
            if (!s || s.visits === 0) continue;
            const goals = Object.fromEntries(box.goals.map(goal => [goal, s.conversions[goal] ?? 0]));
            boxes[box.id] = !closesChat(box.kind)
                ? { chats: s.visits, dropped: s.dropOuts, rate: s.dropOutRate, shade: shadingStep(s), goals }
                : { chats: s.visits, rate: 0, shade: -1, goals };
        }
        const parallel = new Map<string, number>();
        for (const edge of graph.edges) parallel.set(pairKey(edge.from, edge.to), (parallel.get(pairKey(edge.from, edge.to)) ?? 0) + 1);
        for (const edge of graph.edges) {
            const key = pairKey(edge.from, edge.to);
            const chats = pairChats.get(key) ?? 0;
            edges[edge.id] = (parallel.get(key) ?? 0) > 1 ? { chats, weight: 0, shared: true } : { chats, weight: 0 };
        }
    }
    const busiest = Math.max(0, ...Object.values(edges).map(e => e.chats));
    for (const edge of Object.values(edges)) edge.weight = lineWeight(edge.chats, busiest);
    return { boxes, edges };
}

/**
 * 0 for no traffic, else 1..MAX_WEIGHT on a square-root scale: the busiest edge gets the heaviest
 * line, and an edge with a handful of chats still reads as taken next to one with thousands.
 */
export function lineWeight(chats: number, busiest: number): number {
    if (chats <= 0 || busiest <= 0) return 0;
    return 1 + Math.round((MAX_WEIGHT - 1) * Math.sqrt(Math.min(chats, busiest) / busiest));
}

function pairKey(from: string, to: string): string {
    return `${from}\u0000${to}`;
}
