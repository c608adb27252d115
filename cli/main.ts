import { dbCommand } from './commands/db.js';
import { exportCommand } from './commands/export.js';
import { graphCommand } from './commands/graph.js';
import { importCommand } from './commands/import.js';
import { processIO, type CommandIO } from './commands/io.js';
import { redactCommand } from './commands/redact.js';
import { reportCommand } from './commands/report.js';
import { testCommand } from './commands/test.js';
import { testsFromLogsCommand } from './commands/tests-from-logs.js';
import { validateCommand } from './commands/validate.js';
import { ExitCode, UsageError } from './errors.js';
import { MAIN_HELP } from './help.js';
import { VERSION } from './version.js';

type Command = (argv: readonly string[], io: CommandIO) => Promise<number>;

const COMMANDS: Record<string, Command> = {
    validate: validateCommand,
    graph: graphCommand,
    test: testCommand,
    import: importCommand,
    report: reportCommand,
    export: exportCommand,
    redact: redactCommand,
    'tests-from-logs': testsFromLogsCommand,
    db: dbCommand
};

/** Runs the `chatflow` command line; returns the exit code. */
export async function run(argv: readonly string[], io: CommandIO): Promise<number> {
    const [first, ...rest] = argv;
    if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
        io.out(MAIN_HELP);
        return first === undefined ? ExitCode.Usage : ExitCode.Ok;
    }
    if (first === '--version' || first === '-v') {
        io.out(VERSION);
        return ExitCode.Ok;
    }
    const command = COMMANDS[first];
    try {
        if (!command) {
            throw new UsageError(`unknown command '${first}'. Commands: ${Object.keys(COMMANDS).join(', ')} (see chatflow --help).`);
        }
        return await command(rest, io);
    } catch (error) {
        if (error instanceof UsageError) {
            io.err(`chatflow: ${error.message}`);
            return ExitCode.Usage;
        }
        // A file system refusal no command explained (a path given on the command line, a folder
        // it needs): still a problem with a path the user can fix, not a bug, so no stack trace.
        const system = error as NodeJS.ErrnoException;
        if (typeof system?.syscall === 'string' && typeof system.path === 'string' && typeof system.code === 'string') {
            io.err(`chatflow: cannot ${system.syscall} ${system.path} (${system.code}). Check that the path is right and that you may use it.`);
            return ExitCode.Usage;
        }
        throw error;
    }
}

const io = processIO();
run(process.argv.slice(2), io).then(
    code => { process.exitCode = code; },
    (error: unknown) => {
        io.err(`chatflow: internal error: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
        process.exitCode = 3;
    }
);
