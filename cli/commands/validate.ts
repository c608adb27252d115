import { ExitCode } from '../errors.js';
import { parseArgs, type CommandSpec } from '../args.js';
import { findChatflowFiles } from '../files.js';
import { loadWorkspace } from '../workspace.js';
import { formatProblem, problemsOf, summary } from '../diagnostics.js';
import { VALIDATE_HELP } from '../help.js';
import type { CommandIO } from './io.js';

export const validateSpec: CommandSpec = {
    name: 'validate',
    options: { format: ['text', 'json'], help: 'flag' }
};

/** `chatflow validate <files or folders...> [--format text|json]` */
export async function validateCommand(argv: readonly string[], io: CommandIO): Promise<number> {
    const { positionals, options } = parseArgs(argv, validateSpec);
    if (options.help) {
        io.out(VALIDATE_HELP);
        return ExitCode.Ok;
    }
    const files = findChatflowFiles(positionals, io.cwd);
    const workspace = await loadWorkspace(files);
    const problems = workspace.documents.flatMap(document => problemsOf(document, io.cwd));
    if (options.format === 'json') {
        io.out(JSON.stringify(problems, null, 2));
    } else {
        problems.forEach(problem => io.out(formatProblem(problem)));
        io.out(summary(problems, files.length));
    }
    return problems.some(p => p.severity === 'error') ? ExitCode.Problems : ExitCode.Ok;
}
