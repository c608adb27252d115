import type { BoxKind, FlowBox, FlowEdge } from '../../../language/flow-model.js';

/** Sizes shared by the layout input and the renderer, so ELK lays out what is drawn. */
export const BOX_WIDTH = 236;
export const BOX_HEIGHT = 56;
/** Extra height of the row of goal badges. */
export const GOAL_ROW = 20;
export const LABEL_HEIGHT = 18;
export const LABEL_PADDING = 10;
export const MAX_LABEL_CHARS = 32;

export function boxHeight(box: FlowBox): number {
    return box.goals.length > 0 ? BOX_HEIGHT + GOAL_ROW : BOX_HEIGHT;
}

/** Left and right insets of the text inside each shape (slanted and round sides need more). */
export function textInset(kind: BoxKind): number {
    switch (kind) {
        case 'input': return 20;
        case 'condition': return 22;
        case 'end':
        case 'handoff': return 24;
        case 'action': return 18;
        default: return 12;
    }
}

/** The text shown on an edge: choice text, condition, outcome, "else", or an arm with its weight ("b · 50%"). */
export function edgeLabelText(edge: FlowEdge): string | undefined {
    const text = edge.kind === 'else' ? (edge.label ?? 'else')
        : edge.kind === 'arm' ? `${edge.label ?? ''} · ${edge.weight ?? 0}%`
            : edge.label;
    if (!text) return undefined;
    return text.length > MAX_LABEL_CHARS ? text.slice(0, MAX_LABEL_CHARS - 1).trimEnd() + '…' : text;
}

/** Boxes whose outgoing edges leave through ordered ports: options appear in button order. */
export function hasOrderedExits(kind: BoxKind): boolean {
    return kind === 'choice' || kind === 'action' || kind === 'condition' || kind === 'split';
}
