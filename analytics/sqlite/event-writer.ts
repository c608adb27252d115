import type { SqlValue } from '../metrics/sql.js';
import type { BatchResult, StoredEvent } from '../store.js';
import type { SqliteConnection, SqliteStatement } from './connection.js';
import { CREATE_TOUCHED, REFRESH_TOUCHED } from './derived-facts.js';

/**
 * Multi-row INSERTs with bound parameters, one transaction per batch.
 *
 * Why so few parameters per row: node-sqlite3 converts every bound value through Node-API on the
 * main thread (~0.7 µs each, measured), which costs more than SQLite's own work. So a row binds
 * 6 values: chat, ts, box, goal, text, and one integer packing the stream (flow + version, an id
 * into `streams`), the identity ordinal, the event type and the matched flag; the SELECT unpacks
 * it with integer arithmetic inside SQLite.
 */
const PARAMS_PER_ROW = 6;
/**
 * Rows per INSERT (SQLite allows 32,766 bound parameters per statement). Smaller than a batch on
 * purpose: the chunks of a batch go to one prepared statement back to back, and node-sqlite3
 * converts a call's values when it is made but runs it after the previous one, so the main thread
 * converts chunk n+1 while SQLite's thread inserts chunk n.
 */
export const ROWS_PER_STATEMENT = 1000;
const TYPES = ['enter', 'answer', 'goal', 'end'] as const;
const ORDINAL_LIMIT = 1 << 16;

export class EventWriter {
    private readonly statements = new Map<number, SqliteStatement>();
    private readonly streams = new Map<string, number>();
    private ready = false;

    constructor(private readonly db: SqliteConnection) {}

    async write(events: readonly StoredEvent[]): Promise<BatchResult> {
        if (events.length === 0) return { inserted: 0, duplicates: 0 };
        if (!this.ready) {
            await this.db.run(CREATE_TOUCHED);
            this.ready = true;
        }
        await this.ensureStreams(events);
        // Four calls per batch (see REFRESH_TOUCHED): open, insert, list the chats, refresh and commit.
        await this.db.exec('BEGIN IMMEDIATE; DELETE FROM touched;');
        try {
            const whole = events.length - events.length % ROWS_PER_STATEMENT;
            const full = whole > 0 ? await this.statement(ROWS_PER_STATEMENT) : undefined;
            const rest = whole < events.length ? await this.statement(events.length - whole) : undefined;
            const runs: Array<Promise<{ changes: number }>> = [];
            try {
                for (let start = 0; start < whole; start += ROWS_PER_STATEMENT) {
                    runs.push(full!.run(this.parameters(events.slice(start, start + ROWS_PER_STATEMENT))));
                }
            } finally {
                // An event that cannot be stored throws here: the chunks already queued finish before the rollback.
                await Promise.allSettled(runs);
            }
            let inserted = await settleAll(runs);
            // Another statement does not wait for the first one's queue: it runs after it, so ids keep the file order.
            if (rest) inserted += await settleAll([rest.run(this.parameters(events.slice(whole)))]);
            if (inserted > 0) {
                // The batch's chats (one JSON parameter, not one per chat). Recomputing a chat whose
                // events here were all duplicates gives the same facts, so no need to tell them apart.
                await this.db.run('INSERT INTO touched (chat) SELECT DISTINCT value FROM json_each(?)', [JSON.stringify([...new Set(events.map(e => e.chat))])]);
                await this.db.exec(`${REFRESH_TOUCHED}\nCOMMIT;`);
            } else {
                await this.db.exec('COMMIT;');
            }
            return { inserted, duplicates: events.length - inserted };
        } catch (error) {
            await this.db.exec('ROLLBACK;').catch(() => undefined); // SQLite may have rolled back already; the first error is the one to report
            throw error;
        }
    }

    async close(): Promise<void> {
        for (const statement of this.statements.values()) await statement.finalize();
        this.statements.clear();
    }

    private parameters(events: readonly StoredEvent[]): SqlValue[] {
        const params = new Array<SqlValue>(events.length * PARAMS_PER_ROW);
        let i = 0;
        for (const event of events) {
            if (event.ordinal >= ORDINAL_LIMIT) throw new RangeError(`chat ${event.chat} has more than ${ORDINAL_LIMIT} identical events at ${new Date(event.ts).toISOString()}`);
            const stream = this.streams.get(streamKey(event))!;
            params[i++] = event.chat;
            params[i++] = event.ts;
            params[i++] = event.box;
            params[i++] = event.goal;
            params[i++] = event.text;
            params[i++] = ((stream * ORDINAL_LIMIT + event.ordinal) * 8 + TYPES.indexOf(event.type)) * 2 + (event.matched ? 1 : 0);
        }
        return params;
    }

    private async statement(rows: number): Promise<SqliteStatement> {
        let statement = this.statements.get(rows);
        if (!statement) {
            const tuple = `(${new Array(PARAMS_PER_ROW).fill('?').join(', ')})`;
            statement = await this.db.prepare(`
                INSERT INTO events (chat, ts, type, box, goal, text, ordinal, matched, stream)
                SELECT chat, ts,
                       CASE (code / 2) % 8 WHEN 0 THEN 'enter' WHEN 1 THEN 'answer' WHEN 2 THEN 'goal' ELSE 'end' END,
                       box, goal, text, (code / 16) % ${ORDINAL_LIMIT}, code % 2, code / ${ORDINAL_LIMIT * 16}
                FROM (
                    SELECT column1 AS chat, column2 AS ts, column3 AS box, column4 AS goal, column5 AS text,
                           CAST(column6 AS INTEGER) AS code
                    FROM (VALUES ${new Array(rows).fill(tuple).join(', ')})
                )
                WHERE true
                ON CONFLICT DO NOTHING`);
            this.statements.set(rows, statement);
        }
        return statement;
    }

    private async ensureStreams(events: readonly StoredEvent[]): Promise<void> {
        for (const event of events) {
            const key = streamKey(event);
            if (this.streams.has(key)) continue;
            await this.db.run('INSERT INTO streams (flow, version) VALUES (?, ?) ON CONFLICT DO NOTHING', [event.flow, event.version]);
            const row = await this.db.get<{ id: number }>('SELECT id FROM streams WHERE flow = ? AND version = ?', [event.flow, event.version]);
            this.streams.set(key, row!.id);
        }
    }
}

/**
 * The total of the changes, once every run has finished (so none is still running when the caller
 * rolls back); the first failure is the one thrown.
 */
async function settleAll(runs: ReadonlyArray<Promise<{ changes: number }>>): Promise<number> {
    const results = await Promise.allSettled(runs);
    const failed = results.find(result => result.status === 'rejected');
    if (failed) throw failed.reason;
    return results.reduce((sum, result) => sum + (result as PromiseFulfilledResult<{ changes: number }>).value.changes, 0);
}

function streamKey(event: { flow: string; version: string }): string {
    return `${event.flow}\u0000${event.version}`;
}
