import { AstUtils, type ValidationAcceptor } from 'langium';
import type { Range } from 'vscode-languageserver';
import { isBinaryExpression, isComparison, isConditionBox, isInputBox, isNotExpression, type Box, type Comparison, type Expression, type Flow } from '../generated/ast.js';
import { boxInterpolations } from '../box-texts.js';
import { IssueCodes, issue } from './issue-codes.js';
import { closestName, didYouMean } from './did-you-mean.js';
import type { FlowFacts } from './validation-run.js';

/** A `{variable}` inside a box's text or retry text, with the range of the name between the braces. */
interface TextUse { name: string; range: Range }

/** `{name}` in a text must name a variable of the flow. */
export function checkInterpolations(box: Box, accept: ValidationAcceptor): void {
    const uses = textUses(box);
    if (uses.length === 0) return;
    const names = variableNames(box.$container);
    for (const use of uses) {
        if (names.has(use.name)) continue;
        const suggestion = closestName(use.name, names);
        accept('error', `Unknown variable '{${use.name}}' in the text of '${box.name}'.${didYouMean(suggestion)} Declare it with 'var ${use.name}: text' or fix the name.`,
            { node: box, range: use.range, ...issue(IssueCodes.UnknownVariable, suggestion ? { suggestion } : {}) });
    }
}

/**
 * Values read before any path assigns them: `{var}` in texts and comparisons in conditions, judged
 * by the must-assign analysis of the flow. A bare `when var` only tests whether it is set.
 */
export function checkUnassignedUses(flow: Flow, facts: FlowFacts, accept: ValidationAcceptor): void {
    if (facts.incomplete) return;
    const names = variableNames(flow);
    for (const [id, box] of facts.boxes) {
        if (!facts.analysis.reachable.has(id)) continue;
        if (box.text?.includes('{') || isInputBox(box)) {
            for (const use of textUses(box)) {
                if (names.has(use.name) && facts.analysis.isAssigned(id, use.name) === false) {
                    accept('warning', unsetMessage(use.name, box), { node: box, range: use.range, ...issue(IssueCodes.UnassignedVariable, { variable: use.name }) });
                }
            }
        }
        if (!isConditionBox(box)) continue;
        for (const branch of box.branches) {
            for (const node of comparisons(branch.condition)) {
                const variable = node.operator ? node.variable?.ref : undefined;
                if (variable?.$container === flow && facts.analysis.isAssigned(id, variable.name) === false) {
                    accept('warning', unsetMessage(variable.name, box), { node, property: 'variable', ...issue(IssueCodes.UnassignedVariable, { variable: variable.name }) });
                }
            }
        }
    }
}

/** The comparisons of a condition, left to right. */
function comparisons(expression: Expression | undefined, into: Comparison[] = []): Comparison[] {
    if (isComparison(expression)) into.push(expression);
    else if (isBinaryExpression(expression)) { comparisons(expression.left, into); comparisons(expression.right, into); }
    else if (isNotExpression(expression)) comparisons(expression.operand, into);
    return into;
}

function unsetMessage(name: string, box: Box): string {
    return `Variable '${name}' may be unset in '${box.name}': a path from start reaches it without 'save ${name}' or 'set ${name} = ...'. Assign it on every path, or give it a default.`;
}

function textUses(box: Box): TextUse[] {
    // Most boxes have no `{`: skip the CST scan for them (validation runs on every keystroke).
    if (!box.text?.includes('{') && !(isInputBox(box) && box.retry.some(text => text.includes('{')))) return [];
    const uses = boxInterpolations(box);
    if (uses.length === 0) return [];
    const document = AstUtils.getDocument(box).textDocument;
    return uses.map(({ name, offset }) => ({ name, range: { start: document.positionAt(offset), end: document.positionAt(offset + name.length) } }));
}

const namesByFlow = new WeakMap<Flow, Set<string>>();

/** A flow's variable names, computed once per parsed flow (a re-parse creates a new Flow node). */
function variableNames(flow: Flow): Set<string> {
    let names = namesByFlow.get(flow);
    if (!names) namesByFlow.set(flow, names = new Set(flow.variables.map(v => v.name).filter(Boolean)));
    return names;
}
