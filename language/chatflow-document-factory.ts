import { DefaultLangiumDocumentFactory, DocumentState, type AstNode, type LangiumDocument, type Mutable } from 'langium';
import type { CancellationToken } from 'vscode-languageserver-protocol';
import { reparseBox } from './incremental-reparse.js';

/**
 * Langium's document factory, except that an edit inside one box re-parses only that box
 * (incremental-reparse.ts). Every other change parses the whole file, as Langium does; so does
 * an error in the one-box path (the full parse replaces whatever it had changed).
 */
export class ChatflowDocumentFactory extends DefaultLangiumDocumentFactory {
    override async update<T extends AstNode = AstNode>(document: Mutable<LangiumDocument<T>>, cancellationToken: CancellationToken): Promise<LangiumDocument<T>> {
        const oldText = document.parseResult.value.$cstNode?.root.fullText;
        const textDocument = this.textDocuments?.get(document.uri.toString());
        if (oldText === undefined || !textDocument) return super.update(document, cancellationToken);
        const text = textDocument.getText();
        if (text === oldText) return super.update(document, cancellationToken);
        const parser = this.serviceRegistry.getServices(document.uri).parser.LangiumParser;
        let result: ReturnType<typeof reparseBox>;
        try {
            result = reparseBox(parser, document.parseResult, oldText, text);
        } catch {
            // A case the one-box path did not foresee costs a full parse, never the document.
            result = undefined;
        }
        if (!result) return super.update(document, cancellationToken);
        Object.defineProperty(document, 'textDocument', { value: textDocument });
        document.parseResult = result as unknown as LangiumDocument<T>['parseResult'];
        (result.value as Mutable<AstNode>).$document = document as LangiumDocument;
        document.state = DocumentState.Parsed;
        return document;
    }
}
