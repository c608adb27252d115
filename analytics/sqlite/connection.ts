import sqlite3 from 'sqlite3';
import type { SqlRunner, SqlValue } from '../metrics/sql.js';

/** A promise-based handle on one sqlite3 connection. Statements run one at a time, in call order. */
export class SqliteConnection implements SqlRunner {
    readonly dialect = 'sqlite';

    private constructor(private readonly db: sqlite3.Database) {}

    static open(file: string, mode: 'create' | 'existing'): Promise<SqliteConnection> {
        const flags = mode === 'create' ? sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE : sqlite3.OPEN_READWRITE;
        return new Promise((resolve, reject) => {
            const db = new sqlite3.Database(file, flags, error => (error ? reject(error) : resolve(new SqliteConnection(db))));
        });
    }

    /** Waits this long for a lock held by another connection before failing with SQLITE_BUSY. */
    busyTimeout(ms: number): void {
        this.db.configure('busyTimeout', ms);
    }

    run(sql: string, params: readonly SqlValue[] = []): Promise<{ changes: number }> {
        return new Promise((resolve, reject) => {
            this.db.run(sql, params, function (error) {
                if (error) reject(error);
                else resolve({ changes: this.changes });
            });
        });
    }

    all<T>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
        return new Promise((resolve, reject) => {
            this.db.all<T>(sql, params, (error, rows) => (error ? reject(error) : resolve(rows)));
        });
    }

    async get<T>(sql: string, params: readonly SqlValue[] = []): Promise<T | undefined> {
        return (await this.all<T>(sql, params))[0];
    }

    exec(sql: string): Promise<void> {
        return new Promise((resolve, reject) => {
            this.db.exec(sql, error => (error ? reject(error) : resolve()));
        });
    }

    prepare(sql: string): Promise<SqliteStatement> {
        return new Promise((resolve, reject) => {
            const statement = this.db.prepare(sql, error => (error ? reject(error) : resolve(new SqliteStatement(statement))));
        });
    }

    /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
    async transaction<T>(work: () => Promise<T>): Promise<T> {
        await this.run('BEGIN IMMEDIATE');
        try {
            const result = await work();
            await this.run('COMMIT');
            return result;
        } catch (error) {
            await this.run('ROLLBACK').catch(() => undefined);
            throw error;
        }
    }

    close(): Promise<void> {
        return new Promise((resolve, reject) => {
            this.db.close(error => (error ? reject(error) : resolve()));
        });
    }
}

export class SqliteStatement {
    constructor(private readonly statement: sqlite3.Statement) {}

    run(params: readonly SqlValue[]): Promise<{ changes: number }> {
        return new Promise((resolve, reject) => {
            this.statement.run(params, function (error) {
                if (error) reject(error);
                else resolve({ changes: this.changes });
            });
        });
    }

    finalize(): Promise<void> {
        return new Promise(resolve => this.statement.finalize(() => resolve()));
    }
}
