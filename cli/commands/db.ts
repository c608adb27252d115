import { databaseLocation, type DatabaseLocation } from '../../analytics/database-location.js';
import { AnalyticsError } from '../../analytics/errors.js';
import { SqliteAnalyticsStore } from '../../analytics/sqlite/sqlite-store.js';
import { parseArgs, type CommandSpec } from '../args.js';
import { ExitCode, UsageError } from '../errors.js';
import { DB_HELP } from '../help.js';
import { openCliStore, shownStore, storeLocation } from '../store-args.js';
import type { CommandIO } from './io.js';

export const dbSpec: CommandSpec = {
    name: 'db',
    options: { 'db': 'any', 'from': 'any', 'to': 'any', 'format': ['text', 'json'], 'help': 'flag' }
};

/** `chatflow db status|migrate --db <path or url>`, `chatflow db copy --from <sqlite file> --to <url>` */
export async function dbCommand(argv: readonly string[], io: CommandIO): Promise<number> {
    const { positionals, options } = parseArgs(argv, dbSpec);
    if (options.help) {
        io.out(DB_HELP);
        return ExitCode.Ok;
    }
    const [action, ...extra] = positionals;
    if (extra.length > 0) throw new UsageError(`db ${action} takes no file arguments ('${extra[0]}'): name the databases with --db, --from and --to.`);
    switch (action) {
        case 'status': return status(storeLocation(options, io.cwd), options.format === 'json', io);
        case 'migrate': return migrate(storeLocation(options, io.cwd), io);
        case 'copy': return copy(options, io);
        default: throw new UsageError(`db needs an action: status, migrate or copy${action ? ` (not '${action}')` : ''}. See chatflow db --help.`);
    }
}

async function status(location: DatabaseLocation, json: boolean, io: CommandIO): Promise<number> {
    const store = await openCliStore(location, 'existing', io.cwd);
    try {
        const status = { ...(await store.status()), database: shownStore(location, io.cwd) };
        if (json) {
            io.out(JSON.stringify(status, null, 2));
        } else {
            const n = (value: number) => value.toLocaleString('en-US');
            io.out(`${status.database}: ${status.engine === 'sqlite' ? 'SQLite' : 'PostgreSQL'}, schema ${status.schema}`);
            io.out(`  ${n(status.events)} events, ${n(status.chats)} chats, ${n(status.imports)} imports${status.lastImport ? `, last ${status.lastImport}` : ''}`);
        }
        return ExitCode.Ok;
    } finally {
        await store.close();
    }
}

async function migrate(location: DatabaseLocation, io: CommandIO): Promise<number> {
    // Opening for writing applies what is missing (under a lock on a server); it needs the owner there.
    const store = await openCliStore(location, 'create', io.cwd);
    try {
        io.out(`${shownStore(location, io.cwd)}: schema ${await store.schemaVersion()}, up to date.`);
        return ExitCode.Ok;
    } finally {
        await store.close();
    }
}

/**
 * Moves a local store's events up to a server, batch by batch, idempotently (a re-run after a
 * cut connection adds only what is missing). Refused while the local file holds text kept as
 * typed: re-redact it first, so no patient text reaches the server.
 */
async function copy(options: Record<string, string | true>, io: CommandIO): Promise<number> {
    if (typeof options.from !== 'string' || typeof options.to !== 'string') {
        throw new UsageError('db copy needs --from <the SQLite file> and --to <the postgres:// URL>, e.g. chatflow db copy --from .chatflow/analytics.db --to postgres://analyst@db.example.org/chatflow');
    }
    const from = databaseLocation(io.cwd, options.from);
    const to = storeLocation({ db: options.to }, io.cwd);
    if (from.engine !== 'sqlite') throw new UsageError(`--from must be a SQLite file (not ${from.shown}).`);
    const source = await openCliStore(from, 'existing', io.cwd) as SqliteAnalyticsStore;
    try {
        const privacy = await source.privacyStatus();
        if (privacy.keptText && to.engine === 'postgres') {
            throw new UsageError(`${shownStore(from, io.cwd)} holds answers kept as typed (imported under 'keep'): they must not reach a server. Run 'chatflow redact --db ${options.from}' first, then copy.`);
        }
        const target = await openCliStore(to, 'create', io.cwd);
        try {
            const total = (await source.overview()).events;
            let copied = 0;
            let added = 0;
            let reported = Date.now();
            for await (const batch of source.storedEvents()) {
                added += (await target.importBatch(batch)).inserted;
                copied += batch.length;
                if (Date.now() - reported >= 1000 || copied === total) {
                    reported = Date.now();
                    io.err(`copying: ${copied.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} events`);
                }
            }
            await target.recordImport(`copy of ${shownStore(from, io.cwd)}`, { imported: added, duplicates: copied - added, malformed: 0, policy: privacy.lastPolicy ?? 'redact' });
            io.out(`Copied ${shownStore(from, io.cwd)} to ${shownStore(to, io.cwd)}: ${added.toLocaleString('en-US')} events added, ${(copied - added).toLocaleString('en-US')} already there.`);
            return ExitCode.Ok;
        } catch (error) {
            if (error instanceof AnalyticsError) throw new UsageError(error.message);
            throw error;
        } finally {
            await target.close();
        }
    } finally {
        await source.close();
    }
}
