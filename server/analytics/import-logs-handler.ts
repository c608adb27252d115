import * as path from 'node:path';
import { LSPErrorCodes, ResponseError, WorkDoneProgress, type CancellationToken, type Connection, type ProgressToken } from 'vscode-languageserver';
import { AnalyticsError } from '../../analytics/errors.js';
import { importLogFiles, LogFileError, planLogFiles } from '../../analytics/import/import-logs.js';
import type { ImportSummary } from '../../analytics/model.js';
import { cancelledError, ImportLogsRequest, type ImportLogsParams } from '../protocol.js';
import type { AnalyticsService } from './analytics-service.js';
import { readPrivacyOptions } from './privacy-settings.js';

/** How often progress is reported at most. */
const PROGRESS_EVERY_MS = 250;

/**
 * Imports logs into the workspace store against every flow of the workspace. Reports work-done
 * progress when the client sends a `workDoneToken`; a cancelled request stops between batches
 * (stored batches stay, a re-run skips them). Afterwards clients are told to pull their numbers.
 */
export function registerImportLogs(connection: Connection, analytics: AnalyticsService, changed: (db: string) => void): void {
    connection.onRequest(ImportLogsRequest, async (params: ImportLogsParams & { workDoneToken?: ProgressToken }, token: CancellationToken): Promise<ImportSummary> => {
        const progress = params.workDoneToken;
        const report = (value: Parameters<typeof sendProgress>[0]) => sendProgress(value);
        const sendProgress = (value: { kind: 'begin'; title: string; cancellable: boolean; message?: string } | { kind: 'report'; message: string; percentage?: number } | { kind: 'end'; message?: string }) => {
            if (progress !== undefined) void connection.sendProgress(WorkDoneProgress.type, progress, value);
        };
        const settings = await analytics.settings();
        const abort = new AbortController();
        const cancel = token.onCancellationRequested(() => abort.abort());
        report({ kind: 'begin', title: 'Importing chat logs', cancellable: true, message: `into ${settings.db}` });
        analytics.holder.importing++;
        try {
            await analytics.shared.workspace.WorkspaceManager.ready;
            const context = analytics.workspaceContext();
            const files = params.files.map(f => path.resolve(f));
            // Every log is checked before the store opens: a typo in the last path stores nothing, creates nothing.
            planLogFiles(files, {});
            const privacy = await readPrivacyOptions(analytics.shared, settings.db);
            const store = await analytics.holder.write(settings.location);
            let last = 0;
            const summary = await importLogFiles(store, files, {
                context, privacy,
                defaultFlow: params.flowName ?? defaultFlowOf([...context.flows.keys()]),
                signal: abort.signal,
                onProgress: p => {
                    const now = Date.now();
                    if (now - last < PROGRESS_EVERY_MS) return;
                    last = now;
                    const done = files.indexOf(path.resolve(p.file));
                    report({ kind: 'report', message: `${path.basename(p.file)}: ${p.lines.toLocaleString('en-US')} lines`, percentage: done >= 0 ? Math.round(100 * done / files.length) : undefined });
                }
            });
            return summary;
        } catch (error) {
            if (abort.signal.aborted) throw cancelledError(`Import cancelled: the batches stored so far stay in ${settings.db}; importing the same files again continues where it stopped.`);
            // A ResponseError reaches the editor as its text alone (a plain Error gets a
            // "Request chatflow/importLogs failed with message:" prefix in front).
            if (error instanceof AnalyticsError || error instanceof LogFileError) throw new ResponseError(LSPErrorCodes.RequestFailed, error.message);
            throw error;
        } finally {
            cancel.dispose();
            analytics.holder.importing--;
            report({ kind: 'end' });
            changed(settings.db);
        }
    });
}

/** Rasa logs name no flow: the only flow of the workspace, if there is just one. */
function defaultFlowOf(flows: string[]): string | undefined {
    return flows.length === 1 ? flows[0] : undefined;
}
