import { seededRandom } from '../../../language/seeded-random.js';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SqliteConnection } from '../../../analytics/sqlite/connection.js';
import { FIXTURES } from '../../analytics/helpers.js';

export const DENTAL_FLOW = path.join(FIXTURES, 'dental.chatflow');

/** The paths a generated chat takes through the dental fixture flow; every one starts at welcome. */
const PATHS = [
    ['welcome', 'main_menu', 'whitening_info', 'ask_insured', 'check_coverage', 'membership_plan', 'ask_name'],
    ['welcome', 'main_menu', 'front_desk'],
    ['welcome', 'main_menu', 'new_patient_offer', 'ask_insured', 'check_coverage', 'insurance_accepted', 'ask_name', 'contact_preference', 'ask_email', 'save_lead', 'lead_thanks']
];

/** One generated event, as the store keys it (box as logged: the import resolves it to `Dental.<box>`). */
export interface Expected { chat: string; ts: number; box: string }

/**
 * Writes `chats` dental chats (`prefix0`, `prefix1`...), only `enter` events at boxes of the flow,
 * so every stored event is one entry of one box and every chat one visit of welcome: a report
 * whose numbers come from one state of the data has overview events = the sum of the entries and
 * overview chats = the visits of welcome. Returns the events written.
 */
export function writeChats(file: string, prefix: string, chats: number, start = Date.parse('2026-10-01T00:00:00Z')): Expected[] {
    const out = fs.openSync(file, 'w');
    const written: Expected[] = [];
    for (let i = 0; i < chats; i++) {
        const boxes = PATHS[i % PATHS.length];
        const lines = boxes.map((box, j) => {
            const ts = start + i * 60_000 + j * 2000;
            written.push({ chat: `${prefix}${i}`, ts, box: `Dental.${box}` });
            return JSON.stringify({ chat: `${prefix}${i}`, ts: new Date(ts).toISOString(), flow: 'Dental', version: i % 2 ? 'v1' : 'v2', box, type: 'enter' });
        });
        fs.writeSync(out, lines.join('\n') + '\n');
    }
    fs.closeSync(out);
    return written;
}

/** A seeded pseudo-random generator, so a failing kill point can be run again. */
export const seeded = seededRandom;

/**
 * Checks a database left by killed imports: SQLite's integrity check, every stored event one of
 * the expected ones and none twice, and the derived per-chat facts in step with the events.
 * Returns how many events are stored.
 */
export async function checkDatabase(db: string, expected: readonly Expected[]): Promise<number> {
    const raw = await SqliteConnection.open(db, 'existing');
    try {
        const integrity = await raw.all<{ integrity_check: string }>('PRAGMA integrity_check');
        if (integrity.length !== 1 || integrity[0].integrity_check !== 'ok') throw new Error(`integrity_check: ${JSON.stringify(integrity)}`);
        const wanted = new Set(expected.map(e => `${e.chat}|${e.ts}|${e.box}`));
        const rows = await raw.all<{ chat: string; ts: number; box: string; type: string }>('SELECT chat, ts, box, type FROM events');
        const seen = new Set<string>();
        for (const row of rows) {
            const key = `${row.chat}|${row.ts}|${row.box}`;
            if (row.type !== 'enter' || !wanted.has(key)) throw new Error(`an event that no log holds: ${key} ${row.type}`);
            if (seen.has(key)) throw new Error(`an event stored twice: ${key}`);
            seen.add(key);
        }
        const [facts] = await raw.all<{ facts: number; chats: number }>('SELECT (SELECT COUNT(*) FROM chat_facts) AS facts, (SELECT COUNT(DISTINCT chat) FROM events) AS chats');
        if (facts.facts !== facts.chats) throw new Error(`chat_facts has ${facts.facts} chats, events ${facts.chats}`);
        const [entries] = await raw.all<{ n: number }>("SELECT COALESCE(SUM(times), 0) AS n FROM transitions");
        if (entries.n !== rows.length) throw new Error(`transitions count ${entries.n} entries, events ${rows.length}`);
        return rows.length;
    } finally {
        await raw.close();
    }
}
