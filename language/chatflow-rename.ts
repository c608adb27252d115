import { AstUtils, CstUtils, type AstNode, type IndexManager, type LangiumDocument, type LangiumDocuments } from 'langium';
import { DefaultRenameProvider } from 'langium/lsp';
import { ErrorCodes, ResponseError, type Position, type Range, type RenameParams, type TextDocumentPositionParams, type WorkspaceEdit } from 'vscode-languageserver';
import type { ChatflowServices } from './chatflow-module.js';
import { isBox, isBoxRef, isFlow, isGoal, isStart, isVariable, type Box, type Flow, type Goal, type Variable } from './generated/ast.js';
import { EditCollector, segmentRanges, textRanges } from './lsp/rename-edits.js';

const NAME = /^[_a-zA-Z]\w*$/;

/**
 * Rename across files for flows, boxes, goals and variables.
 * - A box renamed changes only the last segment of `Flow.box` references in other files.
 * - A flow renamed changes the first segment of every `Flow.box` naming one of its boxes
 *   (putting the cursor on `Flow` inside `Flow.box` renames the flow, on `box` the box).
 * - A variable renamed also changes its `{variable}` placeholders in the flow's box texts.
 * Nothing else is renamed: a test's name is a string (`test "" { }`), an outcome's name no reference.
 */
export class ChatflowRenameProvider extends DefaultRenameProvider {

    private readonly documents: LangiumDocuments;
    private readonly index: IndexManager;

    constructor(services: ChatflowServices) {
        super(services);
        this.documents = services.shared.workspace.LangiumDocuments;
        this.index = services.shared.workspace.IndexManager;
    }

    override async rename(document: LangiumDocument, params: RenameParams): Promise<WorkspaceEdit | undefined> {
        const target = this.targetAt(document, params.position);
        if (!isRenamable(target)) return undefined;
        this.checkNewName(target, params.newName);
        const edits = new EditCollector();
        if (isFlow(target)) {
            this.renameFlow(target, params.newName, edits);
        } else {
            for (const ref of this.references.findReferences(target, { includeDeclaration: true })) {
                const source = this.documents.getDocument(ref.sourceUri);
                if (!source) continue;
                // In `Flow.box` only the box segment names the box.
                const range = segmentRanges(source, ref.segment.offset, ref.segment.end).at(-1);
                if (range) edits.add(source, range, params.newName);
            }
            if (isVariable(target)) this.renamePlaceholders(target, params.newName, edits);
        }
        return edits.toWorkspaceEdit();
    }

    override prepareRename(document: LangiumDocument, params: TextDocumentPositionParams): Range | undefined {
        const target = this.targetAt(document, params.position);
        if (!isRenamable(target)) return undefined;
        const offset = document.textDocument.offsetAt(params.position);
        const leaf = CstUtils.findDeclarationNodeAtOffset(document.parseResult.value.$cstNode, offset, this.grammarConfig.nameRegexp);
        return leaf?.range;
    }

    /** The declaration to rename: the flow when the cursor is on the `Flow` of a `Flow.box`. */
    private targetAt(document: LangiumDocument, position: Position): AstNode | undefined {
        const root = document.parseResult.value.$cstNode;
        const offset = document.textDocument.offsetAt(position);
        const leaf = CstUtils.findDeclarationNodeAtOffset(root, offset, this.grammarConfig.nameRegexp);
        if (!leaf) return undefined;
        const target = this.references.findDeclarations(leaf)[0];
        if (!isBox(target)) return target;
        const owner = leaf.astNode;
        const refNode = isBoxRef(owner) || isStart(owner) ? owner.box?.$refNode : undefined;
        if (refNode && refNode !== leaf) {
            const segments = segmentRanges(document, refNode.offset, refNode.end);
            const last = document.textDocument.offsetAt(segments.at(-1)!.start);
            if (leaf.offset < last) return target.$container;
        }
        return target;
    }

    private checkNewName(target: Renamable, newName: string): void {
        if (!NAME.test(newName)) {
            throw new ResponseError(ErrorCodes.InvalidParams, `'${newName}' is not a valid name: use letters, digits and _, starting with a letter or _.`);
        }
        const taken = isBox(target) ? target.$container.boxes.some(box => box.name === newName)
            : isVariable(target) ? target.$container.variables.some(variable => variable.name === newName)
                : this.index.allElements(target.$type).some(element => element.name === newName);
        if (taken) {
            const where = isBox(target) || isVariable(target) ? ` in flow ${target.$container.name}` : ' in this workspace';
            throw new ResponseError(ErrorCodes.InvalidParams, `A ${kindOf(target)} named '${newName}' already exists${where}: choose another name.`);
        }
    }

    private renameFlow(flow: Flow, newName: string, edits: EditCollector): void {
        const declaration = this.nameProvider.getNameNode(flow);
        if (declaration) edits.add(AstUtils.getDocument(flow), declaration.range, newName);
        for (const document of this.documents.all) {
            for (const node of AstUtils.streamAst(document.parseResult.value)) {
                if (!isBoxRef(node) && !isStart(node)) continue;
                const refNode = node.box?.$refNode; // none for a `start` without its box
                if (node.box?.ref?.$container !== flow || !refNode) continue;
                const segments = segmentRanges(document, refNode.offset, refNode.end);
                if (segments.length > 1) edits.add(document, segments[0], newName);
            }
        }
    }

    /** `{rx_number}` in the texts and retry texts of the variable's flow. */
    private renamePlaceholders(variable: Variable, newName: string, edits: EditCollector): void {
        const flow = variable.$container;
        const document = AstUtils.getDocument(flow);
        for (const box of flow.boxes) {
            for (const range of textRanges(document, box as Box, variable.name)) edits.add(document, range, newName);
        }
    }
}

type Renamable = Flow | Box | Goal | Variable;

/** Flows, boxes, goals and variables: the names references use. */
function isRenamable(node: AstNode | undefined): node is Renamable {
    return isFlow(node) || isBox(node) || isGoal(node) || isVariable(node);
}

function kindOf(node: AstNode): string {
    return isFlow(node) ? 'flow' : isBox(node) ? 'box' : isGoal(node) ? 'goal' : 'variable';
}
