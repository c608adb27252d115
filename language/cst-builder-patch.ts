import { CstNodeBuilder } from 'langium';
import type { IToken } from 'chevrotain';

/**
 * Langium 4.2.1's CstNodeBuilder.addHiddenNodes, called before every token, searches the parent's
 * children with indexOf even when there are no hidden tokens to add. For the first token of each
 * box that scans all earlier boxes of the flow: parsing a flow of n boxes becomes O(n²) (1.6 s of
 * a 5,000-box parse). With no tokens the method adds nothing, so returning early keeps its result.
 */
/** Langium's own method, kept for the call below and for the guard test (test/language/langium-workarounds.test.ts). */
export const originalAddHiddenNodes = CstNodeBuilder.prototype.addHiddenNodes;
CstNodeBuilder.prototype.addHiddenNodes = function addHiddenNodes(this: CstNodeBuilder, tokens: IToken[]): void {
    if (tokens.length === 0) return;
    originalAddHiddenNodes.call(this, tokens);
};
