import { databaseLocation, type DatabaseLocation } from './database-location.js';
import { reapplyPostgresPrivacy } from './postgres/pg-reapply.js';
import type { ReapplyOptions, ReapplyResult } from './privacy/reapply.js';
import { reapplySqlitePrivacy } from './sqlite/reapply-privacy.js';

export type { ReapplyOptions, ReapplyResult } from './privacy/reapply.js';

/** Re-applies a privacy policy to every stored text of a store, whichever engine holds it (a file path, a URL or a location). */
export function reapplyPrivacy(db: string | DatabaseLocation, options: ReapplyOptions & { password?: string }): Promise<ReapplyResult> {
    const location = typeof db === 'string' ? databaseLocation(process.cwd(), db) : db;
    return location.engine === 'sqlite'
        ? reapplySqlitePrivacy(location.file, options)
        : reapplyPostgresPrivacy(location.url, location.shown, options);
}
