import { createCompletionParser, createLangiumParser, inject, type Module } from 'langium';
import './cst-builder-patch.js';
import './parser-recovery-patch.js';
import {
    createDefaultModule, createDefaultSharedModule,
    type DefaultSharedModuleContext, type LangiumServices, type LangiumSharedServices, type PartialLangiumServices, type PartialLangiumSharedServices
} from 'langium/lsp';
import { ChatflowGeneratedModule, ChatflowGeneratedSharedModule } from './generated/module.js';
import { ChatflowScopeComputation } from './chatflow-scope.js';
import { ChatflowScopeProvider } from './chatflow-scope-provider.js';
import { ChatflowLinker, ChatflowReferenceDescriptionProvider } from './chatflow-linker.js';
import { ChatflowValidator, registerValidationChecks } from './chatflow-validator.js';
import { ChatflowDocumentValidator } from './validation/linking-diagnostics.js';
import { FlowGraphBuilder } from './flow-graph.js';
import { FlowGraphCache } from './flow-graph-cache.js';
import { ChatflowDocumentFactory } from './chatflow-document-factory.js';
import { ChatflowCodeActionProvider } from './chatflow-code-actions.js';
import { ChatflowCompletionProvider } from './chatflow-completion.js';
import { ChatflowFormatter } from './chatflow-formatter.js';
import { ChatflowHoverProvider } from './chatflow-hover.js';
import { ChatflowRenameProvider } from './chatflow-rename.js';
import { ChatflowSemanticTokenProvider } from './chatflow-semantic-tokens.js';
import { ChatflowSharedModule } from './lsp/chatflow-node-kinds.js';
import { ChatflowTokenBuilder } from './chatflow-token-builder.js';
import { withoutStackTraces } from './parse-without-stack-traces.js';
import { withErrorLimit } from './lsp/completion-parse-limit.js';

/** Services this language adds to Langium's defaults. */
export type ChatflowAddedServices = {
    validation: {
        ChatflowValidator: ChatflowValidator;
    };
    flow: {
        FlowGraphBuilder: FlowGraphBuilder;
        /** The FlowGraphs of a document, cached per parse and link: what every consumer asks. */
        FlowGraphs: FlowGraphCache;
    };
};

export type ChatflowServices = LangiumServices & ChatflowAddedServices;

export const ChatflowModule: Module<ChatflowServices, PartialLangiumServices & ChatflowAddedServices> = {
    parser: {
        TokenBuilder: () => new ChatflowTokenBuilder(),
        LangiumParser: (services) => withoutStackTraces(createLangiumParser(services)),
        CompletionParser: (services) => withoutStackTraces(withErrorLimit(createCompletionParser(services)))
    },
    references: {
        ScopeComputation: (services) => new ChatflowScopeComputation(services),
        ScopeProvider: (services) => new ChatflowScopeProvider(services),
        Linker: (services) => new ChatflowLinker(services)
    },
    workspace: {
        ReferenceDescriptionProvider: (services) => new ChatflowReferenceDescriptionProvider(services)
    },
    validation: {
        ChatflowValidator: (services) => new ChatflowValidator(services),
        DocumentValidator: (services) => new ChatflowDocumentValidator(services)
    },
    lsp: {
        CodeActionProvider: (services) => new ChatflowCodeActionProvider(services),
        CompletionProvider: (services) => new ChatflowCompletionProvider(services),
        Formatter: () => new ChatflowFormatter(),
        HoverProvider: (services) => new ChatflowHoverProvider(services),
        RenameProvider: (services) => new ChatflowRenameProvider(services),
        SemanticTokenProvider: (services) => new ChatflowSemanticTokenProvider(services)
    },
    flow: {
        FlowGraphBuilder: () => new FlowGraphBuilder(),
        FlowGraphs: (services) => new FlowGraphCache(services.flow.FlowGraphBuilder, services.shared)
    }
};

/** Shared services this language replaces: an edit inside one box re-parses only that box. */
const ChatflowWorkspaceModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    workspace: {
        LangiumDocumentFactory: (services) => new ChatflowDocumentFactory(services)
    }
};

/**
 * Creates the shared services and the Chatflow language services.
 * Without a connection (tests, CLI) the configuration provider is initialized empty.
 * `extra` adds services that only the language server has (the analytics code lenses).
 */
export function createChatflowServices(context: DefaultSharedModuleContext, extra: Module<ChatflowServices, PartialLangiumServices> = {}): {
    shared: LangiumSharedServices;
    Chatflow: ChatflowServices;
} {
    const shared = inject(createDefaultSharedModule(context), ChatflowGeneratedSharedModule, ChatflowSharedModule, ChatflowWorkspaceModule);
    const Chatflow = inject(createDefaultModule({ shared }), ChatflowGeneratedModule, ChatflowModule, extra);
    shared.ServiceRegistry.register(Chatflow);
    registerValidationChecks(Chatflow);
    if (!context.connection) {
        shared.workspace.ConfigurationProvider.initialized({});
    }
    return { shared, Chatflow };
}
