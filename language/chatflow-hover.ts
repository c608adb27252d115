import type { AstNode, MaybePromise } from 'langium';
import { AstNodeHoverProvider } from 'langium/lsp';
import type { ChatflowServices } from './chatflow-module.js';
import { isActionBox, isAssignment, isBox, isEndBox, isFlow, isGoal, isHandoffBox, isInputBox, isVariable, type Box, type Flow, type Goal, type Variable } from './generated/ast.js';
import { ReferenceFinder, waysIn, waysOut, type BoxLink } from './lsp/box-links.js';
import { kindLabel } from './lsp/completion-items.js';

/**
 * Hover (Markdown): for a box, its kind, text, ways in and out, goals, aliases and what an input
 * saves; for a goal, its label and the boxes marking it; for a variable, its type, sensitivity and
 * the boxes that set it. Shown on declarations and on every reference, `Flow.box` included.
 */
export class ChatflowHoverProvider extends AstNodeHoverProvider {

    private readonly finder: ReferenceFinder;

    constructor(services: ChatflowServices) {
        super(services);
        this.finder = new ReferenceFinder(services.references.References, services.shared.workspace.LangiumDocuments, services.workspace.AstNodeLocator);
    }

    protected getAstNodeHoverContent(node: AstNode): MaybePromise<string | undefined> {
        if (isBox(node)) return this.boxHover(node);
        if (isGoal(node)) return this.goalHover(node);
        if (isVariable(node)) return this.variableHover(node);
        if (isFlow(node)) return flowHover(node);
        return undefined;
    }

    private boxHover(box: Box): string {
        const lines = [`**${kindLabel(box)}** \`${box.name}\` in flow \`${box.$container.name}\``];
        if (box.text) lines.push(quote(box.text));
        if (isInputBox(box)) lines.push(inputLine(box));
        if (isActionBox(box) && box.call[0]) lines.push(`**Calls** \`${box.call[0]}\``);
        if (isHandoffBox(box) && box.queue[0]) lines.push(`**Queue** \`${box.queue[0]}\``);
        lines.push(section('Ways in', waysIn(box, this.finder).map(wayIn), 'none: no box leads here'));
        const terminal = isEndBox(box) || isHandoffBox(box);
        lines.push(section('Ways out', waysOut(box).map(wayOut), terminal ? 'none: the chat ends here' : 'none'));
        if (box.goals.length > 0) lines.push(`**Goals:** ${box.goals.map(goal => goalName(goal.ref, goal.$refText)).join(', ')}`);
        if (box.aliases.length > 0) lines.push(`**Aliases:** ${box.aliases.map(code).join(', ')}`);
        return lines.join('\n\n');
    }

    private goalHover(goal: Goal): string {
        const markers = this.finder.referencingNodes(goal).filter(isBox);
        const lines = [`**goal** \`${goal.name}\`${goal.label ? `: ${goal.label}` : ''}`];
        lines.push(markers.length > 0
            ? `**Marked by**\n${markers.map(box => `- \`${box.$container.name}.${box.name}\` (${kindLabel(box)})`).join('\n')}`
            : '_No box marks this goal yet._');
        return lines.join('\n\n');
    }

    private variableHover(variable: Variable): string {
        const sensitive = variable.sensitive ? ', **sensitive** (never stored unredacted)' : '';
        const lines = [`**var** \`${variable.name}\`: ${variable.type}${sensitive}`];
        if (variable.default) lines.push(`Default: \`${variable.default.$cstNode?.text ?? ''}\``);
        const setters = this.finder.referencingNodes(variable);
        const savedBy = setters.filter(isInputBox).map(box => `- \`${box.name}\` asks for it${box.sensitive ? ' (sensitive input)' : ''}`);
        const setBy = setters.filter(isAssignment).map(assignment => `- \`${(assignment.$container as Box).name}\` sets it to \`${assignment.value?.$cstNode?.text ?? ''}\``);
        lines.push(savedBy.length + setBy.length > 0 ? `**Saved by**\n${[...savedBy, ...setBy].join('\n')}` : '_No input saves it and no box sets it._');
        return lines.join('\n\n');
    }
}

function flowHover(flow: Flow): string {
    const start = flow.starts[0]?.box?.$refText; // `start` alone: no box yet
    return [
        `**flow** \`${flow.name}\`${flow.label ? `: ${flow.label}` : ''}`,
        `${flow.boxes.length} boxes, ${flow.variables.length} variables, ${flow.tests.length} tests${start ? `; starts at \`${start}\`` : ''}`
    ].join('\n\n');
}

function inputLine(box: Extract<Box, { $type: 'InputBox' }>): string {
    const variable = box.save[0]?.ref;
    if (!variable) return '**Saves:** nothing (add `save <variable>`)';
    const sensitive = box.sensitive || variable.sensitive ? ', **sensitive**' : '';
    return `**Saves** \`${variable.name}\`: ${variable.type}${sensitive}`;
}

function section(title: string, items: string[], empty: string): string {
    if (items.length === 0) return `**${title}:** ${empty}`;
    return `**${title}**\n${items.map(item => `- ${item}`).join('\n')}`;
}

/** `main_menu` ("Book an appointment"), or the flow that starts here. */
function wayIn(link: BoxLink): string {
    if (!link.box) return link.via ?? '';
    return link.via ? `\`${link.box}\` (${link.via})` : `\`${link.box}\``;
}

/** "Book an appointment" → `ask_returning` */
function wayOut(link: BoxLink): string {
    return `${link.via ? `${link.via} ` : ''}→ \`${link.box ?? '?'}\``;
}

function goalName(goal: Goal | undefined, text: string): string {
    return goal?.label ? `\`${goal.name}\` (${goal.label})` : `\`${text}\``;
}

function quote(text: string): string {
    return text.split('\n').map(line => `> ${line}`).join('\n');
}

function code(text: string): string {
    return `\`${text}\``;
}
