import { openLog } from './compressed.js';

export interface LineChunk {
    /** Line number of `lines[0]`, 1-based. */
    first: number;
    lines: string[];
}

/**
 * Streams a text file (gzip decompressed on the fly) as chunks of whole lines (without '\n' or a
 * trailing '\r'; a UTF-8 BOM is dropped), so a reader never holds the whole file and every line keeps its number. Chunks are
 * small (64 KB, ~500 lines) so the event loop turns often: the store's SQLite calls, running on
 * another thread, wait for it between statements.
 */
export async function* readLines(file: string, chunkBytes = 1 << 16): AsyncGenerator<LineChunk> {
    const stream = openLog(file, chunkBytes).setEncoding('utf8');
    let carry = '';
    let next = 1;
    let first = true;
    for await (const piece of stream as AsyncIterable<string>) {
        let text = carry + piece;
        if (first) {
            if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
            first = false;
        }
        const lines = text.split('\n');
        carry = lines.pop()!;
        if (lines.length === 0) continue;
        for (let i = 0; i < lines.length; i++) {
            const line = lines[i];
            if (line.endsWith('\r')) lines[i] = line.slice(0, -1);
        }
        yield { first: next, lines };
        next += lines.length;
    }
    if (carry !== '') yield { first: next, lines: [carry.endsWith('\r') ? carry.slice(0, -1) : carry] };
}
