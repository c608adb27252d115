import type { Box, BoxRef } from '../generated/ast.js';

/** Calls `visit` with each transition of a box and its label (the option text, the outcome or arm name). */
export function forEachTransition(box: Box, visit: (ref: BoxRef, label?: string) => void): void {
    switch (box.$type) {
        case 'MessageBox':
        case 'InputBox':
            for (const ref of box.next) visit(ref);
            return;
        case 'ChoiceBox':
            for (const option of box.options) if (option.target) visit(option.target, option.label);
            return;
        case 'ConditionBox':
            for (const branch of box.branches) if (branch.target) visit(branch.target);
            for (const other of box.elseBranch) if (other.target) visit(other.target);
            return;
        case 'ActionBox':
            for (const outcome of box.outcomes) if (outcome.target) visit(outcome.target, outcome.name);
            return;
        case 'SplitBox':
            for (const arm of box.arms) if (arm.target) visit(arm.target, arm.name);
            return;
    }
}
