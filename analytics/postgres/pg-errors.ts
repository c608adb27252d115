import { AnalyticsError } from '../errors.js';

/** Where a PostgreSQL store is, as messages name it: `database on host` (never the password). */
export interface ServerName {
    host: string;
    database: string;
    user?: string;
    /** Set when the server asked for a password and none was found (URL, SecretStorage, PGPASSWORD, ~/.pgpass). */
    passwordMissing?: boolean;
}

/**
 * Turns a driver or server error into an AnalyticsError: one line naming the host and database
 * and what to do. Returns undefined for errors that are not about reaching or using the server.
 */
export function explainPostgresError(error: unknown, server: ServerName): AnalyticsError | undefined {
    if (error instanceof AnalyticsError) return error;
    const e = error as { code?: string; message?: string } | undefined;
    const code = e?.code ?? '';
    const message = e?.message ?? String(error);
    const where = `database '${server.database}' on ${server.host}`;
    const who = server.user ? `role '${server.user}'` : 'the role';
    if (['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'ECONNRESET'].includes(code) || /Connection terminated|timeout expired/i.test(message)) {
        return new AnalyticsError('unreachable', `cannot reach the PostgreSQL server for ${where} (${code || message}). Check that the server runs and that the host and port in the URL are right; your numbers come back when it answers.`);
    }
    if ((code === '28P01' || code === '28000') && server.passwordMissing) {
        return new AnalyticsError('auth', `${where} asks ${who} for a password and none was given. Set it with 'Chatflow: Set Database Password' (VS Code), PGPASSWORD or ~/.pgpass.`);
    }
    if (code === '28P01' || code === '28000') {
        return new AnalyticsError('auth', `PostgreSQL refused ${who} for ${where}: wrong user or password. Set the password with 'Chatflow: Set Database Password' (VS Code), PGPASSWORD or ~/.pgpass; never in the URL of a setting.`);
    }
    if (/client password must be a string|no password supplied|SASL/i.test(message)) {
        return new AnalyticsError('auth', `${where} asks ${who} for a password and none was given. Set it with 'Chatflow: Set Database Password' (VS Code), PGPASSWORD or ~/.pgpass.`);
    }
    if (code === '3D000') {
        return new AnalyticsError('missing', `${where} does not exist. Create it (createdb -h ${server.host} ${server.database}) or fix the database name in the URL.`);
    }
    if (code === '42501') {
        return new AnalyticsError('permission', `permission denied on ${where} for ${who} (${message}). Reading needs the reader role's GRANTs, importing the writer's, migrating the owner's: see the README, "Team setup with PostgreSQL".`);
    }
    if (code === '57014') {
        return new AnalyticsError('timeout', `a query on ${where} took longer than the server's statement_timeout and was cancelled. Narrow the date range or ask the server's owner to raise statement_timeout for ${who}.`);
    }
    if (/SSL|TLS|certificate|self.signed|UNABLE_TO_VERIFY|CERT_/i.test(`${code} ${message}`)) {
        return new AnalyticsError('tls', `the TLS connection to ${where} failed (${message}). Check sslmode in the URL: verify-full needs the server's CA (sslrootcert=path, or the system's CAs) and a certificate naming ${server.host}.`);
    }
    return undefined;
}
