import { databaseLocation, type DatabaseLocation } from '../analytics/database-location.js';
import { AnalyticsError } from '../analytics/errors.js';
import type { MetricStore } from '../analytics/metric-store.js';
import { openAnalyticsStore } from '../analytics/open-store.js';
import { displayPath } from './diagnostics.js';
import { UsageError } from './errors.js';

/** The store `--db` names: a SQLite file (default .chatflow/analytics.db, relative to the current folder) or a postgres:// URL. */
export function storeLocation(options: Record<string, string | true>, cwd: string): DatabaseLocation {
    try {
        return databaseLocation(cwd, typeof options.db === 'string' ? options.db : undefined);
    } catch (error) {
        if (error instanceof RangeError) throw new UsageError(`--db: ${error.message}`);
        throw error;
    }
}

/** How a store is named in what the CLI prints: a path relative to the current folder, or the URL without its password. */
export function shownStore(location: DatabaseLocation, cwd: string): string {
    return location.engine === 'sqlite' ? displayPath(location.file, cwd) : location.shown;
}

/** Opens the store; what keeps it from opening is a one-line usage error naming it and what to do. */
export async function openCliStore(location: DatabaseLocation, mode: 'create' | 'existing', cwd: string): Promise<MetricStore> {
    try {
        return await openAnalyticsStore(location, { mode, displayName: shownStore(location, cwd) });
    } catch (error) {
        if (error instanceof AnalyticsError) throw new UsageError(error.message);
        throw error;
    }
}
