import * as fs from 'node:fs';
import * as path from 'node:path';
import { shownLocation } from '../../analytics/database-location.js';
import type { FlowGraph } from '../../language/flow-model.js';
import { AnalyticsError } from '../../analytics/errors.js';
import { FlowContext } from '../../analytics/flow-context.js';
import { ImportStoppedError, importLogFiles, LogFileError, planLogFiles, type PlannedLog } from '../../analytics/import/import-logs.js';
import { LOG_FORMATS, type LogFormat } from '../../analytics/import/log-event.js';
import type { ImportSummary } from '../../analytics/model.js';
import { parseArgs, type CommandSpec } from '../args.js';
import { displayPath, formatProblem, problemsOf } from '../diagnostics.js';
import { ExitCode, UsageError } from '../errors.js';
import { findChatflowFiles } from '../files.js';
import { IMPORT_HELP } from '../help.js';
import { loadWorkspace } from '../workspace.js';
import { openCliStore, shownStore, storeLocation } from '../store-args.js';
import type { CommandIO } from './io.js';
import { PRIVACY_CLI_OPTIONS, privacyFromArgs } from './privacy-options.js';


export const importSpec: CommandSpec = {
    name: 'import',
    options: { 'flow': 'any', 'db': 'any', 'flow-name': 'any', 'log-format': ['auto', ...LOG_FORMATS], ...PRIVACY_CLI_OPTIONS, 'format': ['text', 'json'], 'help': 'flag' }
};

/** `chatflow import <log files...> --flow <flows> [--db path] [--flow-name Name] [--log-format ...] [--format text|json]` */
export async function importCommand(argv: readonly string[], io: CommandIO): Promise<number> {
    const { positionals, options } = parseArgs(argv, importSpec);
    if (options.help) {
        io.out(IMPORT_HELP);
        return ExitCode.Ok;
    }
    if (positionals.length === 0) {
        throw new UsageError('import needs log files, e.g. chatflow import examples/logs/clinic-2026-11.jsonl --flow examples');
    }
    if (typeof options.flow !== 'string') {
        throw new UsageError('import needs --flow with the .chatflow files or folders the logs belong to (box names are matched against them), e.g. --flow examples');
    }
    const logs = positionals.map(log => requireLogFile(log, io.cwd));
    const graphs = await loadFlowGraphs(options.flow.split(','), io);
    if (!graphs) return ExitCode.Problems;
    const context = new FlowContext(graphs);
    const logFormat = (options['log-format'] ?? 'auto') as LogFormat | 'auto';
    const displayName = (file: string) => displayPath(file, io.cwd);
    // Every log is checked (readable, format known) before the database is even opened.
    const plans = guarded(() => planLogFiles(logs, { format: logFormat, displayName, formatOption: '--log-format' }));
    const defaultFlow = flowForUnnamedLogs(options['flow-name'], graphs, plans);
    const location = storeLocation(options, io.cwd);
    const privacy = privacyFromArgs(options, shownLocation(location));
    const store = await openCliStore(location, 'create', io.cwd);
    let summary: ImportSummary;
    const started = Date.now();
    let reported = started;
    try {
        summary = await importLogFiles(store, logs, {
            context, defaultFlow, format: logFormat, privacy, displayName, formatOption: '--log-format',
            onProgress: progress => {
                const now = Date.now();
                if (now - reported < 1000) return;
                reported = now;
                io.err(`importing ${progress.file}: ${progress.lines.toLocaleString('en-US')} lines read, ${progress.imported.toLocaleString('en-US')} events stored (${((now - started) / 1000).toFixed(0)} s)`);
            }
        });
    } catch (error) {
        if (error instanceof ImportStoppedError) {
            // What was stored before the import stopped is said first, then why it stopped.
            printResult(error.summary, { file: shownStore(location, io.cwd), seconds: (Date.now() - started) / 1000 }, options.format === 'json', io);
            if (!isUserError(error.cause)) throw error.cause;
        }
        if (error instanceof LogFileError || error instanceof AnalyticsError) throw new UsageError(error.message);
        throw error;
    } finally {
        await store.close();
    }
    printResult(summary, { file: shownStore(location, io.cwd), seconds: (Date.now() - started) / 1000 }, options.format === 'json', io);
    return ExitCode.Ok;
}

function printResult(summary: ImportSummary, db: { file: string; seconds: number }, json: boolean, io: CommandIO): void {
    if (json) io.out(JSON.stringify({ database: db.file, ...summary }, null, 2));
    else printSummary(summary, db, io);
}

/** An error the user can act on (a log, the database, the disk), as opposed to a bug. */
function isUserError(error: unknown): boolean {
    return error instanceof LogFileError || error instanceof AnalyticsError || typeof (error as NodeJS.ErrnoException | undefined)?.syscall === 'string';
}

function guarded<T>(work: () => T): T {
    try {
        return work();
    } catch (error) {
        if (error instanceof LogFileError) throw new UsageError(error.message);
        throw error;
    }
}

/**
 * Loads .chatflow files and folders as one workspace and builds every flow's FlowGraph; prints
 * the errors and returns undefined when a file has errors (its graph cannot be trusted).
 */
export async function loadFlowGraphs(inputs: readonly string[], io: CommandIO): Promise<FlowGraph[] | undefined> {
    const files = findChatflowFiles(inputs.filter(i => i !== ''), io.cwd);
    const workspace = await loadWorkspace(files);
    const errors = workspace.documents.flatMap(d => problemsOf(d, io.cwd)).filter(p => p.severity === 'error');
    if (errors.length > 0) {
        errors.forEach(problem => io.err(formatProblem(problem)));
        io.err(`the flows have ${errors.length} error${errors.length === 1 ? '' : 's'}: fix them first (chatflow validate lists them).`);
        return undefined;
    }
    return workspace.documents.flatMap(d => workspace.services.flow.FlowGraphs.of(d));
}

function requireLogFile(log: string, cwd: string): string {
    const file = path.resolve(cwd, log);
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (!stat) throw new UsageError(`log file '${log}' does not exist. Check the path (it is relative to ${cwd}).`);
    if (!stat.isFile()) throw new UsageError(`'${log}' is not a file. Pass log files (.jsonl, .csv, Rasa .json).`);
    try {
        fs.accessSync(file, fs.constants.R_OK);
    } catch {
        throw new UsageError(`cannot read log file '${log}'. Check its permissions.`);
    }
    return file;
}

/** Rasa logs name no flow: --flow-name says which, or the only flow loaded. */
function flowForUnnamedLogs(given: string | true | undefined, graphs: readonly FlowGraph[], plans: readonly PlannedLog[]): string | undefined {
    const names = graphs.map(g => g.flow);
    if (typeof given === 'string') {
        if (!names.includes(given)) throw new UsageError(`--flow-name '${given}' is not one of the flows loaded: ${names.join(', ')}.`);
        return given;
    }
    const rasa = plans.filter(plan => plan.format.startsWith('rasa'));
    if (rasa.length === 0) return undefined;
    if (names.length === 1) return names[0];
    throw new UsageError(`${rasa[0].name} is a Rasa log, which names no flow: pass --flow-name with one of ${names.join(', ')}.`);
}

function printSummary(summary: ImportSummary, db: { file: string; seconds: number }, io: CommandIO): void {
    const n = (value: number) => value.toLocaleString('en-US');
    io.out(`Imported ${n(summary.imported)} new events from ${summary.files} file${summary.files === 1 ? '' : 's'} into ${db.file} in ${db.seconds.toFixed(1)} s.`);
    const logs = summary.logs ?? [];
    if (logs.length > 1 || logs.some(log => log.format === 'empty' || log.failed)) {
        for (const log of logs) {
            if (log.format === 'empty') io.out(`  ${log.file}: empty, nothing to import`);
            else io.out(`  ${log.file} (${log.format}): ${n(log.imported)} new, ${n(log.duplicates)} already stored, ${n(log.malformed)} malformed${log.failed ? ' (STOPPED here: see the error below)' : ''}`);
        }
    }
    io.out(`  already stored (skipped): ${n(summary.duplicates)}`);
    io.out(`  malformed lines (skipped): ${n(summary.malformed)}`);
    for (const problem of summary.problems) io.out(`    ${problem.file}:${problem.line}: ${problem.reason}`);
    if (summary.malformed > summary.problems.length) io.out(`    ... and ${n(summary.malformed - summary.problems.length)} more`);
    if (summary.malformed > 0) {
        io.out(`    Fix or remove these lines, then import the same file${logs.length === 1 ? '' : 's'} again: the other ${n(summary.read)} events are stored, and a re-import adds only the fixed lines.`);
    }
    const unmatchedEvents = summary.unmatched.reduce((sum, u) => sum + u.events, 0);
    io.out(`  events at boxes the flows do not have (kept): ${n(unmatchedEvents)}`);
    for (const u of summary.unmatched.slice(0, 20)) io.out(`    ${u.flow || '(no flow)'}: ${u.box} (${n(u.events)} event${u.events === 1 ? '' : 's'})`);
    if (summary.unknownGoals.length > 0) {
        io.out(`  goal events for goals the flows do not declare (kept, not counted): ${summary.unknownGoals.map(g => `${g.goal} (${n(g.events)})`).join(', ')}`);
    }
    io.out(`  texts redacted or hashed (privacy policy '${summary.policy ?? 'redact'}', Safe Harbor scan): ${n(summary.redacted)}`);
    if (summary.policy === 'keep') io.out("  typed answers were KEPT as typed (minus Safe Harbor spans): run 'chatflow redact' to remove them later.");
    if (summary.ignored > 0) io.out(`  Rasa events without a flow step (slots, action_listen...): ${n(summary.ignored)}`);
}
