import * as fs from 'node:fs';
import type { ReadBatch, ReaderOptions } from './log-event.js';
import { readLines } from './line-reader.js';
import { RasaEventMapper } from './rasa-events.js';

/** Rasa event-broker JSON Lines: one event per line, each with its `sender_id`. */
export async function* readRasaEventLines(file: string, options: ReaderOptions): AsyncGenerator<ReadBatch> {
    const mapper = new RasaEventMapper(options);
    let lines = 0;
    for await (const chunk of readLines(file)) {
        const batch: ReadBatch = { events: [], malformed: [], ignored: 0, lines: 0 };
        chunk.lines.forEach((text, i) => {
            const line = chunk.first + i;
            if (text.trim() === '') return;
            const record = parseJson(text);
            if (typeof record === 'string') {
                batch.malformed.push({ line, reason: record });
                return;
            }
            collect(batch, mapper.map(record, (record as { sender_id?: unknown } | null)?.sender_id, line), line);
        });
        lines += chunk.lines.length;
        batch.lines = lines;
        yield batch;
    }
}

/**
 * Rasa tracker dumps: JSON Lines of trackers `{sender_id, events: [...]}`, or one JSON document
 * holding a tracker or an array of them (read whole: tracker dumps are exports of a few
 * conversations; stream big logs through the event broker format instead).
 */
export async function* readRasaTrackers(file: string, options: ReaderOptions): AsyncGenerator<ReadBatch> {
    const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    const whole = parseJson(text);
    if (typeof whole !== 'string') {
        const trackers = Array.isArray(whole) ? whole : [whole];
        const batch: ReadBatch = { events: [], malformed: [], ignored: 0, lines: countLines(text) };
        const starts = trackerLines(text, trackers.length);
        trackers.forEach((tracker, i) => addTracker(batch, new RasaEventMapper(options), tracker, starts[i] ?? 1));
        yield batch;
        return;
    }
    const mapper = new RasaEventMapper(options);
    let lines = 0;
    for await (const chunk of readLines(file)) {
        const batch: ReadBatch = { events: [], malformed: [], ignored: 0, lines: 0 };
        chunk.lines.forEach((line, i) => {
            if (line.trim() === '') return;
            const tracker = parseJson(line);
            if (typeof tracker === 'string') batch.malformed.push({ line: chunk.first + i, reason: tracker });
            else addTracker(batch, mapper, tracker, chunk.first + i);
        });
        lines += chunk.lines.length;
        batch.lines = lines;
        yield batch;
    }
}

function addTracker(batch: ReadBatch, mapper: RasaEventMapper, tracker: unknown, line: number): void {
    const t = tracker as { sender_id?: unknown; events?: unknown } | null;
    if (typeof t !== 'object' || t === null || !Array.isArray(t.events)) {
        batch.malformed.push({ line, reason: 'not a Rasa tracker: write it as {"sender_id": ..., "events": [...]}, or remove it' });
        return;
    }
    t.events.forEach((event, index) => {
        const result = mapper.map(event, t.sender_id, line);
        if ('malformed' in result) batch.malformed.push({ line, reason: `events[${index}] of tracker ${JSON.stringify(t.sender_id)}: ${result.malformed}` });
        else collect(batch, result, line);
    });
}

function collect(batch: ReadBatch, result: ReturnType<RasaEventMapper['map']>, line: number): void {
    if ('event' in result) batch.events.push(result.event);
    else if ('ignored' in result) batch.ignored++;
    else batch.malformed.push({ line, reason: result.malformed });
}

function parseJson(text: string): unknown {
    try {
        return JSON.parse(text) as unknown;
    } catch (error) {
        return `not JSON (${(error as Error).message}): fix the line, or remove it`;
    }
}

function countLines(text: string): number {
    let n = 1;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
    return n;
}

/** Lines where the trackers of a whole-file dump start: those holding `"sender_id"`, in order. */
function trackerLines(text: string, count: number): number[] {
    const lines: number[] = [];
    text.split('\n').forEach((line, i) => {
        if (line.includes('"sender_id"')) lines.push(i + 1);
    });
    return lines.length === count ? lines : [];
}
