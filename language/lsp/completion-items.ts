import { AstUtils, CstUtils, GrammarUtils, type LangiumDocument } from 'langium';
import type { CompletionContext, CompletionValueItem } from 'langium/lsp';
import { CompletionItemKind, type CompletionItem, type Position } from 'vscode-languageserver';
import { isBoxRef, isChoiceBox, isFlow, type Box, type Flow } from '../generated/ast.js';

/** `message`, `choice`, ... : the keyword a box is declared with. */
export function kindLabel(box: Box): string {
    return box.$type.replace(/Box$/, '').toLowerCase();
}

/** Strings whose `{variable}` placeholders are filled in: box texts and retry texts. */
const INTERPOLATED_STRING_START = /^\s*(?:(?:message|choice|input|condition|action|handoff|end)\s+\w+|retry)\s*$/;

/**
 * Inside the display text of a box (or a retry text), after `{`: the flow's variables.
 * Inside such a text elsewhere: an empty list (no keywords inside a string).
 * Anywhere else: undefined, so the grammar-driven completion runs.
 */
export function interpolationAt(document: LangiumDocument, position: Position): CompletionItem[] | undefined {
    const textDocument = document.textDocument;
    const text = textDocument.getText();
    const offset = textDocument.offsetAt(position);
    const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    const before = text.substring(lineStart, offset);
    const open = openingQuote(before);
    if (open < 0 || !INTERPOLATED_STRING_START.test(before.substring(0, open))) return undefined;
    const typed = /\{([A-Za-z_]\w*)?$/.exec(before.substring(open + 1));
    if (!typed) return [];
    const root = document.parseResult.value.$cstNode;
    const leaf = root && CstUtils.findLeafNodeBeforeOffset(root, offset);
    const flow = leaf && AstUtils.getContainerOfType(leaf.astNode, isFlow);
    if (!flow) return [];
    const tail = /^\w*/.exec(text.substring(offset))![0];
    const closed = text.charAt(offset + tail.length) === '}';
    const range = { start: textDocument.positionAt(offset - (typed[1]?.length ?? 0)), end: textDocument.positionAt(offset + tail.length) };
    return flow.variables.filter(v => v.name).map(variable => ({
        label: variable.name,
        kind: CompletionItemKind.Variable,
        detail: `${variable.type}${variable.sensitive ? ', sensitive' : ''}`,
        filterText: variable.name,
        textEdit: { range, newText: closed ? variable.name : `${variable.name}}` }
    }));
}

/** Index of the quote that opens the string the line ends in, or -1 when it ends outside strings. */
function openingQuote(line: string): number {
    let open = -1;
    for (let i = 0; i < line.length; i++) {
        const char = line[i];
        if (open >= 0 && char === '\\') i++;
        else if (char === '"') open = open >= 0 ? -1 : i;
        else if (open < 0 && char === '/' && line[i + 1] === '/') return -1;
    }
    return open;
}

/**
 * After `choose`: the labels of the choice boxes of the flow and of the flows it leads into,
 * as string literals. Typing inside `""` replaces the whole string.
 */
export function choiceLabels(flow: Flow, context: CompletionContext): CompletionValueItem[] {
    const text = context.textDocument.getText();
    const inString = text.charAt(context.tokenOffset) === '"';
    const range = {
        start: context.textDocument.positionAt(inString ? context.tokenOffset : context.offset),
        end: context.textDocument.positionAt(inString ? context.tokenEndOffset : context.offset)
    };
    const items = new Map<string, CompletionValueItem>();
    for (const each of flowsReachedFrom(flow)) {
        for (const box of each.boxes) {
            if (!isChoiceBox(box)) continue;
            box.options.forEach((option, index) => {
                const literal = GrammarUtils.findNodeForProperty(option.$cstNode, 'label')?.text;
                if (!literal || items.has(literal)) return;
                const where = each === flow ? `choice ${box.name}` : `choice ${each.name}.${box.name}`;
                items.set(literal, {
                    label: literal,
                    kind: CompletionItemKind.Value,
                    detail: `${where} -> ${option.target?.box.$refText ?? ''}`,
                    filterText: literal,
                    sortText: `0${String(index).padStart(3, '0')}`,
                    textEdit: { range, newText: literal }
                });
            });
        }
    }
    return [...items.values()];
}

function flowsReachedFrom(flow: Flow): Flow[] {
    const flows = [flow];
    for (let i = 0; i < flows.length; i++) {
        for (const ref of AstUtils.streamAllContents(flows[i]).filter(isBoxRef)) {
            const target = ref.box?.ref?.$container;
            if (target && !flows.includes(target)) flows.push(target);
        }
    }
    return flows;
}

/** After `flow.` or `goal.` in a track block: the built-in facts an export may send. */
export function builtInProperties(source: string): CompletionItem[] {
    const properties: Record<string, Record<string, string>> = {
        flow: { name: "the flow's name", version: "the chat's flow version, as logged" },
        goal: { name: "the goal's name", day: 'the UTC day of the conversion (YYYY-MM-DD)' }
    };
    return Object.entries(properties[source] ?? {}).map(([label, detail]) => ({ label, detail, kind: CompletionItemKind.Property, sortText: label }));
}
