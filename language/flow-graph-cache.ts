import { DocumentState, type AstNode, type LangiumDocument } from 'langium';
import type { LangiumSharedCoreServices } from 'langium';
import type { FlowGraphBuilder } from './flow-graph.js';
import type { FlowGraph } from './flow-model.js';

/**
 * The FlowGraphs of each document, built once per parse and link. The preview, the code lenses,
 * the hover, the analytics requests and the CLI all ask for the same graphs; building them costs
 * a walk of the whole AST with source ranges.
 *
 * Entries are keyed by the document's root node, which a re-parse replaces, and dropped when the
 * document is linked again: a flow leads into boxes of other files, so an edit there relinks this
 * document (Langium rebuilds the documents that reference a changed one) without re-parsing it.
 */
export class FlowGraphCache {
    private readonly graphs = new WeakMap<AstNode, FlowGraph[]>();
    /** The graphs last built per document URI: the answer while an edit has the document unlinked. */
    private readonly last = new Map<string, FlowGraph[]>();

    constructor(private readonly builder: FlowGraphBuilder, shared: LangiumSharedCoreServices) {
        shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Linked, documents => {
            for (const document of documents) this.graphs.delete(document.parseResult.value);
        });
        shared.workspace.DocumentBuilder.onUpdate((_changed, deleted) => deleted.forEach(uri => this.forget(uri.toString())));
    }

    /** The graphs of the document's flows; the same array until the document is parsed or linked again. Treat as read-only. */
    of(document: LangiumDocument): FlowGraph[] {
        const key = document.uri.toString();
        // Unlinked (an edit reset it, or it is still being built): reading its references now would
        // resolve them too early. The last graphs stand until the build links it again.
        if (document.state < DocumentState.Linked) return this.last.get(key) ?? [];
        const root = document.parseResult.value;
        let graphs = this.graphs.get(root);
        if (!graphs) {
            this.graphs.set(root, graphs = this.builder.buildDocument(document));
            this.last.set(key, graphs);
        }
        return graphs;
    }

    /** Forgets a document that left the workspace. */
    forget(uri: string): void {
        this.last.delete(uri);
    }
}
