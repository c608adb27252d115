import { DefaultCompletionProvider } from 'langium/lsp';
import type { ChatflowServices } from './chatflow-module.js';

/** Completion: keywords, and box / goal / variable names where the grammar expects them. */
export class ChatflowCompletionProvider extends DefaultCompletionProvider {
    constructor(services: ChatflowServices) {
        super(services);
    }
}
