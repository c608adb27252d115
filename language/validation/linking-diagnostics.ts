import { DefaultDocumentValidator, DocumentValidator, type LangiumCoreServices, type LangiumDocument, type ScopeProvider, type ValidationOptions } from 'langium';
import type { Diagnostic } from 'vscode-languageserver';
import { closestName, didYouMean } from './did-you-mean.js';

/** Beyond this many unresolved references in one document, skip the suggestions (each scans a scope). */
const MAX_SUGGESTIONS = 100;

/**
 * Langium's linking errors, plus a "did you mean" for names close to one in scope. The suggestion
 * also goes into `data.suggestion`, where the quick fix picks it up; `code` is set so that clients
 * listing codes (the CLI) show `linking-error`.
 */
export class ChatflowDocumentValidator extends DefaultDocumentValidator {
    protected readonly scopeProvider: ScopeProvider;

    constructor(services: LangiumCoreServices) {
        super(services);
        this.scopeProvider = services.references.ScopeProvider;
    }

    protected override processLinkingErrors(document: LangiumDocument, diagnostics: Diagnostic[], _options: ValidationOptions): void {
        let suggested = 0;
        for (const reference of document.references) {
            const error = reference.error;
            if (!error) continue;
            const refText = error.info.reference.$refText;
            const suggestion = suggested++ < MAX_SUGGESTIONS ? this.suggest(error.info) : undefined;
            diagnostics.push(this.toDiagnostic('error', error.message + didYouMean(suggestion), {
                node: error.info.container,
                range: reference.$refNode?.range,
                property: error.info.property,
                index: error.info.index,
                code: DocumentValidator.LinkingError,
                data: {
                    code: DocumentValidator.LinkingError,
                    containerType: error.info.container.$type,
                    property: error.info.property,
                    refText,
                    ...(suggestion ? { suggestion } : {})
                }
            }));
        }
    }

    private suggest(info: Parameters<ScopeProvider['getScope']>[0]): string | undefined {
        const names = this.scopeProvider.getScope(info).getAllElements().map(d => d.name);
        return closestName(info.reference.$refText, names);
    }
}
