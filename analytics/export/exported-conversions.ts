import type { FlowContext } from '../flow-context.js';
import { conversionRows } from '../metrics/conversions.js';
import type { Scope } from '../metrics/scope.js';
import { inPredicate, type SqlRunner } from '../metrics/sql.js';

/** One conversion to export: a chat's first conversion to a goal, with the flow the chat began in. */
export interface ConversionRow {
    goal: string;
    chat: string;
    flow: string;
    version: string;
    /** Epoch ms of the first conversion event. */
    ts: number;
}

/**
 * Conversions per chat per goal (the same definition the reports count, from metrics/conversions),
 * for the given goals, oldest first.
 */
export async function exportedConversions(db: SqlRunner, context: FlowContext, scope: Scope, goals: readonly string[]): Promise<ConversionRow[]> {
    const rows = conversionRows(context, scope);
    const wanted = inPredicate('r.goal', goals);
    return db.all<ConversionRow>(
        `SELECT r.goal AS goal, r.chat AS chat, f.flow AS flow, r.version AS version, r.ts AS ts
         FROM (${rows.sql}) r JOIN chat_facts f ON f.chat = r.chat
         WHERE ${wanted.sql}
         ORDER BY r.ts, r.chat, r.goal`,
        [...rows.params, ...wanted.params]);
}
