import type { ValidationAcceptor } from 'langium';
import { isInputBox, type PatternValidation, type RangeValidation } from '../generated/ast.js';
import { IssueCodes, issue } from './issue-codes.js';
import { TEXTUAL } from './literal-checks.js';

/** Input validations (`between`, `matches`) must suit the type of the variable the input saves. */

/** `between min and max` checks a number answer and needs min <= max. */
export function checkRange(range: RangeValidation, accept: ValidationAcceptor): void {
    const type = savedType(range);
    if (type !== undefined && type !== 'number') {
        accept('error', `'between' checks number answers, but this input saves a ${type}. Save into a number variable or use 'matches'.`,
            { node: range, keyword: 'between', ...issue(IssueCodes.ValidationTypeMismatch) });
    }
    if (range.min !== undefined && range.max !== undefined && range.min > range.max) {
        accept('error', `The range is empty: ${range.min} is greater than ${range.max}. Write 'between ${range.max} and ${range.min}'.`,
            { node: range, property: 'max', ...issue(IssueCodes.InvalidRange) });
    }
}

/** `matches "..."` checks a text answer against a regular expression that must compile. */
export function checkPattern(pattern: PatternValidation, accept: ValidationAcceptor): void {
    const type = savedType(pattern);
    if (type !== undefined && !TEXTUAL.has(type)) {
        accept('error', `'matches' checks text answers, but this input saves a ${type}.${type === 'number' ? " Use 'between' for numbers." : ''}`,
            { node: pattern, keyword: 'matches', ...issue(IssueCodes.ValidationTypeMismatch) });
    }
    if (pattern.pattern === undefined) return;
    try {
        new RegExp(`^(?:${pattern.pattern})$`);
    } catch (error) {
        accept('error', `The pattern is not a valid regular expression: ${(error as Error).message}.`,
            { node: pattern, property: 'pattern', ...issue(IssueCodes.InvalidPattern) });
    }
}

/** The type of the variable the input holding this validation saves into, if it resolves. */
function savedType(validation: RangeValidation | PatternValidation): string | undefined {
    const box = validation.$container;
    return isInputBox(box) ? box.save[0]?.ref?.type : undefined;
}
