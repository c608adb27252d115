import type { FlowContext } from '../flow-context.js';
import type { EdgeTraffic } from '../model.js';
import { conversionRows } from './conversions.js';
import { chatsInScope, type Scope } from './scope.js';
import type { SqlQuery, SqlRunner } from './sql.js';
import { byCodeUnits } from './visits.js';
import { signatureParts } from '../visit-facts.js';

/**
 * edge traffic(A→B): consecutive entries A then B in a chat (derived-facts.ts pairs each enter
 * with the one before it; pairs from '' are first entries, not edges). One row per (from, to, chat, count = traversals by that chat).
 */
export function edgeRows(scope: Scope): SqlQuery {
    const where = chatsInScope(scope, 't');
    return {
        sql: `SELECT t.from_box AS from_box, t.to_box AS to_box, t.chat AS chat, t.times AS count FROM transitions t WHERE t.from_box <> '' AND ${where.sql}`,
        params: where.params
    };
}

/** The same counts as edgeRows, from each chat's edge signature (chat_visits): chats with the same edges are one row. */
export async function edges(db: SqlRunner, scope: Scope): Promise<EdgeTraffic[]> {
    const where = chatsInScope(scope, 'v');
    const rows = await db.all<{ edges: string; chats: number }>(
        `SELECT s.text AS edges, x.chats AS chats
         FROM (SELECT v.edges AS id, COUNT(*) AS chats FROM chat_visits v WHERE ${where.sql} GROUP BY v.edges) x JOIN signatures s ON s.id = x.id`,
        where.params);
    const totals = new Map<string, EdgeTraffic>();
    for (const row of rows) {
        const chats = Number(row.chats);
        for (const [from, to, times] of signatureParts(row.edges)) {
            const key = `${from}${EDGE_SEPARATOR}${to}`;
            const total = totals.get(key) ?? { from, to, chats: 0, traversals: 0 };
            total.chats += chats;
            total.traversals += Number(times) * chats;
            totals.set(key, total);
        }
    }
    return [...totals.values()].sort((a, b) => byCodeUnits(a.from, b.from) || byCodeUnits(a.to, b.to));
}

/** Joins an edge's two box names as a key (the ASCII record separator). */
const EDGE_SEPARATOR = '\u001e';

/**
 * How many of the chats that converted on `goal` took each edge: what the goal's funnel path
 * follows. Chats only, no traversals: the converted chats' edge signatures (chat_visits), counted
 * together for the chats that took the same edges. The scope is already in the converted chats.
 */
export async function convertingEdges(db: SqlRunner, context: FlowContext, scope: Scope, goal: string): Promise<Array<Pick<EdgeTraffic, 'from' | 'to' | 'chats'>>> {
    const converted = conversionRows(context, scope);
    const rows = await db.all<{ edges: string; chats: number }>(
        `WITH converted AS (${converted.sql})
         SELECT s.text AS edges, x.chats AS chats
         FROM (SELECT v.edges AS id, COUNT(*) AS chats
               FROM (SELECT DISTINCT converted.chat AS chat FROM converted WHERE converted.goal = ?) c JOIN chat_visits v ON v.chat = c.chat
               GROUP BY v.edges) x
         JOIN signatures s ON s.id = x.id`,
        [...converted.params, goal]);
    const counts = new Map<string, Pick<EdgeTraffic, 'from' | 'to' | 'chats'>>();
    for (const row of rows) {
        for (const [from, to] of signatureParts(row.edges)) {
            const key = `${from}${EDGE_SEPARATOR}${to}`;
            const edge = counts.get(key) ?? { from, to, chats: 0 };
            edge.chats += Number(row.chats);
            counts.set(key, edge);
        }
    }
    return [...counts.values()].sort((a, b) => byCodeUnits(a.from, b.from) || byCodeUnits(a.to, b.to));
}
