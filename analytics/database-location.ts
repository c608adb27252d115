import * as path from 'node:path';
import { isPostgresUrl, withoutPassword } from './database-url.js';

export { isPostgresUrl, withoutPassword } from './database-url.js';

/** Where a workspace's store lives when nothing says otherwise: beside its flows, out of the way. */
export const DEFAULT_DATABASE_PATH = path.join('.chatflow', 'analytics.db');

/** The absolute path of the database a setting or `--db` names, relative to `base`; the default when empty. */
export function databasePath(base: string, named?: string): string {
    return path.resolve(base, named && named.trim() !== '' ? named : DEFAULT_DATABASE_PATH);
}

/**
 * What names a store: a SQLite file (the embedded default) or a PostgreSQL server
 * (`postgres://` / `postgresql://`, the team store).
 */
export type DatabaseLocation =
    | { engine: 'sqlite'; file: string }
    | {
        engine: 'postgres';
        /** The URL as given, password included if it had one: only ever handed to the driver. */
        url: string;
        /** The URL without its password, for messages, the UI and logs. */
        shown: string;
        host: string;
        database: string;
    };

/** The store a setting or `--db` names; a relative file path is relative to `base`. */
export function databaseLocation(base: string, named?: string): DatabaseLocation {
    const text = named?.trim();
    if (!isPostgresUrl(text)) return { engine: 'sqlite', file: databasePath(base, text) };
    let url: URL;
    try {
        url = new URL(text!);
    } catch {
        throw new RangeError(`'${withoutPassword(text!)}' is not a valid PostgreSQL URL. Write it as postgres://user@host:5432/database?sslmode=verify-full.`);
    }
    const database = decodeURIComponent(url.pathname.replace(/^\//, '')) || decodeURIComponent(url.username) || 'postgres';
    return { engine: 'postgres', url: text!, shown: withoutPassword(text!), host: url.hostname || 'localhost', database };
}

/** How a store is named in messages: a file path, or the URL without its password. */
export function shownLocation(location: DatabaseLocation): string {
    return location.engine === 'sqlite' ? location.file : location.shown;
}
