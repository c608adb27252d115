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
 * transitions at import): the chats with the same boxes and entries are counted together, and the
 * few signatures expanded here.
 */
export async function visits(db: SqlRunner, scope: Scope): Promise<BoxVisits[]> {
    const rows = await boxSignatures(db, scope);
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

/** The box signatures of the chats in scope (chat_visits, visit-facts.ts), with how many chats have each. */
export async function boxSignatures(db: SqlRunner, scope: Scope): Promise<Array<{ boxes: string; chats: number }>> {
    const where = chatsInScope(scope, 'v');
    return db.all<{ boxes: string; chats: number }>(
        `SELECT s.text AS boxes, x.chats AS chats
         FROM (SELECT v.boxes AS id, COUNT(*) AS chats FROM chat_visits v WHERE ${where.sql} GROUP BY v.boxes) x JOIN signatures s ON s.id = x.id`,
        where.params);
}

export function byCodeUnits(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}
