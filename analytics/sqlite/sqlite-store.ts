import * as path from 'node:path';
import { explainSqliteError } from '../errors.js';
import { MetricStore } from '../metric-store.js';
import type { WriteRunner } from '../unmatched-remap.js';
import type { BatchResult, StoredEvent } from '../store.js';
import type { SqliteConnection } from './connection.js';
import { CREATE_TOUCHED, refreshTouched } from './derived-facts.js';
import { EventWriter } from './event-writer.js';
import { openDatabase, type OpenOptions } from './open-database.js';
import { ReadSnapshots } from './read-snapshot.js';

/**
 * The AnalyticsStore over one SQLite file: the embedded default, one file per workspace. Its one
 * connection is shared: reads run inside one read transaction shared by the reads under way,
 * writes alone (read-snapshot.ts).
 */
export class SqliteAnalyticsStore extends MetricStore {
    readonly engine = 'sqlite';
    private readonly writer: EventWriter;
    private readonly snapshots: ReadSnapshots;

    private constructor(readonly file: string, private readonly connection: SqliteConnection, private readonly displayName: string) {
        // SQLite's data_version changes whenever another connection commits (the CLI importing while the editor reads);
        // read inside a read transaction it is that snapshot's.
        super(connection, async db => String((await db.all<{ data_version: number }>('PRAGMA data_version'))[0].data_version));
        this.writer = new EventWriter(connection);
        this.snapshots = new ReadSnapshots(() => connection.exec('BEGIN'), () => connection.exec('COMMIT'));
    }

    static async open(file: string, options: OpenOptions): Promise<SqliteAnalyticsStore> {
        const absolute = path.resolve(file);
        const db = await openDatabase(absolute, options);
        return new SqliteAnalyticsStore(absolute, db, options.displayName ?? absolute);
    }

    importBatch(events: readonly StoredEvent[]): Promise<BatchResult> {
        return this.writing(() => this.writer.write(events));
    }

    protected async remapping(remap: (db: WriteRunner) => Promise<number>): Promise<number> {
        const db = this.connection;
        await db.run(CREATE_TOUCHED);
        return db.transaction(async () => {
            await db.run('DELETE FROM touched');
            const changed = await remap(db);
            await refreshTouched(db);
            return changed;
        });
    }

    /** Every stored event in storage order, a page at a time: what `chatflow db copy` moves to a server. */
    async *storedEvents(pageSize = 20_000): AsyncGenerator<StoredEvent[]> {
        type Row = Omit<StoredEvent, 'matched'> & { matched: number };
        for (let after = 0; ;) {
            const rows = await this.explained(() => this.connection.all<Row & { id: number }>(
                `SELECT e.id AS id, e.chat AS chat, e.ts AS ts, e.type AS type, e.box AS box, e.matched AS matched, e.goal AS goal,
                        e.text AS text, s.flow AS flow, s.version AS version, e.ordinal AS ordinal,
                        e.step AS step, e.channel AS channel, e.source AS source
                 FROM events e JOIN streams s ON s.id = e.stream WHERE e.id > ? ORDER BY e.id LIMIT ?`, [after, pageSize]));
            if (rows.length === 0) return;
            after = rows[rows.length - 1].id;
            yield rows.map(({ id: _id, matched, ...event }) => ({ ...event, matched: matched === 1 }));
        }
    }

    async schemaVersion(): Promise<number> {
        return (await this.connection.get<{ user_version: number }>('PRAGMA user_version'))!.user_version;
    }

    /** Waits for the reads and writes under way. */
    async close(): Promise<void> {
        await this.snapshots.write(async () => {
            await this.writer.close();
            await this.connection.close();
        });
    }

    protected inTransaction<T>(work: (db: SqliteConnection) => Promise<T>): Promise<T> {
        return this.connection.transaction(() => work(this.connection));
    }

    protected inSnapshot<T>(work: (db: SqliteConnection) => Promise<T>): Promise<T> {
        return this.snapshots.read(() => work(this.connection));
    }

    /** A write waits until no read holds the connection's read transaction, and reads wait for it. */
    protected override writing<T>(work: () => Promise<T>): Promise<T> {
        return this.snapshots.write(() => super.writing(work));
    }

    /** SQLite's lock and file errors become AnalyticsErrors that name the file. */
    protected explain(error: unknown): Error | undefined {
        return explainSqliteError(error, this.displayName);
    }
}
