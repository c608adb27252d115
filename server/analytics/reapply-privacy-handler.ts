import * as fs from 'node:fs';
import type { Connection } from 'vscode-languageserver';
import { AnalyticsError } from '../../analytics/errors.js';
import { reapplyPrivacy } from '../../analytics/reapply-privacy.js';
import { ReapplyPrivacyRequest, type ReapplyPrivacyResult } from '../protocol.js';
import type { AnalyticsService } from './analytics-service.js';
import { readPrivacyOptions } from './privacy-settings.js';

/**
 * Re-applies the workspace's privacy policy (or the one asked for) to the workspace store, against
 * every flow of the workspace (clicked buttons stay readable). The server's own connection is
 * closed meanwhile and reopened after: the final WAL checkpoint must not find a reader.
 */
export function registerReapplyPrivacy(connection: Connection, analytics: AnalyticsService, changed: (db: string) => void): void {
    connection.onRequest(ReapplyPrivacyRequest, async (params): Promise<ReapplyPrivacyResult> => {
        await analytics.shared.workspace.WorkspaceManager.ready;
        const settings = await analytics.settings();
        if (settings.location.engine === 'sqlite' && !fs.existsSync(settings.location.file)) throw new Error(`No analytics database at ${settings.db}: nothing to redact.`);
        const privacy = await readPrivacyOptions(analytics.shared, settings.db, params.policy);
        analytics.holder.importing++;
        try {
            const context = analytics.workspaceContext();
            const result = await analytics.holder.exclusive(() => reapplyPrivacy(settings.location, { privacy, context }));
            return { db: settings.db, policy: privacy.policy, ...result };
        } catch (error) {
            if (error instanceof AnalyticsError) throw new Error(error.message);
            throw error;
        } finally {
            analytics.holder.importing--;
            changed(settings.db);
        }
    });
}
