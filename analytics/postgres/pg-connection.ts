import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import pg from 'pg';
import pgpass from 'pgpass';
import type { SqlRunner, SqlValue } from '../metrics/sql.js';
import { explainPostgresError, type ServerName } from './pg-errors.js';

/** COUNT and SUM come back as int8 / numeric, which the driver gives as strings: numbers here (counts fit in 2^53). */
const INT8 = 20;
const NUMERIC = 1700;
const types = {
    getTypeParser(oid: number, format?: 'text' | 'binary') {
        if (oid === INT8 || oid === NUMERIC) return (value: string) => Number(value);
        return pg.types.getTypeParser(oid, format);
    }
};

/**
 * The connection settings for a `postgres://` URL. The password comes from the URL (the CLI in a
 * CI job may pass one), else the `password` argument (VS Code's SecretStorage), else PGPASSWORD,
 * else ~/.pgpass (the driver reads it). `?service=name`, or PGSERVICE for a URL without a host,
 * takes host, port, dbname, user and sslmode from the service file (PGSERVICEFILE or
 * ~/.pg_service.conf) as libpq does. `sslmode` in the URL sets TLS (verify-full checks the
 * certificate and the host name).
 */
export function connectionConfig(url: string, password?: string, env: NodeJS.ProcessEnv = process.env): pg.PoolConfig & { server: ServerName } {
    const parsed = new URL(url);
    const service = parsed.searchParams.get('service') ?? (parsed.hostname === '' ? env.PGSERVICE : undefined);
    if (service) {
        const settings = serviceSettings(service, env);
        parsed.searchParams.delete('service');
        if (!parsed.hostname && settings.host) parsed.hostname = settings.host;
        if (!parsed.port && settings.port) parsed.port = settings.port;
        if (!parsed.username && settings.user) parsed.username = encodeURIComponent(settings.user);
        if (parsed.pathname.replace('/', '') === '' && settings.dbname) parsed.pathname = `/${encodeURIComponent(settings.dbname)}`;
        if (!parsed.searchParams.has('sslmode') && settings.sslmode) parsed.searchParams.set('sslmode', settings.sslmode);
    }
    // sslmode as libpq (and its documentation) means it: require encrypts, verify-full also checks the certificate and host.
    if (parsed.searchParams.has('sslmode') && !parsed.searchParams.has('uselibpqcompat')) parsed.searchParams.set('uselibpqcompat', 'true');
    // Into the URL the driver parses (a `password` beside a connectionString is overwritten by it);
    // this URL is only ever handed to the driver.
    if (!parsed.password && password) parsed.password = encodeURIComponent(password);
    const database = decodeURIComponent(parsed.pathname.replace(/^\//, '')) || decodeURIComponent(parsed.username) || env.PGDATABASE || 'postgres';
    const server: ServerName = { host: parsed.hostname || env.PGHOST || 'localhost', database, user: decodeURIComponent(parsed.username) || env.PGUSER || os.userInfo().username };
    const config: pg.PoolConfig = { connectionString: parsed.toString(), types, application_name: 'chatflow-studio' };
    // Asked only when the server wants a password and the URL has none. With none anywhere a
    // random one is sent, so the server refuses at once (the driver refuses to send none and
    // leaves the connection waiting for the server's authentication timeout, a minute) and the
    // message says none was given.
    if (!parsed.password) {
        // The driver calls it with the connection's parameters (its typings say without).
        const lookUp = async (params: { host?: string; port?: number; database?: string; user?: string }) => {
            const found = env.PGPASSWORD || await new Promise<string | undefined>(resolve => pgpass(params, resolve));
            server.passwordMissing = !found;
            return found ?? randomBytes(24).toString('base64');
        };
        config.password = lookUp as unknown as () => Promise<string>;
    }
    return { ...config, server };
}

function serviceSettings(service: string, env: NodeJS.ProcessEnv): Record<string, string> {
    const file = env.PGSERVICEFILE ?? path.join(os.homedir(), '.pg_service.conf');
    let text: string;
    try {
        text = fs.readFileSync(file, 'utf8');
    } catch {
        throw new RangeError(`the PostgreSQL service '${service}' needs a service file, and ${file} cannot be read. Create it, or set PGSERVICEFILE.`);
    }
    const settings: Record<string, string> = {};
    let inSection = false;
    for (const raw of text.split(/\r?\n/)) {
        const line = raw.trim();
        if (line === '' || line.startsWith('#')) continue;
        const section = /^\[(.+)\]$/.exec(line);
        if (section) {
            inSection = section[1].trim() === service;
            continue;
        }
        const pair = /^([^=]+)=(.*)$/.exec(line);
        if (inSection && pair) settings[pair[1].trim()] = pair[2].trim();
    }
    if (Object.keys(settings).length === 0) throw new RangeError(`${file} has no service '${service}'. Add a [${service}] section, or fix the service name.`);
    return settings;
}

/** `?` placeholders (the metric SQL's, shared with SQLite) as PostgreSQL's `$1, $2…`, outside quoted text and names. */
export function numberPlaceholders(sql: string): string {
    let n = 0;
    let out = '';
    let quote: string | undefined;
    for (const c of sql) {
        if (quote) {
            if (c === quote) quote = undefined;
            out += c;
        } else if (c === "'" || c === '"') {
            quote = c;
            out += c;
        } else {
            out += c === '?' ? `$${++n}` : c;
        }
    }
    return out;
}

/** What runs SQL on PostgreSQL: the pool, or one client inside a transaction. */
export class PgRunner implements SqlRunner {
    readonly dialect = 'postgres';

    constructor(private readonly target: pg.Pool | pg.PoolClient, private readonly server: ServerName) {}

    async all<T>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
        return (await this.query<T>(sql, params)).rows;
    }

    async get<T>(sql: string, params: readonly SqlValue[] = []): Promise<T | undefined> {
        return (await this.query<T>(sql, params)).rows[0];
    }

    async run(sql: string, params: readonly SqlValue[] = []): Promise<{ changes: number }> {
        return { changes: (await this.query(sql, params)).rowCount ?? 0 };
    }

    async query<T>(sql: string, params: readonly SqlValue[] = []): Promise<pg.QueryResult<T & pg.QueryResultRow>> {
        try {
            return await this.target.query<T & pg.QueryResultRow>(numberPlaceholders(sql), params as SqlValue[]);
        } catch (error) {
            throw explainPostgresError(error, this.server) ?? error;
        }
    }
}
