import type { FlowContext } from '../flow-context.js';
import type { Durations } from '../model.js';
import { boxConversionRows } from './box-conversions.js';
import { conversionRows } from './conversions.js';
import { dropOutRows } from './drop-outs.js';
import { chatsInScope, type Scope } from './scope.js';
import { jsonPairs, type SqlQuery, type SqlRunner } from './sql.js';
import { nearestRankSql } from './nearest-rank.js';
import { boxSignatures, visitRows } from './visits.js';
import { signatureParts } from '../visit-facts.js';

/**
 * Retries at a box: its retry events, plus the answer events whose (box, stored text) is among
 * `invalid` (answers that fail the box's rules, answer-checks.ts). Rows (box, chat, count = the
 * chat's retries there).
 */
export function retryRows(db: SqlRunner, scope: Scope, invalid: ReadonlyArray<readonly [string, string]>): SqlQuery {
    const where = chatsInScope(scope, 'f', 'first_ts');
    const failed = invalid.length === 0 ? undefined : jsonPairs(db, invalid);
    const answers = failed ? ` OR (e.type = 'answer' AND (e.box, e.text) IN (SELECT x.a, x.b FROM (${failed.sql}) x))` : '';
    return {
        sql: `SELECT e.box AS box, e.chat AS chat, COUNT(*) AS count
              FROM events e JOIN chat_facts f ON f.chat = e.chat
              WHERE (e.type = 'retry'${answers}) AND e.matched = 1 AND ${where.sql}
              GROUP BY e.box, e.chat`,
        params: [...(failed?.params ?? []), ...where.params]
    };
}

/** Re-entries: a chat entering a box it entered before. Rows (box, chat, count = entries beyond its first). */
export function repeatRows(scope: Scope): SqlQuery {
    const where = chatsInScope(scope, 't');
    return {
        sql: `SELECT t.to_box AS box, t.chat AS chat, SUM(t.times) - 1 AS count
              FROM transitions t WHERE ${where.sql}
              GROUP BY t.to_box, t.chat HAVING SUM(t.times) > 1`,
        params: where.params
    };
}

/**
 * Time before leaving a box: each entry that a later entry of the chat follows, measured from the
 * entry to that next entry (matched boxes, ordered by time, then file order), as kept at import in
 * box_leaves (../visit-facts.ts). Rows (box, chat, ms), one per leave.
 */
export function leaveRows(scope: Scope): SqlQuery {
    const where = chatsInScope(scope, 'l');
    return {
        sql: `SELECT l.box AS box, l.chat AS chat, l.ms AS ms FROM box_leaves l WHERE ${where.sql}`,
        params: where.params
    };
}

/** leaveRows per chat: rows (box, chat, count = times it left the box). */
export function leavingChatRows(scope: Scope): SqlQuery {
    const rows = leaveRows(scope);
    return { sql: `SELECT l.box AS box, l.chat AS chat, COUNT(*) AS count FROM (${rows.sql}) l GROUP BY l.box, l.chat`, params: rows.params };
}

/** The chats that visited a box and did not drop out there. Rows (box, chat, count = 1). */
export function wentOnRows(context: FlowContext, scope: Scope): SqlQuery {
    const visited = visitRows(scope);
    const dropped = dropOutRows(context, scope);
    return {
        sql: `SELECT v.box AS box, v.chat AS chat, 1 AS count FROM (${visited.sql}) v
              WHERE NOT EXISTS (SELECT 1 FROM (${dropped.sql}) d WHERE d.box = v.box AND d.chat = v.chat)`,
        params: [...visited.params, ...dropped.params]
    };
}

/** Of those, the chats that converted on a goal. Rows (box, goal, chat, count = 1). */
export function wentOnConvertedRows(context: FlowContext, scope: Scope): SqlQuery {
    const converted = boxConversionRows(context, scope);
    const dropped = dropOutRows(context, scope);
    return {
        sql: `SELECT b.box AS box, b.goal AS goal, b.chat AS chat, 1 AS count FROM (${converted.sql}) b
              WHERE NOT EXISTS (SELECT 1 FROM (${dropped.sql}) d WHERE d.box = b.box AND d.chat = b.chat)`,
        params: [...converted.params, ...dropped.params]
    };
}

/** Per box: retries (retry events and answers that fail the box's rules) and the chats with any. */
export async function retries(db: SqlRunner, scope: Scope, invalid: ReadonlyArray<readonly [string, string]>): Promise<Map<string, { events: number; chats: number }>> {
    return summed(db, retryRows(db, scope, invalid));
}

/** Per box: entries beyond each chat's first, and the chats that repeated it (repeatRows' counts, from the box signatures). */
export async function repeats(db: SqlRunner, scope: Scope): Promise<Map<string, { events: number; chats: number }>> {
    const result = new Map<string, { events: number; chats: number }>();
    for (const row of await boxSignatures(db, scope)) {
        for (const [box, entries] of signatureParts(row.boxes)) {
            if (Number(entries) <= 1) continue;
            const total = result.get(box) ?? { events: 0, chats: 0 };
            total.events += (Number(entries) - 1) * Number(row.chats);
            total.chats += Number(row.chats);
            result.set(box, total);
        }
    }
    return result;
}

async function summed(db: SqlRunner, rows: SqlQuery): Promise<Map<string, { events: number; chats: number }>> {
    const counts = await db.all<{ box: string; events: number; chats: number }>(
        `SELECT r.box AS box, SUM(r.count) AS events, COUNT(*) AS chats FROM (${rows.sql}) r GROUP BY r.box`, rows.params);
    return new Map(counts.map(row => [row.box, { events: Number(row.events), chats: Number(row.chats) }]));
}

/** Per box: the time before leaving it, median and p90 by nearest rank (nearest-rank.ts). */
export async function timeBeforeLeaving(db: SqlRunner, scope: Scope): Promise<Map<string, Durations>> {
    const rows = leaveRows(scope);
    const found = await db.all<{ grp: string; n: number; median: number; p90: number }>(nearestRankSql(rows.sql, 'box', 'ms'), rows.params);
    return new Map(found.map(row => [row.grp, { n: Number(row.n), medianMs: Number(row.median), p90Ms: Number(row.p90) }]));
}

/** Per (box, goal): the drop-outs at the box that had converted on the goal anyway (before dropping out). */
export async function convertedDropOuts(db: SqlRunner, context: FlowContext, scope: Scope): Promise<Map<string, Map<string, number>>> {
    // A drop-out at B entered B, so the chats of boxConversionRows at B among the drop-outs at B are
    // simply the drop-outs that converted (each chat has one version and start: the same scope).
    const dropped = dropOutRows(context, scope);
    const converted = conversionRows(context, scope);
    const rows = await db.all<{ box: string; goal: string; chats: number }>(
        `SELECT d.box AS box, c.goal AS goal, COUNT(*) AS chats
         FROM (${dropped.sql}) d JOIN (${converted.sql}) c ON c.chat = d.chat
         GROUP BY d.box, c.goal`,
        [...dropped.params, ...converted.params]);
    const result = new Map<string, Map<string, number>>();
    for (const row of rows) {
        const goals = result.get(row.box) ?? new Map<string, number>();
        goals.set(row.goal, Number(row.chats));
        result.set(row.box, goals);
    }
    return result;
}
