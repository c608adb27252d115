/**
 * Every custom request and notification between the Chatflow language server and its clients,
 * typed once. The extension and the tests import these same objects.
 */
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { DocumentFlows } from '../language/flow-model.js';

export interface FlowGraphParams {
    /** The document URI, as the client knows it. */
    uri: string;
}

/** The FlowGraphs of a document once it is validated; `flows` is absent while it has errors. */
export const FlowGraphRequest = new RequestType<FlowGraphParams, DocumentFlows | null, void>('chatflow/flowGraph');

export interface DocumentsChangedParams {
    uris: string[];
}

/** Sent after each build: these documents were (re)validated, so clients should pull again. */
export const DocumentsChangedNotification = new NotificationType<DocumentsChangedParams>('chatflow/documentsChanged');
