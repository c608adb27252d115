import type { LangiumDocument } from 'langium';
import type { Connection } from 'vscode-languageserver';
import { chatToTest } from '../../analytics/chat-test/chat-to-test.js';
import type { FlowGraph } from '../../language/flow-model.js';
import { insertionFor } from '../../language/testgen/insert-tests.js';
import { uniqueNames } from '../../language/testgen/test-names.js';
import { ChatToTestRequest, type ChatToTestResult } from '../protocol.js';
import type { AnalyticsService } from './analytics-service.js';

/**
 * `chatflow/chatToTest`: the chat's transcript from the store, replayed against its flow as it is
 * now (analytics/chat-test), written as a test block after the flow's last test. The server only
 * computes the edit; the client applies it, so it can be undone like any edit.
 */
export function registerChatToTest(connection: Connection, analytics: AnalyticsService): void {
    connection.onRequest(ChatToTestRequest, async (params): Promise<ChatToTestResult> => {
        await analytics.shared.workspace.WorkspaceManager.ready;
        const opened = await analytics.open();
        if ('available' in opened) return { ok: false, message: opened.message };
        const transcript = await opened.store.transcript(params.chat);
        if (transcript.length === 0) return { ok: false, message: `Chat ${params.chat} is not in ${opened.settings.db}: import its logs first.` };
        const flowName = params.flow ?? transcript.find(e => e.type === 'enter' && e.matched)?.box.split('.')[0];
        const found = flowName === undefined ? undefined : declaringFlow(analytics, flowName);
        if (!found) return { ok: false, message: `No open workspace file declares flow ${flowName ?? '(none: the chat entered no known box)'}, so chat ${params.chat} has no flow to become a test of.` };
        const { document, graph } = found;
        if ((document.diagnostics ?? []).some(d => d.severity === 1)) {
            return { ok: false, message: `${document.uri.path.split('/').pop()} has errors: fix them first, then turn the chat into a test.` };
        }
        const made = chatToTest(graph, params.chat, transcript);
        if (!made.ok) return { ok: false, message: `Chat ${params.chat} cannot become a test: ${made.reason}.` };
        made.test.name = uniqueNames(graph.tests.map(t => t.name))(made.test.name);
        const text = document.textDocument.getText();
        const insertion = insertionFor(text, graph, [made.test])!;
        const at = document.textDocument.positionAt(insertion.offset);
        return {
            ok: true, uri: document.uri.toString(), flow: graph.flow, name: made.test.name,
            edits: [{ range: { start: at, end: at }, newText: insertion.text }],
            synthesized: made.synthesized
        };
    });
}

/** The flow's graph in the document that declares it. */
function declaringFlow(analytics: AnalyticsService, flow: string): { document: LangiumDocument; graph: FlowGraph } | undefined {
    for (const document of analytics.shared.workspace.LangiumDocuments.all) {
        let graphs: FlowGraph[];
        try {
            graphs = analytics.graphsOf(document);
        } catch {
            continue; // A file the graph builder cannot read (broken mid-edit) declares nothing usable.
        }
        const graph = graphs.find(g => g.flow === flow && g.uri === document.uri.toString());
        if (graph) return { document, graph };
    }
    return undefined;
}
