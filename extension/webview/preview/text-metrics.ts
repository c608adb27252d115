/**
 * Measures text with a canvas in the UI thread, so edge labels get their real width before the
 * layout (ELK keeps labels clear of boxes only if it knows their size) and texts are cut to fit.
 */
export class TextMeasurer {
    private readonly context: CanvasRenderingContext2D | null;
    private readonly cache = new Map<string, number>();

    constructor(private readonly font: string) {
        this.context = document.createElement('canvas').getContext('2d');
        if (this.context) this.context.font = font;
    }

    width(text: string): number {
        let width = this.cache.get(text);
        if (width === undefined) {
            // Without a canvas, estimate: ~0.6 em per character.
            width = this.context ? this.context.measureText(text).width : text.length * this.fontSize() * 0.6;
            if (this.cache.size > 20000) this.cache.clear();
            this.cache.set(text, width);
        }
        return width;
    }

    /** The text, cut with an ellipsis so that it fits in `max` pixels. */
    fit(text: string, max: number): string {
        if (this.width(text) <= max) return text;
        let low = 0;
        let high = text.length;
        while (low < high) {
            const mid = (low + high + 1) >> 1;
            if (this.width(text.slice(0, mid).trimEnd() + '…') <= max) low = mid;
            else high = mid - 1;
        }
        return text.slice(0, low).trimEnd() + '…';
    }

    private fontSize(): number {
        return Number(/(\d+(?:\.\d+)?)px/.exec(this.font)?.[1] ?? 12);
    }
}

/** The font shorthand the page uses for `size`px text, with the theme's font family. */
export function pageFont(size: number, weight: 'normal' | '600' = 'normal'): string {
    const family = getComputedStyle(document.body).fontFamily || 'sans-serif';
    return `${weight} ${size}px ${family}`;
}
