import type { SplitSpec } from '../../language/flow-model.js';
import type { FlowContext } from '../flow-context.js';
import { dayOf, SLOT_MS } from '../time-zone.js';
import { conversionRows } from './conversions.js';
import { chatsInScope, type Scope } from './scope.js';
import { inPredicate, valuesTable, type SqlQuery, type SqlRunner } from './sql.js';

/**
 * The arm of a chat: the first arm box it entered right after the split, once per chat however
 * often it passed. A bot that does not log the split itself (it says nothing) shows the arm box
 * right after a box that leads into the split: `before` lists those. One row per (box, chat,
 * count = 1, ts = when it entered the arm).
 */
export function armRows(split: string, spec: SplitSpec, scope: Scope, before: readonly string[] = []): SqlQuery {
    const arm = valuesTable('arm', ['box'], spec.arms.map(a => [a.to]));
    const from = inPredicate('t.from_box', [split, ...before]);
    const where = chatsInScope(scope, 't');
    return {
        sql: `WITH ${arm.sql},
              taken AS (
                  SELECT t.to_box AS box, t.chat AS chat, t.first_ts AS ts,
                         ROW_NUMBER() OVER (PARTITION BY t.chat ORDER BY t.first_ts, t.to_box) AS nth
                  FROM transitions t JOIN arm ON arm.box = t.to_box
                  WHERE ${from.sql} AND ${where.sql}
              )
              SELECT taken.box AS box, taken.chat AS chat, 1 AS count, taken.ts AS ts FROM taken WHERE taken.nth = 1`,
        params: [...arm.params, ...from.params, ...where.params]
    };
}

/** Of the arms' chats, those that converted on `goal` (at any time in the chat). Rows (box, goal, chat, count = 1, ts = the arm entry). */
export function armConversionRows(context: FlowContext, split: string, spec: SplitSpec, goal: string, scope: Scope): SqlQuery {
    const arms = armRows(split, spec, scope, context.boxesInto(split));
    const converted = conversionRows(context, scope);
    return {
        sql: `SELECT a.box AS box, c.goal AS goal, a.chat AS chat, 1 AS count, a.ts AS ts
              FROM (${arms.sql}) a JOIN (${converted.sql}) c ON c.chat = a.chat
              WHERE c.goal = ?`,
        params: [...arms.params, ...converted.params, goal]
    };
}

/** Per arm box and day of arm entry: chats, and (with a measured goal) conversions. */
export async function armDays(db: SqlRunner, context: FlowContext, split: string, spec: SplitSpec, scope: Scope): Promise<Array<{ box: string; day: string; chats: number; converted: number }>> {
    const count = async (rows: SqlQuery) => db.all<{ box: string; slot: number; chats: number }>(
        `SELECT r.box AS box, r.ts / ${SLOT_MS} AS slot, COUNT(*) AS chats FROM (${rows.sql}) r GROUP BY r.box, r.ts / ${SLOT_MS}`, rows.params);
    const chats = await count(armRows(split, spec, scope, context.boxesInto(split)));
    const converted = spec.measure ? await count(armConversionRows(context, split, spec, spec.measure, scope)) : [];
    const days = new Map<string, { box: string; day: string; chats: number; converted: number }>();
    const add = (rows: Array<{ box: string; slot: number; chats: number }>, field: 'chats' | 'converted') => {
        for (const row of rows) {
            const day = dayOf(scope.zone, row.slot * SLOT_MS);
            const key = `${row.box}\u0000${day}`;
            const entry = days.get(key) ?? { box: row.box, day, chats: 0, converted: 0 };
            entry[field] += row.chats;
            days.set(key, entry);
        }
    };
    add(chats, 'chats');
    add(converted, 'converted');
    return [...days.values()].sort((a, b) => a.day.localeCompare(b.day) || a.box.localeCompare(b.box));
}
