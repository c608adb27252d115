import {
    Cancellation, DefaultDocumentValidator, DocumentValidator, interruptAndCheck,
    type AstNode, type LangiumCoreServices, type LangiumDocument, type ScopeProvider, type ValidationAcceptor, type ValidationCheck, type ValidationOptions
} from 'langium';
import type { Diagnostic } from 'vscode-languageserver';
import { pushChildren } from '../ast-walk.js';
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

    /**
     * Langium's loop, minus its per-node costs that dominate on 10,000-box flows: the checks of
     * each node type are looked up once per run (not as a fresh stream per node), nodes without
     * checks cost a map lookup, and cancellation is polled every 500 nodes instead of awaited per node.
     * Like Langium's, it asks `validateSingleNodeOptions` whether to check a node and its children.
     */
    protected override async validateAstNodes(root: AstNode, options: ValidationOptions, acceptor: ValidationAcceptor, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        if (this.profiler?.isActive('validating')) return super.validateAstNodes(root, options, acceptor, cancelToken);
        const checksByType = new Map<string, ValidationCheck[]>();
        let visited = 0;
        // Depth-first, in document order, like AstUtils.streamAst but without a stream per node.
        const stack: AstNode[] = [root];
        while (stack.length > 0) {
            const node = stack.pop()!;
            if (++visited % 500 === 0) await interruptAndCheck(cancelToken);
            const nodeOptions = this.validateSingleNodeOptions(node, options);
            if (nodeOptions.validateNode) {
                let checks = checksByType.get(node.$type);
                if (!checks) checksByType.set(node.$type, checks = this.validationRegistry.getChecks(node.$type, options.categories).toArray());
                for (const check of checks) await check(node, acceptor, cancelToken);
            }
            if (nodeOptions.validateChildren) pushChildren(node, stack);
        }
    }

    private suggest(info: Parameters<ScopeProvider['getScope']>[0]): string | undefined {
        const names = this.scopeProvider.getScope(info).getAllElements().map(d => d.name);
        return closestName(info.reference.$refText, names);
    }
}
