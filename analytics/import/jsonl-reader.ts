import { canonicalEvent } from './canonical-record.js';
import type { ReadBatch, ReaderOptions } from './log-event.js';
import { readLines } from './line-reader.js';

/** Canonical JSON Lines: one event object per line; blank lines are skipped. */
export async function* readCanonicalJsonl(file: string, options: ReaderOptions): AsyncGenerator<ReadBatch> {
    let lines = 0;
    for await (const chunk of readLines(file)) {
        const batch: ReadBatch = { events: [], malformed: [], ignored: 0, lines: 0 };
        chunk.lines.forEach((text, i) => {
            const line = chunk.first + i;
            if (text.trim() === '') return;
            let record: unknown;
            try {
                record = JSON.parse(text);
            } catch (error) {
                batch.malformed.push({ line, reason: `not JSON (${(error as Error).message}): fix the line, or remove it` });
                return;
            }
            if (typeof record !== 'object' || record === null || Array.isArray(record)) {
                batch.malformed.push({ line, reason: 'not a JSON object: write one event per line as {"chat": ..., "ts": ..., "type": ...}' });
                return;
            }
            const event = canonicalEvent(record as Record<string, unknown>, line, options);
            if (typeof event === 'string') batch.malformed.push({ line, reason: event });
            else batch.events.push(event);
        });
        lines += chunk.lines.length;
        batch.lines = lines;
        yield batch;
    }
}
