import type { FlowBox, FlowGraph, Position, SourceRange } from '../../language/flow-model.js';

/**
 * The box of `uri` whose source range holds the cursor: the innermost one if ranges nest.
 * Boxes of other documents (external boxes) never match.
 */
export function boxAt(flows: readonly FlowGraph[], uri: string, position: Position): FlowBox | undefined {
    let best: FlowBox | undefined;
    for (const box of flows.flatMap(flow => flow.boxes)) {
        if (box.range.uri !== uri || !contains(box.range, position)) continue;
        if (!best || contains(best.range, box.range.start) && contains(best.range, box.range.end)) best = box;
    }
    return best;
}

/** Start and end inclusive: a cursor just after a box's closing brace still belongs to it. */
export function contains(range: SourceRange, position: Position): boolean {
    return !before(position, range.start) && !before(range.end, position);
}

function before(a: Position, b: Position): boolean {
    return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** A box by id among the flows (the same box may appear in several flows as external). */
export function findBox(flows: readonly FlowGraph[], boxId: string): FlowBox | undefined {
    const all = flows.flatMap(flow => flow.boxes).filter(box => box.id === boxId);
    return all.find(box => !box.external) ?? all[0];
}
