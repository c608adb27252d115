import * as fs from 'node:fs';
import * as path from 'node:path';
import { AnalyticsError } from '../errors.js';
import type { FlowContext } from '../flow-context.js';
import type { ImportedFile, ImportProblem, ImportSummary } from '../model.js';
import { DEFAULT_PRIVACY, protectText, type PrivacyOptions } from '../privacy.js';
import { ChatIdProtector } from '../privacy/chat-ids.js';
import { saltId } from '../privacy/salt-file.js';
import type { AnalyticsStore, StoredEvent } from '../store.js';
import { readCanonicalCsv } from './csv-reader.js';
import { CANONICAL_COLUMNS } from './canonical-record.js';
import { detectFormat, formatGuess, isBlankFile, type DetectedFormat } from './detect-format.js';
import { eventContent, IdentityOrdinals } from './event-identity.js';
import { readCanonicalJsonl } from './jsonl-reader.js';
import { readCanonicalJsonArray } from './json-array-reader.js';
import { LOG_FORMATS, type LogEvent, type LogFormat, type ReadBatch, type ReaderOptions } from './log-event.js';
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
    /** The option that sets the format (`--log-format` on the command line), for the advice when it cannot be told. */
    formatOption?: string;
}

/** A log file that cannot be read or whose format cannot be told. */
export class LogFileError extends Error {}

/**
 * The import stopped in one file (it became unreadable, the database was locked or full...):
 * `summary` tells what was stored before, which the message spells out too. `cause` is the error.
 */
export class ImportStoppedError extends LogFileError {
    constructor(message: string, readonly summary: ImportSummary, override readonly cause: unknown) {
        super(message);
    }
}

const READERS: Record<LogFormat, (file: string, options: ReaderOptions) => AsyncGenerator<ReadBatch>> = {
    'jsonl': readCanonicalJsonl,
    'json': readCanonicalJsonArray,
    'csv': readCanonicalCsv,
    'rasa-tracker': readRasaTrackers,
    'rasa-events': readRasaEventLines
};

/** A log file checked before the import: readable, and its format known. */
export interface PlannedLog {
    file: string;
    name: string;
    format: DetectedFormat;
}

/**
 * Checks every log before anything is imported: that it is a readable file and of a format that
 * can be told (or was given). Throws one LogFileError naming every file that is not, one line
 * each, so a problem in the last file of a list stores nothing rather than half of the list.
 */
export function planLogFiles(files: readonly string[], options: Pick<ImportOptions, 'format' | 'displayName' | 'formatOption'>): PlannedLog[] {
    const problems: string[] = [];
    const plans: PlannedLog[] = [];
    for (const file of files) {
        const name = options.displayName?.(file) ?? file;
        const unreadable = unreadableReason(file);
        if (unreadable) {
            problems.push(`cannot read ${name} (${unreadable}). Check that the log file exists and is readable.`);
            continue;
        }
        const format = isBlankFile(file) ? 'empty' : options.format && options.format !== 'auto' ? options.format : detectFormat(file);
        if (!format) {
            problems.push(`cannot tell the format of ${name}: expected JSON Lines of events, a JSON array of events, CSV with a chat,ts,... header, or Rasa tracker/event JSON. ${formatAdvice(file, options.formatOption)}`);
            continue;
        }
        plans.push({ file, name, format });
    }
    if (problems.length > 0) throw new LogFileError(`${problems.join('\n')}\nNothing was imported.`);
    return plans;
}

function formatAdvice(file: string, option: string | undefined): string {
    if (!option) return 'Convert it to one of them (README: Log format).';
    if (formatGuess(file) === 'csv') {
        return `It looks like CSV without a header row: pass ${option} csv (columns in the order ${CANONICAL_COLUMNS.join(',')}), or add that header row.`;
    }
    return `Pass ${option} with one of ${LOG_FORMATS.join(', ')}.`;
}

function unreadableReason(file: string): string | undefined {
    try {
        if (!fs.statSync(file).isFile()) return 'a folder, not a log file';
        fs.accessSync(file, fs.constants.R_OK);
        return undefined;
    } catch (error) {
        return (error as NodeJS.ErrnoException).code ?? String(error);
    }
}

/**
 * Imports log files into the store, batch by batch; returns what was imported, skipped and
 * unmatched, per file and in total. Every file is checked first (planLogFiles); if the import
 * stops in a file, an ImportStoppedError says which files were stored before it.
 */
export async function importLogFiles(store: AnalyticsStore, files: readonly string[], options: ImportOptions): Promise<ImportSummary> {
    const plans = planLogFiles(files, options);
    const privacy = options.privacy ?? DEFAULT_PRIVACY;
    refuseKeptTextOnServer(store, privacy.policy);
    const salt = privacy.salt ? saltId(privacy.salt) : undefined;
    const summary: ImportSummary = { files: 0, logs: [], read: 0, imported: 0, duplicates: 0, malformed: 0, problems: [], ignored: 0, unmatched: [], unknownGoals: [], redacted: 0, policy: privacy.policy };
    const unmatched = new Map<string, { flow: string; box: string; events: number }>();
    const unknownGoals = new Map<string, number>();
    const finish = () => {
        summary.unmatched = [...unmatched.values()].sort((a, b) => b.events - a.events || a.box.localeCompare(b.box));
        summary.unknownGoals = [...unknownGoals].map(([goal, events]) => ({ goal, events })).sort((a, b) => b.events - a.events || a.goal.localeCompare(b.goal));
        return summary;
    };
    await store.resolveUnmatched(options.context);
    for (const [index, plan] of plans.entries()) {
        const before = { imported: summary.imported, duplicates: summary.duplicates, malformed: summary.malformed };
        const log: ImportedFile = { file: plan.name, format: plan.format, imported: 0, duplicates: 0, malformed: 0 };
        summary.logs!.push(log);
        const counted = () => Object.assign(log, {
            imported: summary.imported - before.imported, duplicates: summary.duplicates - before.duplicates, malformed: summary.malformed - before.malformed
        });
        try {
            options.signal?.throwIfAborted();
            if (plan.format !== 'empty') await importFile(store, plan.file, plan.name, READERS[plan.format], options, summary, unmatched, unknownGoals);
            await store.recordImport(path.resolve(plan.file), { ...counted(), policy: privacy.policy, saltId: salt });
        } catch (error) {
            if (options.signal?.aborted) throw error;
            counted().failed = true;
            // Nothing stored yet: nothing half-done to tell about, the error alone says it.
            if (summary.imported === 0 && index === 0) throw error;
            throw new ImportStoppedError(stoppedMessage(summary, plans.slice(index + 1), error), finish(), error);
        }
        summary.files++;
    }
    return finish();
}

/** Which files were stored, how far the failing one got, which were not started, and what to do. */
function stoppedMessage(summary: ImportSummary, notStarted: readonly PlannedLog[], error: unknown): string {
    const n = (value: number) => value.toLocaleString('en-US');
    const logs = summary.logs ?? [];
    const failed = logs[logs.length - 1];
    const done = logs.slice(0, -1).map(log => `${log.file} (${n(log.imported)} new events)`);
    const reason = error instanceof Error ? error.message : String(error);
    return [
        `the import stopped in ${failed.file}: ${reason}`,
        done.length > 0 ? `Imported before it: ${done.join(', ')}.` : 'No file before it was imported.',
        `From ${failed.file} itself ${n(failed.imported)} events were stored (whole batches) before it stopped.`,
        notStarted.length > 0 ? `Not imported: ${notStarted.map(log => log.name).join(', ')}.` : '',
        'Fix the problem and run the same import again: what is stored is skipped.'
    ].filter(Boolean).join(' ');
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
        const { code, syscall } = error as NodeJS.ErrnoException;
        if (code && syscall) throw new LogFileError(`cannot read ${name} (${code}). Check that the log file exists and is readable.`);
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
        ordinal: ordinals.next(chat, event.ts, event.type, box, event.goal, eventContent(event))
    };
}
