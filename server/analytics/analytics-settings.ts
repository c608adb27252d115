import { URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { databaseLocation, shownLocation, type DatabaseLocation } from '../../analytics/database-location.js';
import type { AnalyticsFilter } from '../../analytics/model.js';

export interface AnalyticsSettings {
    /** The workspace's store: a SQLite file or a PostgreSQL server. */
    location: DatabaseLocation;
    /** How it is named to the user: the file's absolute path, or the URL without its password. */
    db: string;
    filter: AnalyticsFilter;
    /** `chatflow.analytics.overlay`: false hides the code lenses. */
    overlay: boolean;
}

interface RawSettings {
    database?: unknown;
    databasePath?: unknown;
    overlay?: unknown;
    inactivityMinutes?: unknown;
    timeZone?: unknown;
}

/**
 * The `chatflow.analytics.*` settings (pulled by Langium's configuration provider from the
 * `chatflow` section). `database` names the store, a path or a postgres:// URL; the older
 * `databasePath` still counts when `database` is not set. A relative path is relative to the
 * first workspace folder.
 */
export async function readAnalyticsSettings(shared: LangiumSharedServices): Promise<AnalyticsSettings> {
    let raw: RawSettings = {};
    try {
        raw = (await shared.workspace.ConfigurationProvider.getConfiguration('chatflow', 'analytics') as RawSettings | undefined) ?? {};
    } catch {
        // No configuration support in this client: defaults.
    }
    const folder = shared.workspace.WorkspaceManager.workspaceFolders?.[0];
    const root = folder ? URI.parse(folder.uri).fsPath : process.cwd();
    const filter: AnalyticsFilter = {};
    if (typeof raw.inactivityMinutes === 'number' && raw.inactivityMinutes > 0) filter.inactivityMinutes = raw.inactivityMinutes;
    if (typeof raw.timeZone === 'string' && raw.timeZone !== '') filter.timeZone = raw.timeZone;
    const named = [raw.database, raw.databasePath].find((value): value is string => typeof value === 'string' && value.trim() !== '');
    let location: DatabaseLocation;
    try {
        location = databaseLocation(root, named);
    } catch (error) {
        // A malformed URL: say so where the numbers would be, naming the setting.
        throw new Error(`chatflow.analytics.database: ${error instanceof Error ? error.message : String(error)}`);
    }
    return { location, db: shownLocation(location), filter, overlay: raw.overlay !== false };
}
