import { AstUtils, GrammarAST, TextDocument, URI, type AstNodeDescription, type LangiumDocument, type LangiumDocuments, type ReferenceInfo, type Stream } from 'langium';
import {
    DefaultCompletionProvider, type CompletionAcceptor, type CompletionBacktrackingInformation, type CompletionContext,
    type CompletionProviderOptions, type CompletionValueItem, type NextFeature
} from 'langium/lsp';
import { CompletionList, type CompletionItem, type CompletionParams } from 'vscode-languageserver';
import type { CancellationToken } from 'vscode-languageserver';
import type { ChatflowServices } from './chatflow-module.js';
import { isBox, isFlow, isGoal, isVariable, type Flow } from './generated/ast.js';
import { builtInProperties, choiceLabels, interpolationAt, kindLabel } from './lsp/completion-items.js';
import { backtrackIn, featureWindow, tokenWindow } from './lsp/completion-window.js';
import { attachedNode, isReference, referenceOwner } from './lsp/reference-owner.js';
import { blankedIfKnown, withSkippedBlanked } from './lsp/skipped-characters.js';

/**
 * Completion: keywords (Langium's default), box / goal / variable names where the grammar expects
 * them (boxes of the same flow by name, boxes of other flows as `Flow.box`), the choice labels of
 * the flow after `choose`, and the flow's variables after `{` inside a box text.
 */
export class ChatflowCompletionProvider extends DefaultCompletionProvider {

    override readonly completionOptions: CompletionProviderOptions = { triggerCharacters: ['{', '.'] };
    private readonly documents: LangiumDocuments;

    constructor(services: ChatflowServices) {
        super(services);
        this.documents = services.shared.workspace.LangiumDocuments;
    }

    override async getCompletion(document: LangiumDocument, params: CompletionParams, cancelToken?: CancellationToken): Promise<CompletionList | undefined> {
        const interpolation = interpolationAt(document, params.position);
        if (interpolation) return CompletionList.create(interpolation, false);
        // `flow.` and `goal.` only start built-ins (`flow` and `goal` are keywords, never flow names).
        const text = document.textDocument.getText();
        const builtIn = /\b(flow|goal)\s*\.\s*\w*$/.exec(text.substring(0, document.textDocument.offsetAt(params.position)));
        if (builtIn) return CompletionList.create(builtInProperties(builtIn[1]) as CompletionItem[], false);
        withSkippedBlanked(document);
        const list = await super.getCompletion(document, params, cancelToken);
        for (const item of list?.items ?? []) dropPlainInsertion(item);
        return list;
    }

    protected override findFeaturesAt(document: TextDocument, offset: number): NextFeature[] {
        const parsed = this.documents.getDocument(URI.parse(document.uri));
        const current = parsed && parsed.textDocument.version === document.version ? parsed : undefined;
        const source = current ? withSkippedBlanked(current) : document.getText();
        const window = current ? featureWindow(current, offset) : undefined;
        if (!window) return super.findFeaturesAt(TextDocument.create(document.uri, document.languageId, document.version, source), offset);
        const text = window.prefix + source.substring(window.start, offset);
        return super.findFeaturesAt(TextDocument.create(document.uri, document.languageId, document.version, text), text.length);
    }

    protected override backtrackToAnyToken(original: string, offset: number): CompletionBacktrackingInformation {
        const text = blankedIfKnown(original);
        const window = tokenWindow(text, offset);
        const result = this.lexer.tokenize(text.substring(window.start, window.end));
        if (result.errors.length > 0) return super.backtrackToAnyToken(text, offset);
        const local = backtrackIn(result.tokens, offset - window.start);
        const shift = (value: number | undefined) => value === undefined ? undefined : value + window.start;
        return {
            previousTokenStart: shift(local.previousTokenStart),
            previousTokenEnd: shift(local.previousTokenEnd),
            nextTokenStart: local.nextTokenStart + window.start,
            nextTokenEnd: local.nextTokenEnd + window.start
        };
    }

    protected override completionFor(context: CompletionContext, next: NextFeature, acceptor: CompletionAcceptor) {
        const rule = AstUtils.getContainerOfType(next.feature, GrammarAST.isParserRule);
        const assignment = AstUtils.getContainerOfType(next.feature, GrammarAST.isAssignment);
        // In a track block, patient answers are what the PHI linter forbids: offer the built-ins instead.
        if (rule?.name === 'VariableValue') return;
        if (rule?.name === 'ChooseStep' && assignment?.feature === 'label') {
            const flow = context.node && AstUtils.getContainerOfType(context.node, isFlow);
            for (const item of flow ? choiceLabels(flow, context) : []) acceptor(context, item);
            return;
        }
        return super.completionFor(context, next, acceptor);
    }

    /** Completes a reference on the node it belongs to, which after a syntax error is not always the one at the cursor. */
    protected override completionForCrossReference(context: CompletionContext, next: NextFeature<GrammarAST.CrossReference>, acceptor: CompletionAcceptor) {
        const assignment = AstUtils.getContainerOfType(next.feature, GrammarAST.isAssignment);
        if (!assignment || !context.node) return super.completionForCrossReference(context, next, acceptor);
        const node = attachedNode(context.document, context.node, context.tokenOffset);
        if (next.type && isReference(this.astReflection, next.type, assignment.feature)) {
            return super.completionForCrossReference({ ...context, node }, next, acceptor);
        }
        const rule = AstUtils.getContainerOfType(next.feature, GrammarAST.isParserRule);
        const owner = referenceOwner(this.astReflection, node, assignment.feature, rule);
        if (!owner) return;
        return 'node' in owner
            ? super.completionForCrossReference({ ...context, node: owner.node }, { ...next, type: undefined }, acceptor)
            : super.completionForCrossReference(context, { ...next, type: owner.type }, acceptor);
    }

    /** Boxes of the current flow are offered by name only, not also as `ThisFlow.box`. */
    protected override getReferenceCandidates(refInfo: ReferenceInfo, context: CompletionContext): Stream<AstNodeDescription> {
        const candidates = super.getReferenceCandidates(refInfo, context);
        const flow = AstUtils.getContainerOfType(refInfo.container, isFlow);
        if (!flow) return candidates;
        const ownPrefix = `${flow.name}.`;
        return candidates.filter(candidate => !(candidate.name.startsWith(ownPrefix) && isOwnBox(candidate, flow)));
    }

    /**
     * Built here rather than by the default, which looks up a doc comment per candidate: a search
     * through the flow's children for each box, quadratic on big flows.
     */
    protected override createReferenceCompletionItem(description: AstNodeDescription): CompletionValueItem {
        const item: CompletionValueItem = { nodeDescription: description, kind: this.nodeKindProvider.getCompletionItemKind(description), sortText: '0' };
        const node = description.node;
        if (isBox(node)) {
            const qualified = description.name.includes('.');
            item.detail = qualified ? `${kindLabel(node)} box in flow ${node.$container.name}` : `${kindLabel(node)} box`;
            item.documentation = node.text;
            item.sortText = qualified ? '01' : '0';
        } else if (isGoal(node)) {
            item.detail = node.label ? `goal "${node.label}"` : 'goal';
        } else if (isVariable(node)) {
            item.detail = `${node.type}${node.sensitive ? ', sensitive' : ''}`;
        }
        return item;
    }
}

/**
 * An edit that only inserts the label at the cursor is what a client does anyway: leaving it out
 * halves the answer for a 5,000-box flow (every box is offered after `->`).
 */
function dropPlainInsertion(item: CompletionItem): void {
    const edit = item.textEdit;
    if (!edit || !('range' in edit) || edit.newText !== item.label) return;
    const { start, end } = edit.range;
    if (start.line === end.line && start.character === end.character) delete item.textEdit;
}

function isOwnBox(candidate: AstNodeDescription, flow: Flow): boolean {
    const node = candidate.node;
    return node ? isBox(node) && node.$container === flow : true;
}
