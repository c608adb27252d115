import type { ConditionExpr } from '../flow-model.js';
import { literalText } from './literal-text.js';

/** A condition as it would be written in a `when`, parenthesised only where needed. */
export function conditionText(condition: ConditionExpr): string {
    return write(condition, 0);
}

/** Binding strength: or < and < not. */
function write(c: ConditionExpr, context: number): string {
    switch (c.op) {
        case 'or':
        case 'and': {
            const own = c.op === 'or' ? 1 : 2;
            const text = `${write(c.left, own)} ${c.op} ${write(c.right, own + 1)}`;
            return own < context ? `(${text})` : text;
        }
        case 'not': {
            const operand = c.operand.op === 'compare' || c.operand.op === 'not' ? write(c.operand, 3) : `(${write(c.operand, 0)})`;
            return `not ${operand}`;
        }
        case 'compare':
            return c.operator === undefined || c.value === undefined ? c.variable : `${c.variable} ${c.operator} ${literalText(c.value)}`;
    }
}
