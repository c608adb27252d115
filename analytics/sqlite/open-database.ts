import * as fs from 'node:fs';
import * as path from 'node:path';
import { AnalyticsError, explainSqliteError } from '../errors.js';
import { SqliteConnection } from './connection.js';
import { APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION } from './schema.js';

export interface OpenOptions {
    /** 'create' (import): make the file and folder if needed. 'existing' (report, overlay): it must exist. */
    mode: 'create' | 'existing';
    /** How long to wait for another process's write lock. Default 5 s. */
    busyTimeoutMs?: number;
    /** How the file is named in messages (relative path for the CLI). */
    displayName?: string;
}

/** Opens (and if needed creates or migrates) a Chatflow analytics database. Errors say what to do. */
export async function openDatabase(file: string, options: OpenOptions): Promise<SqliteConnection> {
    const name = options.displayName ?? file;
    if (options.mode === 'existing' && !fs.existsSync(file)) {
        throw new AnalyticsError('missing', `no analytics database at ${name}. Run 'chatflow import <log files> --flow <flows>' first, or pass --db with the database's path.`);
    }
    if (options.mode === 'create') {
        try {
            fs.mkdirSync(path.dirname(file), { recursive: true });
        } catch (error) {
            throw databaseFolderError(error, name, path.dirname(file));
        }
    }
    let connection: SqliteConnection | undefined;
    try {
        connection = await SqliteConnection.open(file, options.mode);
        connection.busyTimeout(options.busyTimeoutMs ?? 5000);
        await prepareSchema(connection, name);
        await connection.exec('PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -32768;');
        return connection;
    } catch (error) {
        await connection?.close().catch(() => undefined); // the open error below is the one worth reporting
        throw explainSqliteError(error, name) ?? error;
    }
}

/**
 * Why the database's folder cannot be made, as an AnalyticsError naming the path in the way:
 * a file where a folder should be (EEXIST, ENOTDIR), or a place the user may not write (EACCES,
 * EPERM, EROFS).
 */
export function databaseFolderError(error: unknown, name: string, folder: string): AnalyticsError {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    let existing = folder;
    while (!fs.existsSync(existing) && path.dirname(existing) !== existing) existing = path.dirname(existing);
    if (fs.existsSync(existing) && !fs.statSync(existing).isDirectory()) {
        return new AnalyticsError('unreadable', `cannot create the analytics database ${name}: ${existing} is a file, not a folder (${code}). Pass another --db, or move that file away.`);
    }
    return new AnalyticsError('unreadable', `cannot create the folder ${folder} for the analytics database ${name} (${code}). Check that you may write there, or pass another --db.`);
}

async function prepareSchema(connection: SqliteConnection, name: string): Promise<void> {
    const applicationId = (await connection.get<{ application_id: number }>('PRAGMA application_id'))!.application_id;
    const version = (await connection.get<{ user_version: number }>('PRAGMA user_version'))!.user_version;
    const tables = (await connection.get<{ n: number }>("SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table'"))!.n;
    if (applicationId !== APPLICATION_ID && (tables > 0 || version !== 0)) {
        throw new AnalyticsError('not-chatflow', `${name} is an SQLite database of another program, not a Chatflow analytics database. Pass another --db.`);
    }
    if (version > SCHEMA_VERSION) {
        throw new AnalyticsError('newer-schema', `${name} was written by a newer Chatflow Studio (schema ${version}, this one knows ${SCHEMA_VERSION}). Update Chatflow Studio, or import into another --db.`);
    }
    const mode = (await connection.get<{ journal_mode: string }>('PRAGMA journal_mode'))!.journal_mode;
    if (mode.toLowerCase() !== 'wal') await connection.run('PRAGMA journal_mode = WAL');
    for (let next = version; next < SCHEMA_VERSION; next++) {
        await connection.transaction(async () => {
            // Re-check inside the write lock: another process may have migrated meanwhile.
            const current = (await connection.get<{ user_version: number }>('PRAGMA user_version'))!.user_version;
            if (current > next) return;
            await connection.exec(MIGRATIONS[next]);
            await connection.exec(`PRAGMA application_id = ${APPLICATION_ID}; PRAGMA user_version = ${next + 1};`);
        });
    }
}
