import * as path from 'node:path';
import type { LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** One problem, as the CLI prints it: a path relative to the working folder, 1-based line and column. */
export interface Problem {
    file: string;
    line: number;
    column: number;
    severity: Severity;
    code: string;
    message: string;
}

const SEVERITIES: Record<number, Severity> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

/** The problems of a built document, sorted by position. */
export function problemsOf(document: LangiumDocument, cwd = process.cwd()): Problem[] {
    const file = displayPath(document.uri.fsPath, cwd);
    return (document.diagnostics ?? [])
        .map(diagnostic => toProblem(file, diagnostic))
        .sort((a, b) => a.line - b.line || a.column - b.column);
}

function toProblem(file: string, diagnostic: Diagnostic): Problem {
    return {
        file,
        line: diagnostic.range.start.line + 1,
        column: diagnostic.range.start.character + 1,
        severity: SEVERITIES[diagnostic.severity ?? 1] ?? 'error',
        code: codeOf(diagnostic),
        // One problem, one line: a message spread over lines would break `file:line:col` parsing.
        message: diagnostic.message.replace(/\s*\r?\n\s*/g, ' ')
    };
}

/** Our validators set `code`; Langium's lexer, parser and linker put theirs in `data.code`. */
function codeOf(diagnostic: Diagnostic): string {
    const data = diagnostic.data as { code?: unknown } | undefined;
    const code = diagnostic.code ?? data?.code;
    return code === undefined || code === '' ? 'unknown' : String(code);
}

export function formatProblem(problem: Problem): string {
    return `${problem.file}:${problem.line}:${problem.column} ${problem.severity} ${problem.code} ${problem.message}`;
}

/** A path relative to the working folder, with forward slashes on every platform. */
export function displayPath(file: string, cwd = process.cwd()): string {
    const relative = path.relative(cwd, file);
    return (relative === '' ? path.basename(file) : relative).split(path.sep).join('/');
}

export function summary(problems: readonly Problem[], fileCount: number): string {
    const errors = problems.filter(p => p.severity === 'error').length;
    const warnings = problems.filter(p => p.severity === 'warning').length;
    const files = `${fileCount} file${fileCount === 1 ? '' : 's'}`;
    if (errors === 0 && warnings === 0) return `${files} checked: no problems.`;
    return `${files} checked: ${count(errors, 'error')}, ${count(warnings, 'warning')}.`;
}

function count(n: number, noun: string): string {
    return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
