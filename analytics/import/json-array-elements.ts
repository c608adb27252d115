/** One element of a JSON array as its text, with the line it starts on; or why the text there is not one. */
export type ArrayElement = { line: number; text: string } | { line: number; error: string };

/**
 * An element bigger than this is reported instead of held: an event is a few hundred bytes, so
 * memory stays bounded whatever the file holds.
 */
export const MAX_ELEMENT_CHARS = 1 << 20;

/**
 * Splits a JSON array (`[{...}, {...}]`, over any number of lines) into the texts of its
 * top-level elements, line by line, without holding more than one element: a JSON export of a
 * million events is read like JSON Lines. Only the structure is tracked (strings, escapes,
 * nesting); each element is then parsed on its own, so one broken element costs only itself.
 */
export class JsonArrayElements {
    private state: 'before' | 'inside' | 'after' = 'before';
    private depth = 0;
    private inString = false;
    private escaped = false;
    private parts: string[] = [];
    private size = 0;
    private start = 0;
    private tooBig = false;
    private reportedAfter = false;

    /** The elements completed by this line (1-based `line`). */
    push(text: string, line: number): ArrayElement[] {
        const out: ArrayElement[] = [];
        let from = this.size > 0 ? 0 : -1; // where the current element's text starts in this line (0: it goes on from the last)
        for (let i = 0; i < text.length; i++) {
            const c = text.charCodeAt(i);
            if (this.state !== 'inside') {
                if (c === 32 || c === 9 || c === 13) continue;
                if (this.state === 'before' && c === 91 /* [ */) {
                    this.state = 'inside';
                    continue;
                }
                if (!this.reportedAfter) {
                    this.reportedAfter = true;
                    out.push({ line, error: this.state === 'before'
                        ? 'not a JSON array: a JSON log starts with [ (or write one event per line, JSON Lines)'
                        : 'text after the end of the JSON array: remove it, or put those events inside the array' });
                }
                if (this.state === 'before') this.state = 'after';
                return out;
            }
            if (this.inString) {
                if (this.escaped) this.escaped = false;
                else if (c === 92 /* \ */) this.escaped = true;
                else if (c === 34 /* " */) this.inString = false;
                continue;
            }
            const open = from >= 0;
            if (this.depth === 0 && (c === 44 /* , */ || c === 93 /* ] */)) {
                if (open) {
                    this.append(text.slice(from, i));
                    out.push(this.finish());
                    from = -1;
                }
                if (c === 93) this.state = 'after';
                continue;
            }
            if (!open) {
                if (c === 32 || c === 9 || c === 13) continue;
                from = i;
                this.start = line;
            }
            if (c === 34) this.inString = true;
            else if (c === 123 || c === 91) this.depth++;
            else if (c === 125 || c === 93) this.depth--;
        }
        if (from >= 0) this.append(text.slice(from));
        if (this.size > 0) this.append('\n');
        return out;
    }

    /** At the end of the file: an array never closed, or an element cut off. */
    end(): ArrayElement[] {
        if (this.state === 'before') return [{ line: 1, error: 'not a JSON array: the file is empty' }];
        if (this.state === 'after') return [];
        const out: ArrayElement[] = [];
        if (this.size > 0) {
            out.push({ line: this.start, error: 'this element of the JSON array is cut off at the end of the file: complete it and close the array with ]' });
        } else {
            out.push({ line: this.start || 1, error: 'the JSON array is never closed: end the file with ]' });
        }
        this.parts = [];
        this.size = 0;
        return out;
    }

    private append(piece: string): void {
        this.size += piece.length;
        if (this.size > MAX_ELEMENT_CHARS) this.tooBig = true;
        if (!this.tooBig) this.parts.push(piece);
    }

    private finish(): ArrayElement {
        const element: ArrayElement = this.tooBig
            ? { line: this.start, error: `an element of more than ${MAX_ELEMENT_CHARS} characters: an event is one small object; split it up, or remove it` }
            : { line: this.start, text: this.parts.join('') };
        this.parts = [];
        this.size = 0;
        this.tooBig = false;
        this.depth = 0;
        return element;
    }
}
