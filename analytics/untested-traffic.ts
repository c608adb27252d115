import type { FlowEdge, FlowGraph } from '../language/flow-model.js';
import type { FlowContext } from './flow-context.js';
import type { AnalyticsFilter } from './model.js';
import type { AnalyticsStore } from './store.js';

/** One transition no test takes, with the real chats that took it. */
export interface UntestedEdgeTraffic {
    edge: string;
    from: string;
    to: string;
    label?: string;
    /** Chats that went from `from` to `to` at least once. */
    chats: number;
    traversals: number;
}

/** How much real traffic goes where no test goes, for one flow. */
export interface UntestedTraffic {
    flow: string;
    /** Chats that entered a box of the flow. */
    chats: number;
    /** Of them, chats that took at least one transition no test takes. */
    untestedChats: number;
    /** untestedChats / chats, in percent (0 with no chats). */
    percent: number;
    /** Untested transitions by chats, most first (without the ones no chat took). */
    top: UntestedEdgeTraffic[];
    /**
     * Untested transitions left out of both numbers: a tested transition joins the same two boxes
     * (two buttons leading to one box), and a log only says which boxes a chat entered.
     */
    ambiguous: string[];
}

/**
 * Weighs the transitions no test takes by the chats in the analytics store: logs record the boxes
 * a chat entered, so a transition A -> B counts the chats with consecutive entries A then B.
 */
export async function untestedTraffic(store: AnalyticsStore, context: FlowContext, graph: FlowGraph, untested: readonly string[], filter?: AnalyticsFilter): Promise<UntestedTraffic> {
    const untestedSet = new Set(untested);
    const own = graph.edges.filter(e => !graph.boxes.find(b => b.id === e.from)?.external);
    const pairKey = (e: { from: string; to: string }) => `${e.from}\u001e${e.to}`;
    const tested = new Set(own.filter(e => !untestedSet.has(e.id)).map(pairKey));
    const counted: FlowEdge[] = [];
    const ambiguous: FlowEdge[] = [];
    for (const edge of own.filter(e => untestedSet.has(e.id))) (tested.has(pairKey(edge)) ? ambiguous : counted).push(edge);
    const pairs = [...new Map(counted.map(e => [pairKey(e), { from: e.from, to: e.to }])).values()];
    const boxes = graph.boxes.filter(b => !b.external).map(b => b.id);
    const [{ chats, taking }, traffic] = await Promise.all([store.chatsTaking(boxes, pairs, filter), store.edges(context, filter)]);
    const byPair = new Map(traffic.map(t => [pairKey(t), t]));
    const top = counted
        .map(edge => ({ edge, traffic: byPair.get(pairKey(edge)) }))
        .filter(x => x.traffic && x.traffic.chats > 0)
        .map(({ edge, traffic }) => ({
            edge: edge.id, from: edge.from, to: edge.to, ...(edge.label !== undefined && edge.kind !== 'next' ? { label: edge.label } : {}),
            chats: traffic!.chats, traversals: traffic!.traversals
        }))
        .sort((a, b) => b.chats - a.chats || b.traversals - a.traversals);
    return { flow: graph.flow, chats, untestedChats: taking, percent: chats === 0 ? 0 : (100 * taking) / chats, top, ambiguous: ambiguous.map(e => e.id) };
}
