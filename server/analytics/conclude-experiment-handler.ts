import { URI } from 'langium';
import type { Connection } from 'vscode-languageserver';
import { FlowContext } from '../../analytics/flow-context.js';
import { ConcludeExperimentRequest } from '../protocol.js';
import type { AnalyticsService } from './analytics-service.js';

/**
 * Records a concluded experiment after "Promote arm b" rewrote the split, with the numbers the
 * code action carried (taken while the split was there); without them, the numbers of the split
 * if the document still has it. Without a store there is nothing to record, and the answer says so.
 */
export function registerConcludeExperiment(connection: Connection, analytics: AnalyticsService, changed: (db: string) => void): void {
    connection.onRequest(ConcludeExperimentRequest, async params => {
        const opened = await analytics.open();
        if ('available' in opened) return { recorded: false, message: `Not recorded: ${opened.message}` };
        const document = analytics.shared.workspace.LangiumDocuments.getDocument(URI.parse(params.uri));
        const graphs = document ? analytics.graphsOf(document) : [];
        const result = params.result ?? (await opened.store.experiments(new FlowContext(graphs), opened.settings.filter)).find(e => e.split === params.split);
        if (!result) return { recorded: false, message: `Not recorded: ${params.split} is no longer a split in ${params.uri}.` };
        const store = await analytics.holder.write(opened.settings.location);
        await store.recordConcludedExperiment(result, params.winner);
        changed(opened.settings.db);
        return { recorded: true, message: `Recorded the experiment ${params.split}: arm ${params.winner} promoted after ${result.chats} chats (${opened.settings.db}).` };
    });
}
