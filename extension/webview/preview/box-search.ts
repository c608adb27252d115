import type { FlowBox } from '../../../language/flow-model.js';

/**
 * Which boxes a search text finds: name first, then id, then display text; case-insensitive.
 * Boxes of other flows (drawn dashed) are not searched: the search jumps within the drawing.
 */
export function findBoxes(boxes: readonly FlowBox[], query: string): string[] {
    const q = query.trim().toLowerCase();
    if (q === '') return [];
    const rank = (box: FlowBox): number => {
        const name = box.name.toLowerCase();
        if (name === q) return 0;
        if (name.startsWith(q)) return 1;
        if (name.includes(q)) return 2;
        if (box.id.toLowerCase().includes(q)) return 3;
        if (box.text?.toLowerCase().includes(q)) return 4;
        return -1;
    };
    return boxes.filter(b => !b.external)
        .map((box, order) => ({ id: box.id, rank: rank(box), order }))
        .filter(m => m.rank >= 0)
        .sort((a, b) => a.rank - b.rank || a.order - b.order)
        .map(m => m.id);
}

/** The current position in a list of search hits, stepping around with Enter / Shift+Enter. */
export class SearchCursor {
    private hits: string[] = [];
    private at = -1;

    set(hits: string[]): void {
        this.hits = hits;
        this.at = hits.length > 0 ? 0 : -1;
    }

    get all(): readonly string[] {
        return this.hits;
    }

    get current(): string | undefined {
        return this.hits[this.at];
    }

    step(by: 1 | -1): string | undefined {
        if (this.hits.length === 0) return undefined;
        this.at = (this.at + by + this.hits.length) % this.hits.length;
        return this.current;
    }

    /** "2 of 5", "no box", or empty for no search. */
    describe(query: string): string {
        if (query.trim() === '') return '';
        if (this.hits.length === 0) return 'no box';
        return `${this.at + 1} of ${this.hits.length}`;
    }
}
