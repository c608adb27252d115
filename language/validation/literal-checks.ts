import type { ValidationAcceptor } from 'langium';
import {
    isBooleanLiteral, isNumberLiteral, type Assignment, type Comparison, type ExpectVariable, type Literal, type Variable
} from '../generated/ast.js';
import { isEmail, isIsoDate, isPhone } from '../input-values.js';
import { IssueCodes, issue } from './issue-codes.js';

/** Types whose values are strings a `contains` or a `matches` pattern can look into. */
export const TEXTUAL = new Set(['text', 'email', 'phone']);
/** Types with an order for `<`, `<=`, `>`, `>=` (dates compare as YYYY-MM-DD). */
const ORDERED = new Set(['number', 'date']);

const EXAMPLE: Record<string, string> = {
    text: '"some text"', number: 'a number like 42', email: '"name@example.com"',
    phone: '"555-201-3344"', date: '"2026-03-27" (YYYY-MM-DD)', yesno: 'yes or no'
};

/** Why a literal cannot be a value of a variable type, with the code to report, or nothing. */
export function literalProblem(literal: Literal | undefined, type: string | undefined): { code: string; message: string } | undefined {
    // Half-typed statements (`set x =`) have no literal yet: the parser reports them.
    if (!literal || literal.value === undefined || !type) return undefined;
    const wanted = `expected ${EXAMPLE[type] ?? type}`;
    if (type === 'number' || type === 'yesno') {
        const fits = type === 'number' ? isNumberLiteral(literal) : isBooleanLiteral(literal);
        return fits ? undefined : { code: IssueCodes.LiteralTypeMismatch, message: `${describe(literal)} is not a ${type} value: ${wanted}` };
    }
    if (isNumberLiteral(literal) || isBooleanLiteral(literal)) {
        return { code: IssueCodes.LiteralTypeMismatch, message: `${describe(literal)} is not a ${type} value: ${wanted}` };
    }
    const wellFormed = type === 'email' ? isEmail(literal.value) : type === 'phone' ? isPhone(literal.value) : type === 'date' ? isIsoDate(literal.value) : true;
    return wellFormed ? undefined : { code: IssueCodes.MalformedLiteral, message: `"${literal.value}" is not a valid ${type}: ${wanted}` };
}

export function checkVariableDefault(variable: Variable, accept: ValidationAcceptor): void {
    const problem = variable.default && literalProblem(variable.default, variable.type);
    if (problem) {
        accept('error', `Default of '${variable.name}: ${variable.type}': ${problem.message}.`, { node: variable, property: 'default', ...issue(problem.code) });
    }
}

export function checkAssignment(assignment: Assignment, accept: ValidationAcceptor): void {
    const variable = assignment.variable?.ref;
    const problem = variable && literalProblem(assignment.value, variable.type);
    if (problem) {
        accept('error', `Cannot set '${variable.name}: ${variable.type}': ${problem.message}.`, { node: assignment, property: 'value', ...issue(problem.code) });
    }
}

export function checkExpectVariable(step: ExpectVariable, accept: ValidationAcceptor): void {
    const variable = step.variable?.ref;
    const problem = variable && literalProblem(step.value, variable.type);
    if (problem) {
        accept('error', `'${variable.name}' is a ${variable.type} variable, so this expectation can never hold: ${problem.message}.`,
            { node: step, property: 'value', ...issue(problem.code) });
    }
}

/** `age < "old"`, `insured == 3`, `age contains "1"`: the operator and the literal must suit the variable's type. */
export function checkComparison(comparison: Comparison, accept: ValidationAcceptor): void {
    const problem = comparisonProblem(comparison);
    if (problem) accept('error', problem.message, { node: comparison, property: problem.property, ...issue(problem.code) });
}

/** Why a comparison's operator or literal does not suit its variable's type, or nothing. */
export function comparisonProblem(comparison: Comparison): { message: string; property: 'operator' | 'value'; code: string } | undefined {
    const variable = comparison.variable?.ref;
    const operator = comparison.operator;
    if (!variable || !operator || !comparison.value) return undefined;
    const type = variable.type;
    if (operator === 'contains') {
        if (!TEXTUAL.has(type)) {
            return { message: `'contains' needs a text variable, but '${variable.name}' is a ${type}. Compare with '==' instead.`, property: 'operator', code: IssueCodes.OperatorTypeMismatch };
        }
        if (isNumberLiteral(comparison.value) || isBooleanLiteral(comparison.value)) {
            return { message: `'${variable.name} contains' needs a quoted text, like "pain".`, property: 'value', code: IssueCodes.LiteralTypeMismatch };
        }
        return undefined;
    }
    if (operator !== '==' && operator !== '!=' && !ORDERED.has(type)) {
        return { message: `'${operator}' compares numbers or dates, but '${variable.name}' is a ${type}. Use '==' or '!='.`, property: 'operator', code: IssueCodes.OperatorTypeMismatch };
    }
    const problem = literalProblem(comparison.value, type);
    return problem && { message: `'${variable.name}' is a ${type} variable: ${problem.message}.`, property: 'value', code: problem.code };
}

function describe(literal: Literal): string {
    if (isNumberLiteral(literal)) return String(literal.value);
    if (isBooleanLiteral(literal)) return literal.value;
    return `"${literal.value}"`;
}
