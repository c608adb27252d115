import type pg from 'pg';
import { MetricStore } from '../metric-store.js';
import type { WriteRunner } from '../unmatched-remap.js';
import type { BatchResult, StoredEvent } from '../store.js';
import { PgRunner } from './pg-connection.js';
import { explainPostgresError, type ServerName } from './pg-errors.js';
import { CREATE_IMPORT_TABLES_PG, REFRESH_TOUCHED_PG } from './pg-facts.js';
import { openPostgres, type PgOpenOptions } from './pg-open.js';
import { IMPORT_LOCK, PgEventWriter } from './pg-writer.js';

/**
 * The AnalyticsStore on a PostgreSQL server: the team store. Numbers are aggregated by the server
 * (the same metric SQL as SQLite's), never computed from shipped event rows.
 */
export class PostgresAnalyticsStore extends MetricStore {
    readonly engine = 'postgres';
    private readonly writer: PgEventWriter;

    private constructor(readonly file: string, private readonly pool: pg.Pool, private readonly runner: PgRunner, private readonly server: ServerName) {
        super(runner, async db => String((await db.all<{ generation: number }>('SELECT generation FROM store_meta'))[0].generation));
        this.writer = new PgEventWriter(pool, server);
    }

    /** `shown` is the URL without its password: how the store names itself. */
    static async open(url: string, shown: string, options: PgOpenOptions): Promise<PostgresAnalyticsStore> {
        const { pool, runner, server } = await openPostgres(url, options);
        return new PostgresAnalyticsStore(shown, pool, runner, server);
    }

    importBatch(events: readonly StoredEvent[]): Promise<BatchResult> {
        return this.writing(() => this.writer.write(events));
    }

    protected remapping(remap: (db: WriteRunner) => Promise<number>): Promise<number> {
        return this.inTransaction(async db => {
            await db.run('SELECT pg_advisory_xact_lock(?)', [IMPORT_LOCK]);
            await db.query(CREATE_IMPORT_TABLES_PG);
            const changed = await remap(db);
            await db.query(REFRESH_TOUCHED_PG);
            return changed;
        });
    }

    /**
     * Without statistics (autovacuum gets to new rows later), the planner takes the tables an
     * import just filled for nearly empty and picks nested loops: version comparison took 3.3 s on
     * 100,000 events right after an import, 25 ms after ANALYZE. A role that does not own a table
     * gets a warning, not an error, and autovacuum catches up.
     */
    protected override async refreshStatistics(): Promise<void> {
        await this.runner.run('ANALYZE');
    }

    async schemaVersion(): Promise<number> {
        return (await this.runner.get<{ version: number }>('SELECT MAX(version) AS version FROM chatflow_schema'))!.version;
    }

    async close(): Promise<void> {
        await this.writer.close();
        await this.pool.end();
    }

    /** Runs `work` on one connection inside a transaction. */
    protected inTransaction<T>(work: (db: PgRunner) => Promise<T>): Promise<T> {
        return this.onClient('BEGIN', work);
    }

    /**
     * Runs `work` on one connection in a REPEATABLE READ transaction: its snapshot is taken at the
     * first query and every query after sees it.
     */
    protected inSnapshot<T>(work: (db: PgRunner) => Promise<T>): Promise<T> {
        return this.onClient('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', work);
    }

    private async onClient<T>(begin: string, work: (db: PgRunner) => Promise<T>): Promise<T> {
        const client = await this.pool.connect();
        const db = new PgRunner(client, this.server);
        try {
            await db.run(begin);
            const result = await work(db);
            await db.run('COMMIT');
            return result;
        } catch (error) {
            await db.run('ROLLBACK').catch(() => undefined);
            throw error;
        } finally {
            client.release();
        }
    }

    protected explain(error: unknown): Error | undefined {
        return explainPostgresError(error, this.server);
    }
}
