import { canonicalEvent } from './canonical-record.js';
import { JsonArrayElements, type ArrayElement } from './json-array-elements.js';
import type { ReadBatch, ReaderOptions } from './log-event.js';
import { readLines } from './line-reader.js';

/**
 * Canonical events as one JSON array (`[{"chat": ..., "ts": ..., "type": ...}, ...]`, one event
 * per line or pretty-printed), streamed element by element: memory stays that of one chunk of
 * lines, whatever the file's size. A broken element is reported at the line it starts on.
 */
export async function* readCanonicalJsonArray(file: string, options: ReaderOptions): AsyncGenerator<ReadBatch> {
    const elements = new JsonArrayElements();
    let lines = 0;
    const take = (batch: ReadBatch, element: ArrayElement) => {
        if ('error' in element) {
            batch.malformed.push({ line: element.line, reason: element.error });
            return;
        }
        let record: unknown;
        try {
            record = JSON.parse(element.text);
        } catch (error) {
            batch.malformed.push({ line: element.line, reason: `not JSON (${(error as Error).message}): fix the element, or remove it` });
            return;
        }
        if (typeof record !== 'object' || record === null || Array.isArray(record)) {
            batch.malformed.push({ line: element.line, reason: 'not a JSON object: each element is one event {"chat": ..., "ts": ..., "type": ...}' });
            return;
        }
        const event = canonicalEvent(record as Record<string, unknown>, element.line, options);
        if (typeof event === 'string') batch.malformed.push({ line: element.line, reason: event });
        else batch.events.push(event);
    };
    for await (const chunk of readLines(file)) {
        const batch: ReadBatch = { events: [], malformed: [], ignored: 0, lines: 0 };
        chunk.lines.forEach((text, i) => {
            for (const element of elements.push(text, chunk.first + i)) take(batch, element);
        });
        lines += chunk.lines.length;
        batch.lines = lines;
        yield batch;
    }
    const last: ReadBatch = { events: [], malformed: [], ignored: 0, lines };
    for (const element of elements.end()) take(last, element);
    if (last.malformed.length > 0 || last.events.length > 0) yield last;
}
