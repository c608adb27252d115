import type { LangiumDocument, MaybePromise } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import type { CodeAction, CodeActionParams, Command } from 'vscode-languageserver';
import type { ChatflowServices } from './chatflow-module.js';

/** Quick fixes for the diagnostics of chatflow-validator.ts, keyed by IssueCodes. */
export class ChatflowCodeActionProvider implements CodeActionProvider {
    constructor(_services: ChatflowServices) {}

    getCodeActions(_document: LangiumDocument, _params: CodeActionParams): MaybePromise<Array<Command | CodeAction> | undefined> {
        return [];
    }
}
