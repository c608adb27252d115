/**
 * A standalone SVG of the drawing: every colour and font the theme gave through CSS variables is
 * resolved and written as plain presentation attributes, so the file renders the same anywhere,
 * with no stylesheet, no class rules and no external reference.
 */
const SVG_NS = 'http://www.w3.org/2000/svg';
const PROPERTIES = [
    'fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-opacity', 'stroke-linecap',
    'stroke-linejoin', 'opacity', 'font-family', 'font-size', 'font-weight', 'font-style', 'marker-end'
];
const DROPPED_ATTRIBUTES = ['class', 'tabindex', 'role', 'focusable'];

export function exportSvg(source: SVGSVGElement, width: number, height: number): string {
    const out = document.createElementNS(SVG_NS, 'svg');
    out.setAttribute('xmlns', SVG_NS);
    out.setAttribute('width', String(Math.ceil(width)));
    out.setAttribute('height', String(Math.ceil(height)));
    out.setAttribute('viewBox', `0 0 ${Math.ceil(width)} ${Math.ceil(height)}`);
    const background = document.createElementNS(SVG_NS, 'rect');
    background.setAttribute('width', '100%');
    background.setAttribute('height', '100%');
    background.setAttribute('fill', getComputedStyle(document.body).backgroundColor || '#ffffff');
    out.append(background);
    for (const part of [source.querySelector('defs'), source.querySelector('.cf-content')]) {
        if (!part) continue;
        const copy = resolve(part);
        if (copy) out.append(copy);
    }
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(out);
}

/** A copy of `element` and its subtree with computed styles inlined; undefined if not displayed. */
function resolve(element: Element): Element | undefined {
    const style = getComputedStyle(element);
    // Markers inside <defs> report display:none but must be kept.
    if (style.display === 'none' && element.closest('defs') === null) return undefined;
    const copy = element.cloneNode(false) as Element;
    for (const name of DROPPED_ATTRIBUTES) copy.removeAttribute(name);
    if (!(element instanceof SVGTitleElement) && element.tagName !== 'defs' && element.tagName !== 'marker') {
        for (const property of PROPERTIES) {
            const value = style.getPropertyValue(property);
            if (!value) continue;
            if (property === 'marker-end') {
                const id = /#([\w-]+)/.exec(value)?.[1];
                if (id) copy.setAttribute('marker-end', `url(#${id})`);
                continue;
            }
            copy.setAttribute(property, value);
        }
    }
    for (const child of element.childNodes) {
        if (child.nodeType === Node.TEXT_NODE) copy.append(child.cloneNode());
        else if (child.nodeType === Node.ELEMENT_NODE) {
            const resolved = resolve(child as Element);
            if (resolved) copy.append(resolved);
        }
    }
    return copy;
}
