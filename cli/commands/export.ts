import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SourceRange, TrackPlatform } from '../../language/flow-model.js';
import { AnalyticsError } from '../../analytics/errors.js';
import { ExportError } from '../../analytics/export/export-error.js';
import { runExport } from '../../analytics/export/run-export.js';
import type { ExportFailure, ExportResult } from '../../analytics/model.js';
import { scopeOf } from '../../analytics/metrics/scope.js';
import { parseArgs, type CommandSpec } from '../args.js';
import { displayPath } from '../diagnostics.js';
import { ExitCode, UsageError } from '../errors.js';
import { EXPORT_HELP } from '../help.js';
import { shownStore, storeLocation } from '../store-args.js';
import type { CommandIO } from './io.js';
import { loadFlowGraphs } from './import.js';

export const exportSpec: CommandSpec = {
    name: 'export',
    options: {
        'db': 'any', 'from': 'any', 'to': 'any', 'time-zone': 'any', 'salt-file': 'any', 'out': 'any', 'send': 'flag', 'endpoint': 'any',
        'user-data': ['external_id'], 'format': ['text', 'json'], 'help': 'flag'
    }
};

/** `chatflow export ga4|meta <flow files> [--db] [--from] [--to] [--time-zone] [--salt-file] [--out file] [--send --endpoint URL] [--user-data external_id]` */
export async function exportCommand(argv: readonly string[], io: CommandIO, env: NodeJS.ProcessEnv = process.env): Promise<number> {
    const { positionals, options } = parseArgs(argv, exportSpec);
    if (options.help) {
        io.out(EXPORT_HELP);
        return ExitCode.Ok;
    }
    const [platform, ...inputs] = positionals;
    if (platform !== 'ga4' && platform !== 'meta') {
        throw new UsageError(`export needs the platform first: chatflow export ga4 <flows> or chatflow export meta <flows>${platform ? ` (not '${platform}')` : ''}.`);
    }
    if (inputs.length === 0) throw new UsageError(`export needs the .chatflow files or folders that declare the track blocks, e.g. chatflow export ${platform} examples`);
    const text = (name: string) => (typeof options[name] === 'string' ? options[name] as string : undefined);
    if (platform === 'ga4' && options['user-data']) throw new UsageError('--user-data is for meta only: GA4 gets a hashed client_id and nothing else about the chat.');
    const endpoint = text('endpoint');
    if (options.send && !endpoint) {
        throw new UsageError(`--send needs --endpoint, the ${platform === 'ga4' ? 'Measurement Protocol URL (https://www.google-analytics.com/mp/collect)' : 'Graph API URL (https://graph.facebook.com/v21.0)'}.`);
    }
    if (endpoint && !options.send) throw new UsageError('--endpoint is only used with --send; without --send the export is a dry run that writes --out.');
    const location = storeLocation(options, io.cwd);
    if (location.engine === 'sqlite' && !fs.existsSync(location.file)) {
        throw new UsageError(`no analytics database at ${displayPath(location.file, io.cwd)}. Run 'chatflow import <log files> --flow <flows>' first, or pass --db.`);
    }
    const filter = Object.fromEntries(Object.entries({ from: text('from'), to: text('to'), timeZone: text('time-zone') }).filter(([, v]) => v !== undefined));
    try {
        scopeOf(filter);
    } catch (error) {
        if (error instanceof RangeError) throw new UsageError(`${error.message}.`);
        throw error;
    }
    const out = text('out') ?? (options.send ? undefined : path.join('.chatflow', `export-${platform}.json`));
    const graphs = await loadFlowGraphs(inputs, io);
    if (!graphs) return ExitCode.Problems;
    let result: ExportResult;
    try {
        result = await runExport({
            platform: platform as TrackPlatform,
            graphs,
            db: location,
            display: file => displayPath(file, io.cwd),
            place: range => placeOf(range, io.cwd),
            filter,
            out: out === undefined ? undefined : path.resolve(io.cwd, out),
            send: options.send ? { endpoint: endpoint!, env } : undefined,
            userData: options['user-data'] === 'external_id',
            saltFile: text('salt-file')
        });
    } catch (error) {
        if (error instanceof ExportError || error instanceof AnalyticsError) {
            if (options.format === 'json') io.out(JSON.stringify({ error: error.message } satisfies ExportFailure, null, 2));
            io.err(`chatflow: export failed: ${error.message}`);
            io.err(`(recorded in the export audit log of ${shownStore(location, io.cwd)})`);
            return ExitCode.ExportFailed;
        }
        throw error;
    }
    for (const warning of result.warnings) io.err(`chatflow: warning: ${warning}`);
    io.out(options.format === 'json' ? JSON.stringify(result, null, 2) : result.summary);
    return ExitCode.Ok;
}

function placeOf(range: SourceRange, cwd: string): string {
    const file = range.uri.startsWith('file:') ? displayPath(fileURLToPath(range.uri), cwd) : range.uri;
    return `${file}:${range.start.line + 1}`;
}
