import type { LayoutResult } from './layout-types.js';

/**
 * The last few layouts by layout key: switching back to a flow, undoing an edit or editing only
 * texts redraws at once instead of waiting for ELK again.
 */
export class LayoutCache {
    private readonly entries = new Map<string, LayoutResult>();

    constructor(private readonly capacity = 6) {}

    get(key: string): LayoutResult | undefined {
        const hit = this.entries.get(key);
        if (hit) {
            // Most recently used last.
            this.entries.delete(key);
            this.entries.set(key, hit);
        }
        return hit;
    }

    set(key: string, layout: LayoutResult): void {
        this.entries.delete(key);
        this.entries.set(key, layout);
        while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    }
}
