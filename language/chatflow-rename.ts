import { DefaultRenameProvider } from 'langium/lsp';
import type { ChatflowServices } from './chatflow-module.js';

/** Rename across files for boxes (also inside `Flow.box` references), goals and variables. */
export class ChatflowRenameProvider extends DefaultRenameProvider {
    constructor(services: ChatflowServices) {
        super(services);
    }
}
