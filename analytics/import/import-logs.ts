import * as path from 'node:path';
import { AnalyticsError } from '../errors.js';
import type { FlowContext } from '../flow-context.js';
import type { ImportProblem, ImportSummary } from '../model.js';
import { DEFAULT_PRIVACY, protectText, type PrivacyOptions } from '../privacy.js';
import { ChatIdProtector } from '../privacy/chat-ids.js';
import { saltId } from '../privacy/salt-file.js';
import type { AnalyticsStore, StoredEvent } from '../store.js';
import { readCanonicalCsv } from './csv-reader.js';
import { detectFormat } from './detect-format.js';
import { IdentityOrdinals } from './event-identity.js';
import { readCanonicalJsonl } from './jsonl-reader.js';
import type { LogEvent, LogFormat, ReadBatch, ReaderOptions } from './log-event.js';
import { readRasaEventLines, readRasaTrackers } from './rasa-readers.js';

export const IMPORT_PROBLEMS_KEPT = 20;

/**
 * Typed answers kept as typed may be health information: on a server they would leave the
 * importing machine, so the `keep` policy is for a local SQLite file only.
 */
export function refuseKeptTextOnServer(store: Pick<AnalyticsStore, 'engine' | 'file'>, policy: PrivacyOptions['policy']): void {
    if (store.engine === 'postgres' && policy === 'keep') {
        throw new AnalyticsError('refused', `the 'keep' privacy policy is refused for a server database (${store.file}): typed answers can hold patient data, and they would leave this machine. Import with 'redact' or 'hash' (redaction happens here, before anything is sent).`);
    }
}
/**
 * Events per transaction. Each commit writes every page the batch dirtied (the tail pages of the
 * indexes again and again) and chats cut by a batch boundary are recomputed: 20,000 took ~15% less
 * CPU than 5,000 over the benchmark's million; a batch is still ~0.2 s, so cancel stays prompt.
 */
export const DEFAULT_BATCH_SIZE = 20_000;

export interface ImportOptions extends ReaderOptions {
    context: FlowContext;
    /** 'auto' (default) detects each file's format. */
    format?: LogFormat | 'auto';
    /** Default: 'redact'. */
    privacy?: PrivacyOptions;
    batchSize?: number;
    /** Called after each stored batch. */
    onProgress?: (progress: { file: string; lines: number; imported: number; duplicates: number }) => void;
    /** Stops between batches; what was stored stays stored and a re-run continues (duplicates are skipped). */
    signal?: AbortSignal;
    /** How files are named in problems (relative paths for the CLI). */
    displayName?: (file: string) => string;
}

/** A log file that cannot be read or whose format cannot be told. */
export class LogFileError extends Error {}

const READERS: Record<LogFormat, (file: string, options: ReaderOptions) => AsyncGenerator<ReadBatch>> = {
    'jsonl': readCanonicalJsonl,
    'csv': readCanonicalCsv,
    'rasa-tracker': readRasaTrackers,
    'rasa-events': readRasaEventLines
};

/** Imports log files into the store, batch by batch; returns what was imported, skipped and unmatched. */
export async function importLogFiles(store: AnalyticsStore, files: readonly string[], options: ImportOptions): Promise<ImportSummary> {
    const privacy = options.privacy ?? DEFAULT_PRIVACY;
    refuseKeptTextOnServer(store, privacy.policy);
    const salt = privacy.salt ? saltId(privacy.salt) : undefined;
    const summary: ImportSummary = { files: 0, read: 0, imported: 0, duplicates: 0, malformed: 0, problems: [], ignored: 0, unmatched: [], unknownGoals: [], redacted: 0, policy: privacy.policy };
    const unmatched = new Map<string, { flow: string; box: string; events: number }>();
    const unknownGoals = new Map<string, number>();
    await store.resolveUnmatched(options.context);
    for (const file of files) {
        options.signal?.throwIfAborted();
        const name = options.displayName?.(file) ?? file;
        const format = options.format && options.format !== 'auto' ? options.format : detectFormat(file);
        if (!format) {
            throw new LogFileError(`cannot tell the format of ${name}: expected canonical JSON Lines, CSV with a chat,ts,... header, or Rasa tracker/event JSON. Pass --format.`);
        }
        const before = { imported: summary.imported, duplicates: summary.duplicates, malformed: summary.malformed };
        await importFile(store, file, name, READERS[format], options, summary, unmatched, unknownGoals);
        await store.recordImport(path.resolve(file), {
            imported: summary.imported - before.imported,
            duplicates: summary.duplicates - before.duplicates,
            malformed: summary.malformed - before.malformed,
            policy: privacy.policy, saltId: salt
        });
        summary.files++;
    }
    summary.unmatched = [...unmatched.values()].sort((a, b) => b.events - a.events || a.box.localeCompare(b.box));
    summary.unknownGoals = [...unknownGoals].map(([goal, events]) => ({ goal, events })).sort((a, b) => b.events - a.events || a.goal.localeCompare(b.goal));
    return summary;
}

async function importFile(
    store: AnalyticsStore, file: string, name: string, reader: (typeof READERS)[LogFormat], options: ImportOptions,
    summary: ImportSummary, unmatched: Map<string, { flow: string; box: string; events: number }>, unknownGoals: Map<string, number>
): Promise<void> {
    const goals = options.context.goalBoxes();
    const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    const ordinals = new IdentityOrdinals();
    const privacy = options.privacy ?? DEFAULT_PRIVACY;
    const chats = new ChatIdProtector(privacy.chatKey);
    let pending: StoredEvent[] = [];
    let lines = 0;
    // One batch is written while the next is parsed: SQLite works on its own thread meanwhile.
    let writing: Promise<void> = Promise.resolve();
    let failure: { error: unknown } | undefined;
    const settle = async () => {
        await writing;
        if (failure) throw failure.error;
    };
    const flush = async () => {
        await settle();
        options.signal?.throwIfAborted();
        const batch = pending;
        pending = [];
        writing = store.importBatch(batch).then(result => {
            summary.imported += result.inserted;
            summary.duplicates += result.duplicates;
            options.onProgress?.({ file: name, lines, imported: summary.imported, duplicates: summary.duplicates });
        }, error => {
            failure = { error };
        });
    };
    try {
        for await (const batch of reader(file, options)) {
            lines = batch.lines;
            summary.ignored += batch.ignored;
            summary.malformed += batch.malformed.length;
            for (const problem of batch.malformed) {
                if (summary.problems.length < IMPORT_PROBLEMS_KEPT) summary.problems.push({ file: name, ...problem } satisfies ImportProblem);
            }
            for (const event of batch.events) {
                const stored = toStored(event, options.context, ordinals, privacy, chats);
                if (stored.text !== event.text) summary.redacted++;
                if (!stored.matched) {
                    const key = `${event.flow}\u0000${event.box}`;
                    const entry = unmatched.get(key) ?? { flow: event.flow, box: event.box, events: 0 };
                    entry.events++;
                    unmatched.set(key, entry);
                }
                if (stored.type === 'goal' && !goals.has(stored.goal)) unknownGoals.set(stored.goal, (unknownGoals.get(stored.goal) ?? 0) + 1);
                pending.push(stored);
                summary.read++;
                if (pending.length >= batchSize) await flush();
            }
        }
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') {
            throw new LogFileError(`cannot read ${name} (${code}). Check that the log file exists and is readable.`);
        }
        throw error;
    }
    if (pending.length > 0) await flush();
    await settle();
}

function toStored(event: LogEvent, context: FlowContext, ordinals: IdentityOrdinals, privacy: PrivacyOptions, chats: ChatIdProtector): StoredEvent {
    const resolved = event.box === '' ? '' : context.resolve(event.flow, event.box);
    const matched = resolved !== undefined;
    const box = resolved ?? event.box;
    const text = protectText({ type: event.type, box, matched, text: event.text }, context, privacy);
    const chat = chats.protect(event.chat);
    return {
        chat, ts: event.ts, type: event.type, box, matched, goal: event.goal, text,
        flow: event.flow, version: event.version,
        ordinal: ordinals.next(chat, event.ts, event.type, box, event.goal)
    };
}
