import { closesChat, type FlowBox, type FlowGraph } from '../language/flow-model.js';

/**
 * What analytics needs to know about the flows: how log names map to box ids (names, `Flow.box`
 * ids, aliases), which boxes end a chat, which boxes mark which goals, which inputs are sensitive.
 * Built from the FlowGraphs being imported against or shown; box ids are FlowGraph ids.
 */
export class FlowContext {
    readonly boxes = new Map<string, FlowBox>();
    readonly flows = new Map<string, FlowGraph>();
    /** Per flow: every name a log may use for a box of that flow's graph -> box id. */
    private readonly names = new Map<string, Map<string, string>>();
    private readonly sensitiveTexts = new Map<string, boolean>();
    private readonly buttons = new Map<string, Set<string>>();

    constructor(graphs: readonly FlowGraph[]) {
        for (const graph of graphs) {
            this.flows.set(graph.flow, graph);
            for (const box of graph.boxes) {
                if (!this.boxes.has(box.id) || this.boxes.get(box.id)!.external) this.boxes.set(box.id, box);
            }
            this.names.set(graph.flow, namesOf(graph));
        }
    }

    /** The box id a log names, or undefined when the flow has no such box. */
    resolve(flow: string, name: string): string | undefined {
        if (this.boxes.has(name)) return name;
        return this.names.get(flow)?.get(name);
    }

    hasFlow(flow: string): boolean {
        return this.flows.has(flow);
    }

    /**
     * A text naming what the numbers depend on: per flow, its start, its boxes (ids, names,
     * kinds, aliases, goal marks, input types and rules), its edges and goals, its variables' sensitivity. Source
     * positions, texts and tests are left out, so an edit elsewhere (a comment, a reworded
     * message) keeps the answers remembered for these flows.
     */
    metricsKey(): string {
        return JSON.stringify([...this.flows.values()].map(graph => [
            graph.flow, graph.start,
            // An input's type and rules decide which stored answers count as retries.
            graph.boxes.map(b => [b.id, b.name, b.kind, b.external === true, b.aliases, b.goals, b.input ? [b.input.type, b.input.sensitive, b.input.validation ?? null] : null]),
            graph.edges.map(e => [e.id, e.from, e.to, e.kind]),
            graph.goals.map(g => g.name),
            graph.variables.map(v => [v.name, v.sensitive])
        ]));
    }

    /** The boxes with an edge into `box`, in any of the flows. */
    boxesInto(box: string): string[] {
        return [...new Set([...this.flows.values()].flatMap(g => g.edges).filter(e => e.to === box).map(e => e.from))].sort();
    }

    /** Box ids a chat can drop out at: every known box but end and handoff boxes. */
    dropOutBoxes(): string[] {
        return [...this.boxes.values()].filter(b => !closesChat(b.kind)).map(b => b.id).sort();
    }

    /** Goal name -> ids of the boxes that mark it. Declared goals without a marking box map to []. */
    goalBoxes(): Map<string, string[]> {
        const result = new Map<string, string[]>();
        for (const graph of this.flows.values()) {
            for (const goal of graph.goals) if (!result.has(goal.name)) result.set(goal.name, []);
        }
        for (const box of this.boxes.values()) {
            for (const goal of box.goals) {
                const list = result.get(goal) ?? [];
                if (!list.includes(box.id)) list.push(box.id);
                result.set(goal, list);
            }
        }
        for (const list of result.values()) list.sort();
        return result;
    }

    /** Box ids of the flows themselves (not the boxes of other flows they lead into), in source order. */
    ownBoxIds(): string[] {
        return [...this.flows.values()].flatMap(g => g.boxes.filter(b => !b.external).map(b => b.id));
    }

    /** True when answers at this box are PHI: an input marked sensitive or saving a sensitive variable. */
    isSensitiveInput(boxId: string): boolean {
        return this.boxes.get(boxId)?.input?.sensitive === true;
    }

    /** True when the box's text interpolates a sensitive variable, so a logged bot text may hold PHI. */
    textShowsSensitive(boxId: string): boolean {
        let known = this.sensitiveTexts.get(boxId);
        if (known === undefined) {
            known = this.computeTextShowsSensitive(boxId);
            this.sensitiveTexts.set(boxId, known);
        }
        return known;
    }

    /** The button labels of a choice box, lower-cased (what a chat answers by clicking, not typing). */
    choiceLabels(boxId: string): ReadonlySet<string> {
        let labels = this.buttons.get(boxId);
        if (!labels) {
            labels = new Set([...this.flows.values()].flatMap(g => g.edges)
                .filter(e => e.from === boxId && e.kind === 'choice' && e.label !== undefined)
                .map(e => e.label!.trim().toLowerCase()));
            this.buttons.set(boxId, labels);
        }
        return labels;
    }

    private computeTextShowsSensitive(boxId: string): boolean {
        const box = this.boxes.get(boxId);
        if (!box?.text) return false;
        const graph = this.flows.get(box.flow) ?? [...this.flows.values()].find(g => g.boxes.some(b => b.id === boxId));
        const sensitive = new Set((graph?.variables ?? []).filter(v => v.sensitive).map(v => v.name));
        return [...box.text.matchAll(/\{\s*([A-Za-z_][\w]*)\s*\}/g)].some(m => sensitive.has(m[1]));
    }
}

/**
 * Names in the flow's own graph: box names first (own boxes win over boxes of other flows), then
 * aliases. A name used by two boxes is ambiguous and left out, so it is reported as unmatched
 * rather than silently credited to one of them.
 */
function namesOf(graph: FlowGraph): Map<string, string> {
    const byName = new Map<string, string | null>();
    const add = (name: string, id: string, map: Map<string, string | null>) => {
        const existing = map.get(name);
        if (existing === undefined) map.set(name, id);
        else if (existing !== id) map.set(name, null);
    };
    const own = graph.boxes.filter(b => !b.external);
    const external = graph.boxes.filter(b => b.external);
    for (const box of own) add(box.name, box.id, byName);
    const externalNames = new Map<string, string | null>();
    for (const box of external) add(box.name, box.id, externalNames);
    for (const [name, id] of externalNames) if (!byName.has(name)) byName.set(name, id);
    const aliases = new Map<string, string | null>();
    for (const box of [...own, ...external]) for (const alias of box.aliases) add(alias, box.id, aliases);
    for (const [name, id] of aliases) if (!byName.has(name)) byName.set(name, id);
    const result = new Map<string, string>();
    for (const [name, id] of byName) if (id !== null) result.set(name, id);
    return result;
}
