import * as path from 'node:path';

/** Where a workspace's store lives when nothing says otherwise: beside its flows, out of the way. */
export const DEFAULT_DATABASE_PATH = path.join('.chatflow', 'analytics.db');

/** The absolute path of the database a setting or `--db` names, relative to `base`; the default when empty. */
export function databasePath(base: string, named?: string): string {
    return path.resolve(base, named && named.trim() !== '' ? named : DEFAULT_DATABASE_PATH);
}
