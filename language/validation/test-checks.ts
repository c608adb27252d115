import type { ValidationAcceptor } from 'langium';
import { isActionBox, isChoiceBox, isChooseStep, isOutcomeStep, type Flow } from '../generated/ast.js';
import { IssueCodes, issue } from './issue-codes.js';
import { closestName, didYouMean } from './did-you-mean.js';
import type { FlowFacts } from './validation-run.js';

/**
 * `choose "X"` and `outcome x` in test blocks must name a button or an outcome the conversation
 * can meet: one of this flow's boxes or of the boxes of other flows it leads into.
 */
export function checkTests(flow: Flow, facts: FlowFacts, accept: ValidationAcceptor): void {
    if (flow.tests.length === 0) return;
    const labels = new Set<string>();
    const outcomes = new Set<string>();
    for (const box of flow.boxes) {
        if (isChoiceBox(box)) for (const option of box.options) if (option.label !== undefined) labels.add(option.label);
        if (isActionBox(box)) for (const outcome of box.outcomes) if (outcome.name) outcomes.add(outcome.name);
    }
    for (const edge of facts.graph.edges) {
        if (edge.label === undefined) continue;
        if (edge.kind === 'choice') labels.add(edge.label);
        if (edge.kind === 'outcome') outcomes.add(edge.label);
    }
    for (const test of flow.tests) {
        for (const step of test.steps) {
            if (isChooseStep(step) && step.label !== undefined && !labels.has(step.label)) {
                const suggestion = closestName(step.label, labels);
                accept('error', `No choice box of flow '${flow.name}' offers "${step.label}".${didYouMean(suggestion)} Use the label exactly as the option is written.`,
                    { node: step, property: 'label', ...issue(IssueCodes.UnknownChoice, suggestion ? { suggestion: JSON.stringify(suggestion) } : {}) });
            } else if (isOutcomeStep(step) && step.outcome !== undefined && !outcomes.has(step.outcome)) {
                const suggestion = closestName(step.outcome, outcomes);
                accept('error', `No action box of flow '${flow.name}' has an outcome '${step.outcome}'.${didYouMean(suggestion)}`,
                    { node: step, property: 'outcome', ...issue(IssueCodes.UnknownOutcome, suggestion ? { suggestion } : {}) });
            }
        }
    }
}
