import { LSPErrorCodes, ResponseError, type Connection } from 'vscode-languageserver';
import { AnalyticsOverviewRequest, BoxStatsRequest, ChatsRequest, TranscriptRequest, type AnalyticsOverviewResult } from '../protocol.js';
import type { AnalyticsFilter } from '../../analytics/model.js';
import { URI } from 'langium';
import type { FlowContext } from '../../analytics/flow-context.js';
import { experimentLensTitle } from '../../analytics/experiments/experiment-words.js';
import { untestedTraffic, type UntestedTraffic } from '../../analytics/untested-traffic.js';
import { runFlowTests, uncoveredEdges } from '../../language/conversation-tests.js';
import type { AnalyticsService, Opened } from './analytics-service.js';
import { insightNumbers } from './insight-numbers.js';

/** The pull requests: numbers of a document's flows, the chats behind a number, a chat's transcript. */
export function registerAnalyticsRequests(connection: Connection, analytics: AnalyticsService): void {
    connection.onRequest(BoxStatsRequest, async params => {
        await analytics.shared.workspace.WorkspaceManager.ready;
        return analytics.boxStats(params.uri, params.filter);
    });

    connection.onRequest(AnalyticsOverviewRequest, async (params): Promise<AnalyticsOverviewResult> => {
        await analytics.shared.workspace.WorkspaceManager.ready;
        await analytics.holder.whenIdle();
        const generation = analytics.generation;
        const opened = await analytics.open();
        if ('available' in opened) return opened;
        const { store, settings } = opened;
        const context = analytics.documentContext(params.uri) ?? analytics.workspaceContext();
        const filter: AnalyticsFilter = { ...settings.filter, ...params.filter };
        const goals = [...context.goalBoxes().keys()];
        // Every number of the overview from one snapshot, though an import may commit meanwhile.
        return store.snapshot(async (): Promise<AnalyticsOverviewResult> => {
            const [totals, conversions, dropOuts, visits, dwell, versions, privacy, unmatched] = await Promise.all([
                store.overview(), store.conversions(context, filter), store.dropOuts(context, filter),
                store.visits(context, filter), store.dwellBeforeDropOut(context, filter), store.versions(context, filter),
                store.privacyStatus(), store.unmatchedSteps()
            ]);
            const funnels = await Promise.all(goals.map(goal => store.funnel(context, { goal }, filter)));
            // The picker offers every version, also while the numbers cover some days only (versions() ignores the version filter).
            const unfiltered = params.filter?.from || params.filter?.to
                ? await store.versions(context, { ...settings.filter, from: undefined, to: undefined }) : versions;
            const newest = versions.slice(-2);
            const comparison = newest.length === 2
                ? { a: newest[0].version, b: newest[1].version, goals: await store.compareVersions(context, newest[0].version, newest[1].version, filter) }
                : undefined;
            const untested = await untestedOf(analytics, params.uri, store, context, filter);
            const hasSplit = [...context.boxes.values()].some(box => box.kind === 'split');
            const experiments = hasSplit ? (await store.experiments(context, filter)).map(e => ({ ...e, headline: experimentLensTitle(e) })) : undefined;
            const insight = await insightNumbers(store, context, filter, params.segmentBy);
            return {
                available: true, db: settings.db, generation,
                totals: { events: totals.events, chats: totals.chats, first: totals.first, last: totals.last },
                conversions,
                dropOuts: [...dropOuts].sort((a, b) => b.dropOuts - a.dropOuts || a.box.localeCompare(b.box)),
                visits: Object.fromEntries(visits.map(v => [v.box, v.chats])),
                funnels, dwell, versions, comparison, privacy, storeVersions: unfiltered.map(v => v.version), untested,
                unmatched: unmatched.filter(u => context.hasFlow(u.flow) || u.flow === ''),
                experiments,
                insight
            };
        });
    });

    connection.onRequest(ChatsRequest, async params => {
        await analytics.shared.workspace.WorkspaceManager.ready;
        const opened = await analytics.open();
        // No store: the message names the database and what to do; a plain Error would answer InternalError.
        if ('available' in opened) throw new ResponseError(LSPErrorCodes.RequestFailed, opened.message);
        const context = analytics.documentContext(params.uri) ?? analytics.workspaceContext();
        // Without a filter (a code lens's or the preview's numbers): the shared scope, as those numbers were read.
        return opened.store.chats(context, params.drill, analytics.filterOf(opened.settings, params.filter), { offset: params.offset, limit: params.limit });
    });

    connection.onRequest(TranscriptRequest, async params => {
        const opened = await analytics.open();
        if ('available' in opened) throw new ResponseError(LSPErrorCodes.RequestFailed, opened.message);
        return opened.store.transcript(params.chat);
    });
}

/** The untested traffic of the document's own flows (those with transitions: every flow has some). */
async function untestedOf(analytics: AnalyticsService, uri: string, store: Opened['store'], context: FlowContext, filter: AnalyticsFilter): Promise<UntestedTraffic[]> {
    const document = analytics.shared.workspace.LangiumDocuments.getDocument(URI.parse(uri));
    if (!document) return [];
    const graphs = analytics.graphsOf(document).filter(g => g.uri === uri && g.edges.length > 0);
    return Promise.all(graphs.map(graph => untestedTraffic(store, context, graph, uncoveredEdges(graph, runFlowTests(graph)), filter)));
}
