import * as fs from 'node:fs';
import * as path from 'node:path';
import { JsonArrayElements } from './json-array-elements.js';
import type { LogFormat } from './log-event.js';

/**
 * How far detection reads: logs often start with lines that are not events (a banner, a
 * truncated first line, a few broken ones), so it looks past them, but never reads a whole big
 * file just to decide.
 */
export const SCAN_BYTES = 1 << 20;
export const SCAN_LINES = 1000;

/** A log's format, or 'empty' for a file with nothing but blank lines (it imports 0 events). */
export type DetectedFormat = LogFormat | 'empty';

/**
 * Guesses a log's format from its first lines that parse (up to SCAN_LINES lines in the first
 * SCAN_BYTES): a CSV header, a canonical event object, a Rasa event (`event` + `sender_id`), a
 * Rasa tracker (`events` array), or a JSON array of canonical events or of trackers (by its
 * first element that parses). A `.csv` file without a recognisable header is read as CSV in the
 * canonical column order. Returns undefined when nothing fits.
 */
export function detectFormat(file: string): DetectedFormat | undefined {
    const { text, whole } = peek(file);
    const head = text.replace(/^\uFEFF/, '');
    const trimmed = head.trimStart();
    if (trimmed === '' && whole) return 'empty';
    if (trimmed.startsWith('[')) return arrayKind(head);
    // The last line of a partial read may be cut in the middle.
    const lines = head.split('\n');
    if (!whole) lines.pop();
    let seen = 0;
    for (const raw of lines) {
        const line = raw.trim();
        if (line === '') continue;
        if (++seen > SCAN_LINES) break;
        const kind = line.startsWith('{') ? objectKind(line) : csvHeader(line) ? 'csv' : undefined;
        if (kind) return kind;
    }
    // A pretty-printed document: a tracker dump when it has the tracker's keys.
    if (trimmed.startsWith('{') && /"sender_id"/.test(head) && /"events"\s*:/.test(head)) return 'rasa-tracker';
    if (path.extname(file).toLowerCase() === '.csv') return 'csv';
    return undefined;
}

/**
 * What to tell a user whose log's format could not be told, beyond the list of formats: a
 * headerless CSV (lines of comma-separated fields) gets the one option that reads it.
 */
export function formatGuess(file: string): 'csv' | undefined {
    const first = peek(file).text.replace(/^\uFEFF/, '').split('\n').map(l => l.trim()).find(l => l !== '');
    return first !== undefined && !first.startsWith('{') && !first.startsWith('[') && first.split(',').length >= 6 ? 'csv' : undefined;
}

function csvHeader(line: string): boolean {
    const header = line.toLowerCase().split(',').map(c => c.trim().replace(/^"|"$/g, ''));
    return header.includes('chat') && header.includes('type');
}

function objectKind(line: string): LogFormat | undefined {
    let value: unknown;
    try {
        value = JSON.parse(line);
    } catch {
        return undefined; // a malformed line: look at the next one
    }
    if (typeof value !== 'object' || value === null) return undefined;
    const record = value as Record<string, unknown>;
    if (Array.isArray(record.events)) return 'rasa-tracker';
    if (typeof record.event === 'string') return 'rasa-events';
    if ('chat' in record) return 'jsonl';
    return undefined;
}

/** A JSON array: of trackers, or of canonical events, by its first element that parses. */
function arrayKind(head: string): LogFormat | undefined {
    const elements = new JsonArrayElements();
    let seen = 0;
    for (const [i, line] of head.split('\n').entries()) {
        for (const element of elements.push(line, i + 1)) {
            if (++seen > SCAN_LINES) break;
            if ('error' in element) continue;
            let value: unknown;
            try {
                value = JSON.parse(element.text);
            } catch {
                continue;
            }
            if (typeof value !== 'object' || value === null || Array.isArray(value)) continue;
            const record = value as Record<string, unknown>;
            if (Array.isArray(record.events) || 'sender_id' in record) return 'rasa-tracker';
            if ('chat' in record) return 'json';
        }
    }
    // The first element is bigger than the part read: a tracker dump has the tracker's keys.
    if (/"sender_id"/.test(head) && /"events"\s*:/.test(head)) return 'rasa-tracker';
    if (/"chat"\s*:/.test(head) && /"type"\s*:/.test(head)) return 'json';
    return undefined;
}

function peek(file: string): { text: string; whole: boolean } {
    const fd = fs.openSync(file, 'r');
    try {
        const buffer = Buffer.alloc(SCAN_BYTES);
        const read = fs.readSync(fd, buffer, 0, SCAN_BYTES, 0);
        // A multi-byte character cut at the end decodes as U+FFFD, on the line dropped as partial.
        return { text: buffer.subarray(0, read).toString('utf8'), whole: read >= fs.fstatSync(fd).size };
    } finally {
        fs.closeSync(fd);
    }
}

/** Whether a file holds nothing but blank lines (and maybe a BOM): it imports 0 events, whatever its format. */
export function isBlankFile(file: string): boolean {
    const { text, whole } = peek(file);
    return whole && text.replace(/^\uFEFF/, '').trim() === '';
}
