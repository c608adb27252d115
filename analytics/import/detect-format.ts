import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LogFormat } from './log-event.js';

const PEEK_BYTES = 64 * 1024;

/**
 * Guesses a log's format from its first lines: a CSV header, a canonical event object, a Rasa
 * event (`event` + `sender_id`), a Rasa tracker (`events` array) or a JSON array of trackers.
 * Returns undefined when none fits.
 */
export function detectFormat(file: string): LogFormat | undefined {
    const head = peek(file).replace(/^\uFEFF/, '');
    const trimmed = head.trimStart();
    if (trimmed.startsWith('[')) return 'rasa-tracker';
    const lines = trimmed.split('\n').map(l => l.trim()).filter(l => l !== '').slice(0, 20);
    if (trimmed.startsWith('{')) {
        for (const line of lines) {
            const kind = objectKind(line);
            if (kind) return kind;
        }
        // A pretty-printed document: a tracker dump when it has the tracker's keys.
        return /"sender_id"/.test(head) && /"events"\s*:/.test(head) ? 'rasa-tracker' : undefined;
    }
    const header = lines[0]?.toLowerCase().split(',').map(c => c.trim().replace(/^"|"$/g, '')) ?? [];
    if (path.extname(file).toLowerCase() === '.csv' || (header.includes('chat') && header.includes('type'))) return 'csv';
    return undefined;
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

function peek(file: string): string {
    const fd = fs.openSync(file, 'r');
    try {
        const buffer = Buffer.alloc(PEEK_BYTES);
        const read = fs.readSync(fd, buffer, 0, PEEK_BYTES, 0);
        return buffer.subarray(0, read).toString('utf8');
    } finally {
        fs.closeSync(fd);
    }
}
