/** Tiny DOM builder: user texts always go through textContent, never through markup. */
type Attrs = Record<string, string | number | boolean | undefined>;
type Child = Node | string | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs)) {
        if (value === undefined || value === false) continue;
        if (name === 'class') element.className = String(value);
        else element.setAttribute(name, value === true ? '' : String(value));
    }
    for (const child of children) {
        if (child === undefined || child === false) continue;
        element.append(typeof child === 'string' ? document.createTextNode(child) : child);
    }
    return element;
}

/** The element matching `selector` inside `root`; a missing one is a bug in the shell, said loudly. */
export function must<T extends Element>(root: ParentNode, selector: string): T {
    const found = root.querySelector<T>(selector);
    if (!found) throw new Error(`Chatflow preview: element ${selector} is missing from the page.`);
    return found;
}

export function formatCount(value: number): string {
    return value.toLocaleString('en-US');
}
