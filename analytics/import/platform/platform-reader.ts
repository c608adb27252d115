import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ReadBatch, ReaderOptions } from '../log-event.js';
import { readJsonRecords } from './json-records.js';
import { PlatformChats } from './platform-chats.js';

/** Where a record came from: its file (inside a folder log) and line. */
export interface RecordPlace {
    file: string;
    line: number;
}

/** A platform's mapping of its records to bot and user turns (one per import of a log). */
export interface RecordMapper {
    /** Turns of the record into `chats`, or why it is malformed (a reason saying what to do). */
    map(record: Record<string, unknown>, place: RecordPlace, chats: PlatformChats, batch: ReadBatch): string | undefined;
}

/**
 * A platform's reader: the log is a file, or a folder walked in name order (the Bot Framework
 * blob transcript store keeps a folder per channel and conversation, a file per activity; a
 * folder of Voiceflow dialogs holds a file per transcript). Every file's records go through one
 * mapper and one PlatformChats, so a conversation may span files. A malformed record in a folder
 * is reported with its file's path inside the folder.
 */
export function platformReader(mapper: () => RecordMapper): (file: string, options: ReaderOptions) => AsyncGenerator<ReadBatch> {
    return async function* read(log: string, options: ReaderOptions): AsyncGenerator<ReadBatch> {
        const map = mapper();
        const chats = new PlatformChats(options);
        const folder = fs.statSync(log).isDirectory();
        const files = folder ? logFilesIn(log) : [log];
        let lines = 0;
        for (const file of files) {
            const inside = folder ? path.relative(log, file) : undefined;
            let before = 0;
            for await (const chunk of readJsonRecords(file)) {
                const batch: ReadBatch = { events: [], malformed: [], ignored: 0, lines: 0 };
                for (const record of chunk.records) {
                    const reason = 'error' in record ? record.error : map.map(record.value, { file, line: record.line }, chats, batch);
                    if (reason !== undefined) batch.malformed.push({ line: record.line, reason, ...(inside ? { file: inside } : {}) });
                }
                lines += chunk.lines - before;
                before = chunk.lines;
                batch.lines = lines;
                yield batch;
            }
        }
        const last: ReadBatch = { events: [], malformed: [], ignored: 0, lines };
        chats.end(last);
        yield last;
    };
}

/** The files under a folder, in name order (blob names start with the activity's time), hidden ones left out. */
export function logFilesIn(folder: string): string[] {
    const out: string[] = [];
    const walk = (dir: string) => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
            if (entry.name.startsWith('.')) continue;
            const full = path.join(dir, entry.name);
            if (entry.isDirectory()) walk(full);
            else if (entry.isFile()) out.push(full);
        }
    };
    walk(folder);
    return out;
}
