/** Where a command writes and what it resolves paths against; tests and main.ts supply it. */
export interface CommandIO {
    cwd: string;
    out(line: string): void;
    err(line: string): void;
}

export function processIO(): CommandIO {
    const out = pipeWriter(process.stdout);
    const err = pipeWriter(process.stderr);
    return { cwd: process.cwd(), out, err };
}

/**
 * Writes lines to stdout or stderr, and goes quiet once the reader has gone away
 * (`chatflow import ... | head -1`): the EPIPE is no error of ours, and Unix tools end quietly
 * on it. The command itself still finishes (an import half-done because its output was cut
 * would be worse) and exits with its own code; only its further output is dropped.
 */
export function pipeWriter(stream: NodeJS.WritableStream & { destroyed?: boolean }): (line: string) => void {
    let closed = false;
    stream.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') {
            closed = true;
            return;
        }
        throw error;
    });
    return line => {
        if (closed || stream.destroyed) return;
        stream.write(line + '\n');
    };
}
