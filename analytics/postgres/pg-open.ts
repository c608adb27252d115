import pg from 'pg';
import { AnalyticsError } from '../errors.js';
import { connectionConfig, PgRunner } from './pg-connection.js';
import { explainPostgresError, type ServerName } from './pg-errors.js';
import { CREATE_SCHEMA_TABLE, PG_MIGRATIONS, PG_SCHEMA_VERSION } from './pg-schema.js';

export interface PgOpenOptions {
    /** 'create' (import, db migrate): apply missing migrations. 'existing' (reports, the editor): the store must be there. */
    mode: 'create' | 'existing';
    /** VS Code's SecretStorage password, when the URL and the environment give none. */
    password?: string;
    /** Connections kept open: the editor needs few, an import one. */
    maxConnections?: number;
}

export interface PgDatabase {
    pool: pg.Pool;
    runner: PgRunner;
    server: ServerName;
}

/** A lock id of this program's own (any 64-bit number): migrations and import batches take it. */
export const MIGRATION_LOCK = 0x43464c57_0001;

/**
 * Connects to a PostgreSQL store and checks (or brings up to date) its schema. Errors are
 * AnalyticsErrors naming the host and database and saying what to do.
 */
export async function openPostgres(url: string, options: PgOpenOptions): Promise<PgDatabase> {
    const { server, ...config } = connectionConfig(url, options.password);
    await probe(config, server);
    const pool = new pg.Pool({ ...config, max: options.maxConnections ?? 4, connectionTimeoutMillis: 10_000, idleTimeoutMillis: 30_000 });
    // An idle connection the server drops (restart, network) must not crash the process.
    pool.on('error', () => undefined);
    const runner = new PgRunner(pool, server);
    try {
        await runner.get('SELECT 1');
        await prepareSchema(pool, runner, server, options.mode);
        return { pool, runner, server };
    } catch (error) {
        await pool.end().catch(() => undefined); // the open error is the one to report
        throw explainPostgresError(error, server) ?? error;
    }
}

/**
 * One connection first, on its own: when it fails (no server, refused role), its socket is
 * closed here. A pool drops a client that failed to connect without closing it, and a client
 * stopped mid-authentication would keep the process alive until the server's authentication
 * timeout.
 */
async function probe(config: pg.ClientConfig, server: ServerName): Promise<void> {
    const client = new pg.Client({ ...config, connectionTimeoutMillis: 10_000 });
    client.on('error', () => undefined);
    try {
        await client.connect();
    } catch (error) {
        (client as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
        throw explainPostgresError(error, server) ?? error;
    }
    await client.end();
}

async function schemaVersion(runner: PgRunner): Promise<number | undefined> {
    const table = await runner.get<{ name: string | null }>("SELECT to_regclass('chatflow_schema')::text AS name");
    if (!table?.name) return undefined;
    return (await runner.get<{ version: number | null }>('SELECT MAX(version) AS version FROM chatflow_schema'))?.version ?? 0;
}

async function prepareSchema(pool: pg.Pool, runner: PgRunner, server: ServerName, mode: PgOpenOptions['mode']): Promise<void> {
    const where = `database '${server.database}' on ${server.host}`;
    const version = await schemaVersion(runner);
    if (version === undefined) {
        const tables = (await runner.get<{ n: number }>("SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"))!.n;
        if (tables > 0) throw new AnalyticsError('not-chatflow', `${where} holds tables of another program, not a Chatflow store. Create a database of its own for Chatflow (createdb chatflow) and point the URL at it.`);
        if (mode === 'existing') throw new AnalyticsError('missing', `${where} has no Chatflow store yet. Import logs into it first (chatflow import … --db URL), or create the tables with 'chatflow db migrate --db URL' as the database owner.`);
    } else if (version > PG_SCHEMA_VERSION) {
        throw new AnalyticsError('newer-schema', `${where} was set up by a newer Chatflow Studio (schema ${version}, this one knows ${PG_SCHEMA_VERSION}). Update Chatflow Studio.`);
    }
    if ((version ?? 0) >= PG_SCHEMA_VERSION) return;
    if (mode === 'existing') {
        throw new AnalyticsError('newer-schema', `${where} has schema ${version}; this Chatflow Studio needs ${PG_SCHEMA_VERSION}. Run 'chatflow db migrate --db URL' as the database owner.`);
    }
    await migrate(pool, server);
}

/** Applies every missing migration, each in its own transaction, under a lock so two machines never migrate at once. */
export async function migrate(pool: pg.Pool, server: ServerName): Promise<{ from: number; to: number }> {
    const client = await pool.connect();
    const runner = new PgRunner(client, server);
    try {
        await runner.run('SELECT pg_advisory_lock(?)', [MIGRATION_LOCK]);
        try {
            await runner.run(CREATE_SCHEMA_TABLE);
            const from = (await schemaVersion(runner)) ?? 0;
            for (let next = from; next < PG_SCHEMA_VERSION; next++) {
                await runner.run('BEGIN');
                try {
                    await runner.query(PG_MIGRATIONS[next]);
                    await runner.run('INSERT INTO chatflow_schema (version) VALUES (?)', [next + 1]);
                    await runner.run('COMMIT');
                } catch (error) {
                    await runner.run('ROLLBACK').catch(() => undefined);
                    throw ownerNeeded(error, server) ?? error;
                }
            }
            return { from, to: PG_SCHEMA_VERSION };
        } catch (error) {
            throw ownerNeeded(error, server) ?? error;
        } finally {
            await runner.run('SELECT pg_advisory_unlock(?)', [MIGRATION_LOCK]).catch(() => undefined);
        }
    } finally {
        client.release();
    }
}

function ownerNeeded(error: unknown, server: ServerName): AnalyticsError | undefined {
    if (!(error instanceof AnalyticsError) || error.kind !== 'permission') return undefined;
    return new AnalyticsError('permission', `setting up the Chatflow tables in database '${server.database}' on ${server.host} needs the database owner (role '${server.user}' may not create tables). Run 'chatflow db migrate --db URL' as the owner once; readers and writers then need only their GRANTs (README, "Team setup with PostgreSQL").`);
}
