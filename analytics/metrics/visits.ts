import type { BoxVisits } from '../model.js';
import { chatsInScope, type Scope } from './scope.js';
import type { SqlQuery, SqlRunner } from './sql.js';
import { signatureParts } from '../visit-facts.js';

/**
 * visit(B): the chats with an `enter` at B; entries: all `enter` events at B. Summed from the
 * transitions into B (the chat's first entry is the transition from ''). One row per
 * (box, chat, count = entries, first_ts = the chat's first entry at the box): the count, its
 * drill-down, conversions at goal boxes and the funnel all read these rows.
 */
export function visitRows(scope: Scope, boxes?: { sql: string; params: SqlQuery['params'] }): SqlQuery {
    const where = chatsInScope(scope, 't');
    const only = boxes ? ` AND t.to_box IN (${boxes.sql})` : '';
    return {
        sql: `SELECT t.to_box AS box, t.chat AS chat, SUM(t.times) AS count, MIN(t.first_ts) AS first_ts
              FROM transitions t WHERE ${where.sql}${only}
              GROUP BY t.to_box, t.chat`,
        params: [...where.params, ...(boxes?.params ?? [])]
    };
}

/**
 * The same counts as visitRows, from each chat's box signature (chat_visits, kept beside
 * transitions at import): the chats with the same boxes and entries are one row, expanded here.
 */
export async function visits(db: SqlRunner, scope: Scope): Promise<BoxVisits[]> {
    const where = chatsInScope(scope, 'f', 'first_ts');
    const rows = await db.all<{ boxes: string; chats: number }>(
        `SELECT v.boxes AS boxes, COUNT(*) AS chats FROM chat_visits v JOIN chat_facts f ON f.chat = v.chat WHERE ${where.sql} GROUP BY v.boxes`,
        where.params);
    const totals = new Map<string, BoxVisits>();
    for (const row of rows) {
        const chats = Number(row.chats);
        for (const [box, entries] of signatureParts(row.boxes)) {
            const total = totals.get(box) ?? { box, chats: 0, entries: 0 };
            total.chats += chats;
            total.entries += Number(entries) * chats;
            totals.set(box, total);
        }
    }
    return [...totals.values()].sort((a, b) => byCodeUnits(a.box, b.box));
}

export function byCodeUnits(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}
