import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { BatchResult, StoredEvent } from '../store.js';
import { PgRunner } from './pg-connection.js';
import type { ServerName } from './pg-errors.js';
import { CREATE_IMPORT_TABLES_PG, REFRESH_TOUCHED_PG } from './pg-facts.js';
import { MIGRATION_LOCK } from './pg-open.js';

/** Held by each batch while it inserts and recomputes facts: batches from several machines take turns, never interleave. */
export const IMPORT_LOCK = MIGRATION_LOCK + 1;

/**
 * Stores batches on one connection of its own: COPY into a session table, then one INSERT … ON
 * CONFLICT DO NOTHING into `events` (the identity key makes a second import, from this machine or
 * another, add nothing) and the derived facts of the chats it touched, in one transaction. A
 * killed process or a dropped connection rolls the batch back: no half batch, and a re-run
 * completes it.
 */
export class PgEventWriter {
    private client: pg.PoolClient | undefined;
    private runner: PgRunner | undefined;
    private readonly streams = new Map<string, number>();

    constructor(private readonly pool: pg.Pool, private readonly server: ServerName) {}

    async write(events: readonly StoredEvent[]): Promise<BatchResult> {
        if (events.length === 0) return { inserted: 0, duplicates: 0 };
        const runner = await this.connection();
        await this.ensureStreams(runner, events);
        await runner.run('BEGIN');
        try {
            await pipeline(Readable.from(this.csv(events)), this.client!.query(copyFrom(
                'COPY staging (seq, chat, ts, type, box, goal, text, ordinal, matched, stream, step, channel, source) FROM STDIN (FORMAT csv)')));
            await runner.run('SELECT pg_advisory_xact_lock(?)', [IMPORT_LOCK]);
            // Under the lock no other batch inserts meanwhile, so what is not there yet can simply be
            // added (ON CONFLICT's speculative insertion cost 3x more); an event repeated within the
            // batch (an exact duplicate line) is taken once. The identity index still refuses a
            // double, should anything get past the lock.
            const inserted = await runner.all<{ chat: string }>(`
                WITH added AS (
                    INSERT INTO events (chat, ts, type, box, goal, text, ordinal, matched, stream, step, channel, source)
                    SELECT s.chat, s.ts, s.type, s.box, s.goal, s.text, s.ordinal, s.matched, s.stream, s.step, s.channel, s.source
                    FROM (SELECT DISTINCT ON (chat, ts, type, box, goal, ordinal) * FROM staging ORDER BY chat, ts, type, box, goal, ordinal, seq) s
                    WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.chat = s.chat AND e.ts = s.ts AND e.type = s.type
                                      AND e.box = s.box AND e.goal = s.goal AND e.ordinal = s.ordinal)
                    ORDER BY s.seq
                    RETURNING chat
                )
                SELECT chat FROM added`);
            if (inserted.length > 0) {
                await runner.run('INSERT INTO touched (chat) SELECT DISTINCT chat FROM staging ON CONFLICT DO NOTHING');
                // A temp table has no statistics: without them the planner joins the batch's few
                // chats against whole tables (a scan per batch, quadratic over a big import).
                await runner.run('ANALYZE touched');
                await runner.query(REFRESH_TOUCHED_PG);
            }
            await runner.run('COMMIT');
            return { inserted: inserted.length, duplicates: events.length - inserted.length };
        } catch (error) {
            await runner.run('ROLLBACK').catch(() => undefined); // the first error is the one to report
            throw error;
        }
    }

    async close(): Promise<void> {
        this.client?.release();
        this.client = undefined;
        this.runner = undefined;
    }

    private async connection(): Promise<PgRunner> {
        if (!this.runner) {
            this.client = await this.pool.connect();
            this.runner = new PgRunner(this.client, this.server);
            await this.runner.query(CREATE_IMPORT_TABLES_PG);
        }
        return this.runner;
    }

    /** CSV lines for COPY: an unquoted empty field is NULL (a text that is absent), a quoted one the empty string. */
    private *csv(events: readonly StoredEvent[]): Generator<string> {
        let seq = 0;
        let chunk = '';
        for (const event of events) {
            chunk += `${seq++},${quote(event.chat)},${event.ts},${event.type},${quote(event.box)},${quote(event.goal)},${event.text === null ? '' : quote(event.text)},${event.ordinal},${event.matched ? 1 : 0},${this.streams.get(streamKey(event))},${optional(event.step)},${optional(event.channel)},${optional(event.source)}\n`;
            if (chunk.length > 65536) {
                yield chunk;
                chunk = '';
            }
        }
        if (chunk) yield chunk;
    }

    private async ensureStreams(runner: PgRunner, events: readonly StoredEvent[]): Promise<void> {
        for (const event of events) {
            const key = streamKey(event);
            if (this.streams.has(key)) continue;
            await runner.run('INSERT INTO streams (flow, version) VALUES (?, ?) ON CONFLICT DO NOTHING', [event.flow, event.version]);
            const row = await runner.get<{ id: number }>('SELECT id FROM streams WHERE flow = ? AND version = ?', [event.flow, event.version]);
            this.streams.set(key, row!.id);
        }
    }
}

/** NULL (an unquoted empty field) or the quoted text. */
function optional(text: string | null | undefined): string {
    return text === null || text === undefined ? '' : quote(text);
}

function quote(text: string): string {
    // PostgreSQL text cannot hold NUL characters (SQLite can); no real log text needs one.
    return `"${text.replace(/\u0000/g, '').replace(/"/g, '""')}"`;
}

function streamKey(event: { flow: string; version: string }): string {
    return `${event.flow}\u0000${event.version}`;
}
