import type { BoxKind } from '../../../language/flow-model.js';
import { n } from './xml.js';

/**
 * One outline per box kind, so kinds differ by shape and not only by colour (colour-blind users,
 * high contrast themes): flowchart conventions where they exist.
 */
export function shapePath(kind: BoxKind, w: number, h: number): string {
    switch (kind) {
        case 'input': {
            // Parallelogram: data in.
            const s = 10;
            return `M${s} 0H${n(w)}L${n(w - s)} ${n(h)}H0Z`;
        }
        case 'condition': {
            // Hexagon: a decision that still holds a line of text.
            const s = 16;
            return `M${s} 0H${n(w - s)}L${n(w)} ${n(h / 2)}L${n(w - s)} ${n(h)}H${s}L0 ${n(h / 2)}Z`;
        }
        case 'split': {
            // Trapezium, wide at the bottom: one way in, arms fanning out.
            const s = 14;
            return `M${s} 0H${n(w - s)}L${n(w)} ${n(h)}H0Z`;
        }
        case 'end':
        case 'handoff': {
            // Stadium: a terminal.
            const r = Math.min(h / 2, 24);
            return `M${r} 0H${n(w - r)}A${r} ${r} 0 0 1 ${n(w - r)} ${n(h)}H${r}A${r} ${r} 0 0 1 ${r} 0Z`;
        }
        default:
            return roundRect(w, h, kind === 'message' ? 10 : 4);
    }
}

function roundRect(w: number, h: number, r: number): string {
    return `M${r} 0H${n(w - r)}A${r} ${r} 0 0 1 ${n(w)} ${r}V${n(h - r)}A${r} ${r} 0 0 1 ${n(w - r)} ${n(h)}H${r}A${r} ${r} 0 0 1 0 ${n(h - r)}V${r}A${r} ${r} 0 0 1 ${r} 0Z`;
}

/** Extra strokes inside a shape: the double sides of an action ("predefined process"). */
export function shapeDecoration(kind: BoxKind, w: number, h: number): string {
    if (kind === 'action') return `M8 0V${n(h)}M${n(w - 8)} 0V${n(h)}`;
    return '';
}

/** 14x14 icons drawn with strokes (no icon font: the webview loads nothing remote). */
export const KIND_ICONS: Record<BoxKind, string> = {
    message: 'M2.5 2.5h9a1 1 0 0 1 1 1v5.5a1 1 0 0 1-1 1H6.5l-3 2.5v-2.5h-1a1 1 0 0 1-1-1V3.5a1 1 0 0 1 1-1z',
    choice: 'M2 3.5h.5M5 3.5h7M2 7h.5M5 7h7M2 10.5h.5M5 10.5h7',
    input: 'M1.5 4h11v6h-11zM4 5.5v3',
    condition: 'M7 1.5l5.5 5.5-5.5 5.5L1.5 7zM7 9.5v.1M7 4.5v3',
    action: 'M8 1.5L3.5 8h3.5l-1 4.5 4.5-6.5H7z',
    handoff: 'M7 2.5a2 2 0 1 1 0 4 2 2 0 0 1 0-4zM3 12.5c0-2.5 1.8-4 4-4s4 1.5 4 4',
    end: 'M3.5 3.5h7v7h-7z',
    split: 'M7 12.5V7M7 7L2.5 2M7 7l4.5-5M1.5 2h2M10.5 2h2'
};

export const KIND_NAMES: Record<BoxKind, string> = {
    message: 'message', choice: 'choice', input: 'input', condition: 'condition', action: 'action', handoff: 'handoff', end: 'end', split: 'split'
};
