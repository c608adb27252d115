import { URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { databasePath } from '../../analytics/database-location.js';
import type { AnalyticsFilter } from '../../analytics/model.js';

export interface AnalyticsSettings {
    /** Absolute path of the workspace's analytics database. */
    db: string;
    filter: AnalyticsFilter;
    /** `chatflow.analytics.overlay`: false hides the code lenses. */
    overlay: boolean;
}

interface RawSettings {
    databasePath?: unknown;
    overlay?: unknown;
    inactivityMinutes?: unknown;
    timeZone?: unknown;
}

/**
 * The `chatflow.analytics.*` settings (pulled by Langium's configuration provider from the
 * `chatflow` section). A relative database path is relative to the first workspace folder.
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
    return { db: databasePath(root, typeof raw.databasePath === 'string' ? raw.databasePath : undefined), filter, overlay: raw.overlay !== false };
}
