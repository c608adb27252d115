import { AstUtils, CstUtils, type AstNode, type LangiumDocument, type MaybePromise } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Command, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import { isBox, isConditionBox, isFlow, isTrackedEvent } from './generated/ast.js';
import type { ChatflowServices } from './chatflow-module.js';
import { IssueCodes } from './validation/issue-codes.js';
import { addElseBranch, createBoxStub, elseTargets, removeBox } from './validation/fix-edits.js';
import type { FlowGraphCache } from './flow-graph-cache.js';
import { generateTestsAction } from './testgen/generate-action.js';
import { promoteArmActions } from './experiments/promote-arm.js';

/** The `data` every Chatflow diagnostic carries (see `issue()` in chatflow-validator.ts). */
interface IssueData { code?: string; suggestion?: string; suggestions?: string[]; containerType?: string; property?: string; refText?: string }

/** Replaceable misspellings: their `data.suggestion` is the text that replaces the diagnostic's range. */
const SUGGESTING = new Set<string>([IssueCodes.UnresolvedReference, IssueCodes.UnknownVariable, IssueCodes.UnknownChoice, IssueCodes.UnknownOutcome, IssueCodes.SplitWeights, IssueCodes.UnknownArm]);

/** Quick fixes for the diagnostics of chatflow-validator.ts, keyed by the code in `data`. */
export class ChatflowCodeActionProvider implements CodeActionProvider {
    private readonly graphs: FlowGraphCache;

    constructor(services: ChatflowServices) {
        this.graphs = services.flow.FlowGraphs;
    }

    getCodeActions(document: LangiumDocument, params: CodeActionParams): MaybePromise<Array<Command | CodeAction> | undefined> {
        const actions: CodeAction[] = [];
        for (const diagnostic of params.context.diagnostics) {
            actions.push(...this.fixesFor(document, diagnostic));
        }
        const only = params.context.only;
        if (!only || only.some(kind => kind === CodeActionKind.Refactor || kind === CodeActionKind.Empty)) {
            const generate = generateTestsAction(document, params.range, this.graphs);
            if (generate) actions.push(generate);
            actions.push(...promoteArmActions(document, params.range));
        }
        return actions;
    }

    private fixesFor(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const data = (diagnostic.data ?? {}) as IssueData;
        const actions: CodeAction[] = [];
        if (data.code && SUGGESTING.has(data.code) && data.suggestion) {
            actions.push(fix(`Change to '${data.suggestion.replace(/^"|"$/g, '')}'`, document, diagnostic,
                [{ range: diagnostic.range, newText: data.suggestion }], true));
        }
        const node = nodeAt(document, diagnostic);
        if (data.code === IssueCodes.UnresolvedReference && data.property === 'box' && data.refText && node) {
            const flow = AstUtils.getContainerOfType(node, isFlow);
            const name = flow && localName(data.refText, flow.name);
            if (flow && name) {
                for (const kind of ['end', 'message'] as const) {
                    actions.push(fix(`Create ${kind} box '${name}'`, document, diagnostic, [createBoxStub(document, flow, kind, name)], false));
                }
            }
        }
        if (data.code === IssueCodes.MissingElse && isConditionBox(node)) {
            for (const target of elseTargets(node)) {
                const edit = addElseBranch(document, node, target);
                if (edit) actions.push(fix(`Add 'else -> ${target}'`, document, diagnostic, [edit], false));
            }
        }
        if (data.code === IssueCodes.PhiRevealingName && data.suggestions) {
            // The diagnostic's range is the event name, quotes included.
            data.suggestions.forEach((name, i) => actions.push(fix(`Use the generic event name "${name}"`, document, diagnostic,
                [{ range: diagnostic.range, newText: `"${name}"` }], i === 0)));
        }
        if (data.code === IssueCodes.MissingAllowList) {
            const event = node && AstUtils.getContainerOfType(node, isTrackedEvent);
            const end = event?.$cstNode && document.textDocument.positionAt(event.$cstNode.end);
            if (end) actions.push(fix('Export no parameters (empty allow-list)', document, diagnostic, [{ range: { start: end, end }, newText: ' {}' }], true));
        }
        if (data.code === IssueCodes.UnreachableBox && isBox(node)) {
            actions.push(fix(`Remove unreachable box '${node.name}'`, document, diagnostic, [removeBox(document, node)], false));
        }
        return actions;
    }
}

/** The name a new box gets for an unresolved `name` or `ThisFlow.name`; none for other flows' boxes. */
function localName(refText: string, flowName: string): string | undefined {
    const parts = refText.split('.');
    if (parts.length === 1) return refText;
    return parts.length === 2 && parts[0] === flowName ? parts[1] : undefined;
}

/** The AST node a diagnostic starts on (the reference, the box name, ...). */
function nodeAt(document: LangiumDocument, diagnostic: Diagnostic): AstNode | undefined {
    const root = document.parseResult.value.$cstNode;
    if (!root) return undefined;
    return CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(diagnostic.range.start))?.astNode;
}

function fix(title: string, document: LangiumDocument, diagnostic: Diagnostic, edits: TextEdit[], isPreferred: boolean): CodeAction {
    return {
        title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred,
        edit: { changes: { [document.textDocument.uri]: edits } }
    };
}
