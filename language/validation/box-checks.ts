import type { ValidationAcceptor } from 'langium';
import type { Box, ConditionBox, Flow, InputBox } from '../generated/ast.js';
import { IssueCodes, issue } from './issue-codes.js';

/** Exactly one `start` per flow. */
export function checkStarts(flow: Flow, accept: ValidationAcceptor): void {
    if (flow.starts.length === 0) {
        accept('error', `Flow '${flow.name}' has no start box. Add 'start <box>' so chats know where to begin.`,
            { node: flow, property: 'name', ...issue(IssueCodes.MissingStart) });
    }
    for (let i = 1; i < flow.starts.length; i++) {
        accept('error', `Flow '${flow.name}' already starts at '${flow.starts[0].box?.$refText}'. Keep one 'start'.`,
            { node: flow, property: 'starts', index: i, ...issue(IssueCodes.MultipleStarts) });
    }
}

/** Statements the grammar collects with `+=` so that a second one can be reported here. */
const SINGLE_STATEMENTS: Record<string, Array<{ property: string; what: string }>> = {
    MessageBox: [{ property: 'next', what: "'->' (a message leads to one box; use a choice box to branch)" }],
    InputBox: [
        { property: 'save', what: "'save' (an answer is stored in one variable)" },
        { property: 'validation', what: "validation ('between' or 'matches')" },
        { property: 'retry', what: "'retry' text" },
        { property: 'next', what: "'->' (an input leads to one box; branch with a condition box after it)" }
    ],
    ConditionBox: [{ property: 'elseBranch', what: "'else' branch" }],
    ActionBox: [{ property: 'call', what: "'call'" }],
    HandoffBox: [{ property: 'queue', what: "'queue'" }],
    SplitBox: [
        { property: 'measure', what: "'measure' (an experiment decides on one goal)" },
        { property: 'stopAt', what: "'stop at'" }
    ]
};

export function checkRepeatedStatements(box: Box, accept: ValidationAcceptor): void {
    for (const { property, what } of SINGLE_STATEMENTS[box.$type] ?? []) {
        const values = (box as unknown as Record<string, unknown[]>)[property] ?? [];
        for (let i = 1; i < values.length; i++) {
            accept('error', `Box '${box.name}' already has a ${what}. Remove this one.`,
                { node: box, property: property as never, index: i, ...issue(IssueCodes.RepeatedStatement) });
        }
    }
}

export function checkInputSaves(box: InputBox, accept: ValidationAcceptor): void {
    if (box.save.length === 0) {
        accept('error', `Input '${box.name}' does not store its answer. Add 'save <variable>' inside its braces.`,
            { node: box, property: 'name', ...issue(IssueCodes.MissingSave) });
    }
}

/** With branches but no `else`, a chat where no branch holds has nowhere to go. */
export function checkConditionElse(box: ConditionBox, accept: ValidationAcceptor): void {
    if (box.branches.length > 0 && box.elseBranch.length === 0) {
        accept('warning', `Condition '${box.name}' has no 'else': a chat where no 'when' holds gets stuck. Add 'else -> <box>'.`,
            { node: box, property: 'name', ...issue(IssueCodes.MissingElse) });
    }
}
