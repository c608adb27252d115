import type { SqlValue } from '../metrics/sql.js';
import { EVENT_TYPES } from '../model.js';
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
 * it with integer arithmetic inside SQLite. A platform event's step, channel and source (few
 * distinct values per statement) go into one JSON array bound once per statement, and the row's
 * integer also packs its index there (0: all three NULL, as on every canonical event).
 */
const PARAMS_PER_ROW = 6;
/**
 * Rows per INSERT (SQLite allows 32,766 bound parameters per statement). Smaller than a batch on
 * purpose: the chunks of a batch go to one prepared statement back to back, and node-sqlite3
 * converts a call's values when it is made but runs it after the previous one, so the main thread
 * converts chunk n+1 while SQLite's thread inserts chunk n.
 */
export const ROWS_PER_STATEMENT = 1000;
const TYPES = EVENT_TYPES;
const ORDINAL_LIMIT = 1 << 16;
/** Streams (flow, version pairs) a database can hold: 2^20, so the packed integer stays below 2^53 (ROWS_PER_STATEMENT < 2^10 extras). */
const STREAM_LIMIT = 1 << 20;
const CODE_BASE = STREAM_LIMIT * ORDINAL_LIMIT * 16;

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
                    runs.push(full!.run(parameters(events.slice(start, start + ROWS_PER_STATEMENT), this.streams)));
                }
            } finally {
                // An event that cannot be stored throws here: the chunks already queued finish before the rollback.
                await Promise.allSettled(runs);
            }
            let inserted = await settleAll(runs);
            // Another statement does not wait for the first one's queue: it runs after it, so ids keep the file order.
            if (rest) inserted += await settleAll([rest.run(parameters(events.slice(whole), this.streams))]);
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

    private async statement(rows: number): Promise<SqliteStatement> {
        let statement = this.statements.get(rows);
        if (!statement) {
            const tuple = `(${new Array(PARAMS_PER_ROW).fill('?').join(', ')})`;
            // The extras' JSON is the first parameter; SQLite keeps the few last parsed JSON texts of a statement, so json_extract does not re-parse it per row.
            const extra = (field: number) => `CASE WHEN code >= ${CODE_BASE} THEN json_extract(extras.list, '$[' || (code / ${CODE_BASE}) || '][${field}]') END`;
            statement = await this.db.prepare(`
                INSERT INTO events (chat, ts, type, box, goal, text, ordinal, matched, stream, step, channel, source)
                SELECT chat, ts,
                       CASE (code / 2) % 8 ${TYPES.map((type, i) => `WHEN ${i} THEN '${type}'`).join(' ')} END,
                       box, goal, text, (code / 16) % ${ORDINAL_LIMIT}, code % 2, (code / ${ORDINAL_LIMIT * 16}) % ${STREAM_LIMIT},
                       ${extra(0)}, ${extra(1)}, ${extra(2)}
                FROM (SELECT ? AS list) extras, (
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

/**
 * One statement's parameters: the JSON array of its distinct (step, channel, source) triples
 * (index 0 unused), then 6 per row.
 */
function parameters(events: readonly StoredEvent[], streams: ReadonlyMap<string, number>): SqlValue[] {
    const params = new Array<SqlValue>(1 + events.length * PARAMS_PER_ROW);
    const extras: Array<Array<string | null> | 0> = [0];
    const extraIndex = new Map<string, number>();
    let i = 1;
    for (const event of events) {
        if (event.ordinal >= ORDINAL_LIMIT) throw new RangeError(`chat ${event.chat} has more than ${ORDINAL_LIMIT} identical events at ${new Date(event.ts).toISOString()}`);
        const stream = streams.get(streamKey(event))!;
        if (stream >= STREAM_LIMIT) throw new RangeError(`the database holds more than ${STREAM_LIMIT} flow versions: import into a new database`);
        let extra = 0;
        if (event.step !== null || event.channel !== null || event.source !== null) {
            const key = `${event.step}\u0000${event.channel}\u0000${event.source}`;
            extra = extraIndex.get(key) ?? 0;
            if (extra === 0) {
                extra = extras.push([event.step, event.channel, event.source]) - 1;
                extraIndex.set(key, extra);
            }
        }
        params[i++] = event.chat;
        params[i++] = event.ts;
        params[i++] = event.box;
        params[i++] = event.goal;
        params[i++] = event.text;
        params[i++] = (((extra * STREAM_LIMIT + stream) * ORDINAL_LIMIT + event.ordinal) * 8 + TYPES.indexOf(event.type)) * 2 + (event.matched ? 1 : 0);
    }
    params[0] = extras.length > 1 ? JSON.stringify(extras) : null;
    return params;
}
