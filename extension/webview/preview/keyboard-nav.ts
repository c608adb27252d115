import type { GraphIndex } from './graph-index.js';
import type { Direction, LayoutResult } from './layout-types.js';

export type NavKey = 'forward' | 'back' | 'previous' | 'next';

/** Maps an arrow key to a move along the flow, given the layout direction. */
export function navKeyOf(key: string, direction: Direction): NavKey | undefined {
    const down = direction === 'DOWN';
    switch (key) {
        case 'ArrowDown': return down ? 'forward' : 'next';
        case 'ArrowUp': return down ? 'back' : 'previous';
        case 'ArrowRight': return down ? 'next' : 'forward';
        case 'ArrowLeft': return down ? 'previous' : 'back';
        default: return undefined;
    }
}

/**
 * Keyboard moves between boxes along edges: forward follows the first way out, back returns to
 * the box we came from (or the first box leading here), previous/next cycle through the other
 * ways out of that box (the siblings), or else to the nearest box on that side.
 */
export class KeyboardNavigator {
    private cameFrom?: string;

    constructor(private index: GraphIndex, private layout: LayoutResult, private direction: Direction) {}

    update(index: GraphIndex, layout: LayoutResult, direction: Direction): void {
        this.index = index;
        this.layout = layout;
        this.direction = direction;
    }

    move(from: string, key: NavKey): string | undefined {
        switch (key) {
            case 'forward': {
                const target = this.index.outgoing(from).map(e => e.to).find(id => this.layout.boxes[id]);
                if (target) this.cameFrom = from;
                return target;
            }
            case 'back': {
                const sources = this.index.incoming(from).map(e => e.from).filter(id => this.layout.boxes[id]);
                const target = this.cameFrom && sources.includes(this.cameFrom) ? this.cameFrom : sources[0];
                this.cameFrom = undefined;
                return target;
            }
            default:
                return this.sibling(from, key === 'next' ? 1 : -1) ?? this.nearest(from, key === 'next' ? 1 : -1);
        }
    }

    private sibling(from: string, step: number): string | undefined {
        const parent = this.cameFrom;
        if (!parent) return undefined;
        const targets = [...new Set(this.index.outgoing(parent).map(e => e.to))].filter(id => this.layout.boxes[id]);
        const at = targets.indexOf(from);
        if (at < 0 || targets.length < 2) return undefined;
        return targets[(at + step + targets.length) % targets.length];
    }

    /** The closest box whose centre lies on that side, favouring boxes in the same row/column. */
    private nearest(from: string, step: number): string | undefined {
        const origin = this.layout.boxes[from];
        if (!origin) return undefined;
        const across = this.direction === 'DOWN' ? 0 : 1;
        const ox = origin[0] + origin[2] / 2, oy = origin[1] + origin[3] / 2;
        let best: string | undefined;
        let bestScore = Infinity;
        for (const [id, rect] of Object.entries(this.layout.boxes)) {
            if (id === from) continue;
            const dx = rect[0] + rect[2] / 2 - ox, dy = rect[1] + rect[3] / 2 - oy;
            const along = across === 0 ? dx : dy, offAxis = across === 0 ? dy : dx;
            if (along * step <= 0) continue;
            const score = Math.abs(along) + 3 * Math.abs(offAxis);
            if (score < bestScore) {
                bestScore = score;
                best = id;
            }
        }
        if (best) this.cameFrom = undefined;
        return best;
    }
}
