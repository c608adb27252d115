/** Tiny SVG builder for the charts: attributes only, texts through textContent. */
const NS = 'http://www.w3.org/2000/svg';

export function s<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number> = {}, ...children: Array<Node | string>): SVGElementTagNameMap[K] {
    const element = document.createElementNS(NS, tag);
    for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, String(value));
    for (const child of children) element.append(typeof child === 'string' ? document.createTextNode(child) : child);
    return element;
}

/** Every day from `first` to `last` (`YYYY-MM-DD`, inclusive), in order. */
export function daysBetween(first: string, last: string): string[] {
    const days: string[] = [];
    const end = Date.parse(`${last}T00:00:00Z`);
    for (let t = Date.parse(`${first}T00:00:00Z`); t <= end && days.length < 3660; t += 86_400_000) {
        days.push(new Date(t).toISOString().slice(0, 10));
    }
    return days;
}
