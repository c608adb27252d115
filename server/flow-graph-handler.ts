import { DocumentState, URI, type LangiumDocument } from 'langium';
import { freshValidatedDocument } from './fresh-document.js';
import type { LangiumSharedServices } from 'langium/lsp';
import { DiagnosticSeverity, type Connection } from 'vscode-languageserver';
import type { ChatflowServices } from '../language/chatflow-module.js';
import type { DocumentFlows } from '../language/flow-model.js';
import { isFlow, type ChatflowDocument } from '../language/generated/ast.js';
import { DocumentsChangedNotification, FlowGraphRequest, WorkspaceFlowsRequest, type WorkspaceFlow } from './protocol.js';

/** Serves FlowGraphs by URI and tells clients which documents changed (server computes, client pulls). */
export function registerFlowGraphHandlers(connection: Connection, shared: LangiumSharedServices, chatflow: ChatflowServices): void {
    shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, documents => {
        const uris = documents.map(doc => doc.uri.toString());
        if (uris.length > 0) void connection.sendNotification(DocumentsChangedNotification, { uris });
    });
    connection.onRequest(FlowGraphRequest, async (params, token) => {
        const uri = URI.parse(params.uri);
        const documents = shared.workspace.LangiumDocuments;
        if (!documents.hasDocument(uri)) return null;
        const document = await freshValidatedDocument(shared, uri, token);
        return document ? documentFlows(document, chatflow) : null;
    });
    connection.onRequest(WorkspaceFlowsRequest, async () => {
        await shared.workspace.WorkspaceManager.ready;
        const flows: WorkspaceFlow[] = [];
        for (const document of shared.workspace.LangiumDocuments.all) {
            for (const element of (document.parseResult.value as ChatflowDocument).elements ?? []) {
                if (isFlow(element) && element.name) flows.push({ name: element.name, label: element.label, uri: document.uri.toString() });
            }
        }
        return flows.sort((a, b) => a.name.localeCompare(b.name));
    });
}

export function documentFlows(document: LangiumDocument, chatflow: ChatflowServices): DocumentFlows {
    const errors = (document.diagnostics ?? [])
        .filter(d => d.severity === DiagnosticSeverity.Error)
        .map(d => ({ message: d.message, line: d.range.start.line, character: d.range.start.character, code: d.code?.toString() }));
    return {
        uri: document.uri.toString(),
        version: document.textDocument.version,
        flows: errors.length === 0 ? chatflow.flow.FlowGraphs.of(document) : undefined,
        errors
    };
}
