/** A binary min-heap by a key: the completion's open list. */
export class MinHeap<T> {
    private readonly items: T[] = [];
    constructor(private readonly key: (item: T) => number) {}

    get size(): number {
        return this.items.length;
    }

    push(item: T): void {
        const items = this.items;
        items.push(item);
        for (let i = items.length - 1; i > 0;) {
            const parent = (i - 1) >> 1;
            if (this.key(items[parent]) <= this.key(items[i])) break;
            [items[parent], items[i]] = [items[i], items[parent]];
            i = parent;
        }
    }

    pop(): T | undefined {
        const items = this.items;
        const top = items[0];
        const last = items.pop();
        if (items.length > 0 && last !== undefined) {
            items[0] = last;
            for (let i = 0; ;) {
                const l = 2 * i + 1, r = l + 1;
                let smallest = i;
                if (l < items.length && this.key(items[l]) < this.key(items[smallest])) smallest = l;
                if (r < items.length && this.key(items[r]) < this.key(items[smallest])) smallest = r;
                if (smallest === i) break;
                [items[smallest], items[i]] = [items[i], items[smallest]];
                i = smallest;
            }
        }
        return top;
    }
}
