import type { EventType, TranscriptEntry } from '../model.js';
import type { SqlRunner } from './sql.js';

/** The events of one chat in order: time, then file order (row id). Texts are as stored, so redacted answers read `[redacted]`. */
export async function transcript(db: SqlRunner, chat: string): Promise<TranscriptEntry[]> {
    type Row = { ts: number; type: EventType; box: string; matched: number; text: string | null; goal: string; step: string | null; channel: string | null; source: string | null };
    const rows = await db.all<Row>(
        `SELECT e.ts AS ts, e.type AS type, e.box AS box, e.matched AS matched, e.text AS text, e.goal AS goal,
                e.step AS step, e.channel AS channel, e.source AS source
         FROM events e WHERE e.chat = ? ORDER BY e.ts, e.id`,
        [chat]);
    return rows.map(row => ({
        ts: new Date(row.ts).toISOString(),
        type: row.type,
        box: row.box,
        matched: row.matched === 1,
        ...(row.text === null ? {} : { text: row.text }),
        ...(row.goal === '' ? {} : { goal: row.goal }),
        ...(row.step === null ? {} : { step: row.step }),
        ...(row.channel === null ? {} : { channel: row.channel }),
        ...(row.source === null ? {} : { source: row.source })
    }));
}
