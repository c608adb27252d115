/** Escapes text for SVG/HTML markup built as strings (the fastest way to draw 10,000 boxes). */
export function esc(text: string): string {
    return text.replace(/[&<>"']/g, c => ENTITIES[c]);
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Rounds a coordinate for compact markup. */
export function n(value: number): string {
    return String(Math.round(value * 10) / 10);
}
