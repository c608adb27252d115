import type { AstNodeDescription, LangiumDocument, LocalSymbols } from 'langium';
import { Cancellation, DefaultScopeComputation, MultiMap, type AstNode } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import { walkAst } from './ast-walk.js';
import { isFlow, isGoal, type ChatflowDocument } from './generated/ast.js';

/**
 * Exports goals and flows by name and every box as `Flow.box`, so a flow in one file can lead
 * into a box of a flow in another. Inside a flow, boxes and variables resolve by their simple
 * names through the default local scopes.
 */
export class ChatflowScopeComputation extends DefaultScopeComputation {

    override async collectExportedSymbols(document: LangiumDocument, _cancelToken?: CancellationToken): Promise<AstNodeDescription[]> {
        const root = document.parseResult.value as ChatflowDocument;
        const exports: AstNodeDescription[] = [];
        for (const element of root.elements) {
            if (!element.name) continue;
            exports.push(this.descriptions.createDescription(element, element.name, document));
            if (isGoal(element) || !isFlow(element)) continue;
            for (const box of element.boxes) {
                if (box.name) {
                    exports.push(this.descriptions.createDescription(box, `${element.name}.${box.name}`, document));
                }
            }
        }
        return exports;
    }

    /** Langium's, with the walk of ast-walk.ts instead of a stream and an awaited promise per node. */
    override async collectLocalSymbols(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<LocalSymbols> {
        const symbols = new MultiMap<AstNode, AstNodeDescription>();
        await walkAst(document.parseResult.value, node => this.addLocalSymbol(node, document, symbols), cancelToken, false);
        return symbols;
    }
}
