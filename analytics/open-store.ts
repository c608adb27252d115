import type { DatabaseLocation } from './database-location.js';
import type { MetricStore } from './metric-store.js';
import { PostgresAnalyticsStore } from './postgres/pg-store.js';
import { SqliteAnalyticsStore } from './sqlite/sqlite-store.js';

export interface StoreOptions {
    /** 'create' (imports): make the database (SQLite file, or the tables on the server) if needed. 'existing' (reports, the editor): it must exist. */
    mode: 'create' | 'existing';
    /** How a SQLite file is named in messages (relative paths for the CLI). */
    displayName?: string;
    /** PostgreSQL: the password from VS Code's SecretStorage, when the URL and the environment give none. */
    password?: string;
}

/** The store a location names: the one factory callers use, so they never know which engine answers. */
export function openAnalyticsStore(location: DatabaseLocation, options: StoreOptions): Promise<MetricStore> {
    return location.engine === 'sqlite'
        ? SqliteAnalyticsStore.open(location.file, { mode: options.mode, displayName: options.displayName })
        : PostgresAnalyticsStore.open(location.url, location.shown, { mode: options.mode, password: options.password });
}
