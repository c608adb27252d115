import * as fs from 'node:fs';
import { shownLocation } from '../../analytics/database-location.js';
import { AnalyticsError } from '../../analytics/errors.js';
import { FlowContext } from '../../analytics/flow-context.js';
import { reapplyPrivacy, type ReapplyResult } from '../../analytics/reapply-privacy.js';
import { parseArgs, type CommandSpec } from '../args.js';
import { ExitCode, UsageError } from '../errors.js';
import { REDACT_HELP } from '../help.js';
import { loadFlowGraphs } from './import.js';
import { shownStore, storeLocation } from '../store-args.js';
import type { CommandIO } from './io.js';
import { PRIVACY_CLI_OPTIONS, privacyFromArgs } from './privacy-options.js';

export const redactSpec: CommandSpec = {
    name: 'redact',
    options: { 'db': 'any', 'flow': 'any', ...PRIVACY_CLI_OPTIONS, 'format': ['text', 'json'], 'help': 'flag' }
};

/** `chatflow redact [--db path] [--policy redact|hash|keep] [--salt-file f] [--flow flows] [--format text|json]` */
export async function redactCommand(argv: readonly string[], io: CommandIO): Promise<number> {
    const { positionals, options } = parseArgs(argv, redactSpec);
    if (options.help) {
        io.out(REDACT_HELP);
        return ExitCode.Ok;
    }
    if (positionals.length > 0) throw new UsageError(`redact takes no file arguments ('${positionals[0]}'): pass the database with --db.`);
    const location = storeLocation(options, io.cwd);
    const name = shownStore(location, io.cwd);
    if (location.engine === 'sqlite' && !fs.existsSync(location.file)) throw new UsageError(`no analytics database at ${name}. Pass the database to redact with --db.`);
    const privacy = privacyFromArgs(options, shownLocation(location));
    let context: FlowContext | undefined;
    if (typeof options.flow === 'string') {
        const graphs = await loadFlowGraphs(options.flow.split(','), io);
        if (!graphs) return ExitCode.Problems;
        context = new FlowContext(graphs);
    }
    let result: ReapplyResult;
    try {
        result = await reapplyPrivacy(location, { privacy, context, displayName: name });
    } catch (error) {
        if (error instanceof AnalyticsError) throw new UsageError(error.message);
        throw error;
    }
    if (options.format === 'json') {
        io.out(JSON.stringify({ database: name, policy: privacy.policy, ...result }, null, 2));
    } else {
        const n = (value: number) => value.toLocaleString('en-US');
        io.out(`Re-applied the '${privacy.policy}' privacy policy to ${name}: ${n(result.changed)} of ${n(result.texts)} stored texts rewritten; ${location.engine === 'sqlite' ? 'the file was vacuumed and its -wal emptied' : 'the old row versions were vacuumed'}.`);
        if (result.chats > 0) io.out(`  chat ids carrying a phone number, email, SSN or IP address replaced by pseudonyms: ${n(result.chats)}`);
        if (privacy.saltFile) io.out(`  salt: ${privacy.saltFile}`);
        if (!context) io.out('  without --flow every answer counted as typed text (button clicks too): pass --flow to keep clicked buttons readable.');
    }
    return ExitCode.Ok;
}
