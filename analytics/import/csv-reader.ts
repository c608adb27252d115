import { CANONICAL_COLUMNS, canonicalEvent } from './canonical-record.js';
import { CsvRecords, type CsvRecord } from './csv-records.js';
import type { ReadBatch, ReaderOptions } from './log-event.js';
import { readLines } from './line-reader.js';

/**
 * Canonical CSV: the columns chat,ts,flow,version,box,type,text,goal. A header row naming them
 * (any order, extra columns ignored) is recommended; without one the canonical order is assumed.
 * Lines before the header that are no events (a banner, broken lines) are reported as malformed
 * and the header is still found, as long as no event was read before it.
 */
export async function* readCanonicalCsv(file: string, options: ReaderOptions): AsyncGenerator<ReadBatch> {
    const records = new CsvRecords();
    let columns: string[] | undefined;
    let positions: number[] | undefined;
    let fromHeader = false;
    let events = 0;
    let lines = 0;
    const take = (batch: ReadBatch, record: CsvRecord) => {
        if ('error' in record) {
            batch.malformed.push({ line: record.line, reason: record.error });
            return;
        }
        if (!fromHeader && events === 0) {
            const header = record.fields.map(f => f.trim().toLowerCase());
            if (header.includes('chat') && header.includes('type')) {
                columns = header;
                positions = undefined;
                fromHeader = true;
                return;
            }
        }
        columns ??= [...CANONICAL_COLUMNS];
        if (record.fields.length !== columns.length) {
            batch.malformed.push({ line: record.line, reason: `${record.fields.length} fields, expected ${columns.length} (${columns.join(',')}): quote fields that contain commas, and give every row all the columns` });
            return;
        }
        positions ??= canonicalPositions(columns);
        // One object shape for every row (canonical fields only; a missing column reads as absent).
        const f = record.fields;
        const p = positions;
        const row = { chat: f[p[0]], ts: f[p[1]], flow: f[p[2]], version: f[p[3]], box: f[p[4]], type: f[p[5]], text: f[p[6]], goal: f[p[7]] };
        const event = canonicalEvent(row, record.line, options);
        if (typeof event === 'string') batch.malformed.push({ line: record.line, reason: event });
        else {
            batch.events.push(event);
            events++;
        }
    };
    for await (const chunk of readLines(file)) {
        const batch: ReadBatch = { events: [], malformed: [], ignored: 0, lines: 0 };
        for (const record of records.push(chunk)) take(batch, record);
        lines += chunk.lines.length;
        batch.lines = lines;
        yield batch;
    }
    const last: ReadBatch = { events: [], malformed: [], ignored: 0, lines };
    for (const record of records.end()) take(last, record);
    if (last.malformed.length > 0 || last.events.length > 0) yield last;
}

/** Where each canonical column sits in the file's columns (-1: absent). Of a repeated name the last wins, as when rows were keyed by name. */
function canonicalPositions(columns: readonly string[]): number[] {
    return CANONICAL_COLUMNS.map(name => columns.lastIndexOf(name));
}
