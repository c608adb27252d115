import { DocumentState } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { AnalyticsService } from './analytics-service.js';

/** Edits come in bursts (typing an alias): the store is asked once they settle. */
const SETTLE_MS = 750;

/**
 * When the workspace's box names or aliases change (an alias added by hand or by the quick fix),
 * re-maps the stored events that no box matched and now one does (by their logged name or their
 * platform step key), without importing again, and tells clients to pull their numbers. Only an
 * existing store is touched; a store the server may only read (a PostgreSQL reader) is left for
 * the next import to re-map.
 */
export function registerRemapOnAlias(shared: LangiumSharedServices, analytics: AnalyticsService, changed: (db: string) => void): void {
    let lastKey: string | undefined;
    let timer: NodeJS.Timeout | undefined;
    let running: Promise<void> = Promise.resolve();
    const remap = async () => {
        const context = analytics.workspaceContext();
        const key = context.metricsKey();
        if (key === lastKey) return;
        const opened = await analytics.open();
        if ('available' in opened) return; // no store yet: the first import maps everything
        lastKey = key;
        analytics.holder.importing++;
        try {
            if (await opened.store.resolveUnmatched(context) > 0) changed(opened.settings.db);
        } catch {
            lastKey = undefined; // locked by an import, or no write grant: try again at the next change
        } finally {
            analytics.holder.importing--;
        }
    };
    shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
            running = running.then(remap, remap);
        }, SETTLE_MS);
    });
}
