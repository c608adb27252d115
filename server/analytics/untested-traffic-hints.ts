import { AstUtils, DocumentState, type LangiumDocument, type ValidationAcceptor } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { FlowContext } from '../../analytics/flow-context.js';
import { untestedTraffic, type UntestedEdgeTraffic } from '../../analytics/untested-traffic.js';
import type { ChatflowServices } from '../../language/chatflow-module.js';
import { runFlowTests, uncoveredEdges } from '../../language/conversation-tests.js';
import type { Flow } from '../../language/generated/ast.js';
import { IssueCodes, issue } from '../../language/validation/issue-codes.js';
import type { AnalyticsService } from './analytics-service.js';

/** Untested transitions named in one hint, at most. */
const LISTED = 3;

/**
 * An information diagnostic on each box real chats leave through transitions no test takes:
 * how many chats, where they went, and how to get a test for it. Only in the language server
 * (it reads the analytics store), only while the analytics overlay is on, and quiet when there is
 * no database. Validation awaits it; the store's memo answers repeated validations.
 */
export function registerUntestedTrafficHints(chatflow: ChatflowServices, analytics: AnalyticsService): void {
    chatflow.validation.ValidationRegistry.register({
        Flow: async (flow: Flow, accept: ValidationAcceptor) => {
            try {
                await hintsFor(flow, analytics, accept);
            } catch {
                // A database that cannot be read, or a flow half-typed: no hints, the code lenses say why.
            }
        }
    });
}

async function hintsFor(flow: Flow, analytics: AnalyticsService, accept: ValidationAcceptor): Promise<void> {
    const settings = await analytics.settings();
    if (!settings.overlay) return;
    const opened = await analytics.open();
    if ('available' in opened) return;
    const document = AstUtils.getDocument(flow);
    const graph = analytics.graphsOf(document).find(g => g.flow === flow.name);
    if (!graph) return;
    const untested = uncoveredEdges(graph, runFlowTests(graph));
    if (untested.length === 0) return;
    const traffic = await untestedTraffic(opened.store, new FlowContext([graph]), graph, untested, settings.filter);
    const byBox = new Map<string, UntestedEdgeTraffic[]>();
    for (const edge of traffic.top) byBox.set(edge.from, [...(byBox.get(edge.from) ?? []), edge]);
    for (const [boxId, edges] of byBox) {
        const box = flow.boxes.find(b => `${flow.name}.${b.name}` === boxId);
        if (!box) continue;
        const listed = edges.slice(0, LISTED).map(e => `-> ${shortName(e.to)}${e.label ? ` "${e.label}"` : ''} (${count(e.chats)} chat${e.chats === 1 ? '' : 's'})`);
        const more = edges.length > LISTED ? ` and ${edges.length - LISTED} more` : '';
        accept('info', `Real chats leave '${box.name}' through transitions no test takes: ${listed.join(', ')}${more}. `
            + `Get tests for them with 'Generate tests for untested transitions' on the flow's first line, or 'chatflow test --generate'.`,
            { node: box, property: 'name', ...issue(IssueCodes.UntestedTraffic, { chats: edges.reduce((n, e) => n + e.chats, 0) }) });
    }
}

/** After an import (or a new database), the hints are validated again. */
export function revalidateForAnalytics(shared: LangiumSharedServices): void {
    const builder = shared.workspace.DocumentBuilder;
    const validated: LangiumDocument[] = shared.workspace.LangiumDocuments.all.filter(d => d.state === DocumentState.Validated).toArray();
    for (const document of validated) builder.resetToState(document, DocumentState.IndexedReferences);
    if (validated.length > 0) void builder.update([], []);
}

function shortName(boxId: string): string {
    return boxId.slice(boxId.indexOf('.') + 1);
}

function count(n: number): string {
    return n.toLocaleString('en-US');
}
