/** Why the analytics database could not be used; `message` names the file (or server) and what to do. */
export type AnalyticsErrorKind =
    | 'missing' | 'locked' | 'not-chatflow' | 'newer-schema' | 'unreadable'
    /** PostgreSQL: the server does not answer, refuses the role, denies a privilege, times out, or the TLS handshake fails. */
    | 'unreachable' | 'auth' | 'permission' | 'timeout' | 'tls'
    /** PostgreSQL: the request needs what the server store refuses (the `keep` policy). */
    | 'refused';

export class AnalyticsError extends Error {
    constructor(readonly kind: AnalyticsErrorKind, message: string) {
        super(message);
        this.name = 'AnalyticsError';
    }
}

/** Turns a sqlite3 error about `file` into an AnalyticsError with advice, or returns undefined. */
export function explainSqliteError(error: unknown, file: string): AnalyticsError | undefined {
    const code = (error as { code?: string } | undefined)?.code;
    switch (code) {
        case 'SQLITE_BUSY':
        case 'SQLITE_LOCKED':
            return new AnalyticsError('locked', `the analytics database ${file} is locked by another process (an import still running?). Wait for it to finish, then run the command again.`);
        case 'SQLITE_NOTADB':
        case 'SQLITE_CORRUPT':
            return new AnalyticsError('not-chatflow', `${file} is not a Chatflow analytics database (not SQLite, or damaged). Pass another --db, or move the file away and import the logs again.`);
        case 'SQLITE_CANTOPEN':
        case 'SQLITE_READONLY':
        case 'SQLITE_PERM':
        case 'SQLITE_IOERR':
            return new AnalyticsError('unreadable', `cannot open the analytics database ${file} for writing (${code}). Check that the folder exists and is writable, or pass another --db.`);
        default:
            return undefined;
    }
}
