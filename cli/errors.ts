/** Exit codes of the `chatflow` command. */
export const ExitCode = {
    Ok: 0,
    /** The flows have errors. */
    Problems: 1,
    /** The command line was wrong: bad path, unreadable file, unknown command or option. */
    Usage: 2,
    /** `chatflow export` refused or failed (not allow-listed field, missing secret, endpoint down): recorded in the audit log. */
    ExportFailed: 4
} as const;

/** A mistake in how the CLI was called; printed as one line and ends the run with exit code 2. */
export class UsageError extends Error {
    constructor(message: string) {
        super(message);
        this.name = 'UsageError';
    }
}
