/** Where a command writes and what it resolves paths against; tests and main.ts supply it. */
export interface CommandIO {
    cwd: string;
    out(line: string): void;
    err(line: string): void;
}

export function processIO(): CommandIO {
    return {
        cwd: process.cwd(),
        out: line => process.stdout.write(line + '\n'),
        err: line => process.stderr.write(line + '\n')
    };
}
