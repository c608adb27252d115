import type { AstNode, AstNodeDescription, Module } from 'langium';
import type { LangiumSharedServices, NodeKindProvider, PartialLangiumSharedServices } from 'langium/lsp';
import { CompletionItemKind, SymbolKind } from 'vscode-languageserver';
import { ChatflowFuzzyMatcher } from './chatflow-fuzzy-matcher.js';
import { Box, Flow, Goal, Outcome, TestCase, Variable, reflection } from '../generated/ast.js';

/**
 * Symbol and completion kinds shown in the outline, workspace symbols and completion lists.
 * The same vocabulary as semantic highlighting: flows are classes, boxes functions,
 * goals events, variables variables, tests methods.
 */
export class ChatflowNodeKindProvider implements NodeKindProvider {

    getSymbolKind(node: AstNode | AstNodeDescription): SymbolKind {
        switch (categoryOf(node)) {
            case 'flow': return SymbolKind.Class;
            case 'box': return SymbolKind.Function;
            case 'goal': return SymbolKind.Event;
            case 'variable': return SymbolKind.Variable;
            case 'test': return SymbolKind.Method;
            case 'outcome': return SymbolKind.EnumMember;
            default: return SymbolKind.Field;
        }
    }

    getCompletionItemKind(node: AstNode | AstNodeDescription): CompletionItemKind {
        switch (categoryOf(node)) {
            case 'flow': return CompletionItemKind.Class;
            case 'box': return CompletionItemKind.Function;
            case 'goal': return CompletionItemKind.Event;
            case 'variable': return CompletionItemKind.Variable;
            case 'test': return CompletionItemKind.Method;
            case 'outcome': return CompletionItemKind.EnumMember;
            default: return CompletionItemKind.Reference;
        }
    }
}

type Category = 'flow' | 'box' | 'goal' | 'variable' | 'test' | 'outcome' | undefined;

function categoryOf(node: AstNode | AstNodeDescription): Category {
    const type = '$type' in node ? node.$type : node.type;
    if (reflection.isSubtype(type, Box.$type)) return 'box';
    switch (type) {
        case Flow.$type: return 'flow';
        case Goal.$type: return 'goal';
        case Variable.$type: return 'variable';
        case TestCase.$type: return 'test';
        case Outcome.$type: return 'outcome';
        default: return undefined;
    }
}

/** Shared-service overrides (Langium shares these between the languages of a server). */
export const ChatflowSharedModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    lsp: {
        NodeKindProvider: () => new ChatflowNodeKindProvider(),
        FuzzyMatcher: () => new ChatflowFuzzyMatcher()
    }
};
