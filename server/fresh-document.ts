import { DocumentState, type LangiumDocument, type URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { CancellationToken } from 'vscode-languageserver';

/** How long a request waits for a pending edit to be validated before answering with what it has. */
const PENDING_EDIT_LIMIT_MS = 10_000;

/**
 * The document once it is validated AND built from the editor's current text. Langium applies a
 * change asynchronously, so right after didChange the Validated document can still be the previous
 * text; answering then would pair the new version number with the old graph.
 */
export async function freshValidatedDocument(shared: LangiumSharedServices, uri: URI, token: CancellationToken): Promise<LangiumDocument | undefined> {
    const documents = shared.workspace.LangiumDocuments;
    const builder = shared.workspace.DocumentBuilder;
    const deadline = Date.now() + PENDING_EDIT_LIMIT_MS;
    for (;;) {
        await builder.waitUntil(DocumentState.Validated, uri, token);
        const document = documents.getDocument(uri);
        if (!document || isCurrent(document) || Date.now() > deadline || token.isCancellationRequested) return document;
        await nextValidation(shared, uri, deadline - Date.now());
    }
}

function isCurrent(document: LangiumDocument): boolean {
    return document.parseResult.value.$cstNode?.root.fullText === document.textDocument.getText();
}

function nextValidation(shared: LangiumSharedServices, uri: URI, timeout: number): Promise<void> {
    return new Promise(resolve => {
        const key = uri.toString();
        const timer = setTimeout(done, Math.max(0, timeout));
        const listener = shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Validated, document => {
            if (document.uri.toString() === key) done();
        });
        function done(): void {
            clearTimeout(timer);
            listener.dispose();
            resolve();
        }
    });
}
