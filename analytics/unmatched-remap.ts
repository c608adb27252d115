import type { FlowContext } from './flow-context.js';
import type { SqlRunner, SqlValue } from './metrics/sql.js';

/** A runner that also writes: both engines' connections. */
export interface WriteRunner extends SqlRunner {
    run(sql: string, params?: readonly SqlValue[]): Promise<{ changes: number }>;
}

/** The unmatched events of one (stream, logged box, step key): parameters stream, box, step ('' for none). */
const UNMATCHED_AT = "matched = 0 AND stream = ? AND box = ? AND COALESCE(step, '') = ?";

/** Every (stream, logged box, step key) group of unmatched events, with the flow its stream logs. */
export const UNMATCHED_GROUPS = `SELECT DISTINCT e.stream AS stream, s.flow AS flow, e.box AS box, COALESCE(e.step, '') AS step
    FROM events e JOIN streams s ON s.id = e.stream WHERE e.matched = 0`;

export interface UnmatchedFix {
    stream: number;
    box: string;
    step: string;
    /** The box the flows now know it as. */
    id: string;
}

/**
 * The unmatched (stream, box, step) groups the flows now know: by the logged box name, else by
 * the platform's step key (a box given that alias after the import re-maps its events).
 */
export function unmatchedFixes(names: ReadonlyArray<{ stream: number; flow: string; box: string; step: string }>, context: FlowContext): UnmatchedFix[] {
    const fixes: UnmatchedFix[] = [];
    for (const name of names) {
        const id = (name.box === '' ? undefined : context.resolve(name.flow, name.box)) ?? (name.step === '' ? undefined : context.resolve(name.flow, name.step));
        if (id !== undefined) fixes.push({ stream: name.stream, box: name.box, step: name.step, id });
    }
    return fixes;
}

/**
 * Re-maps each fix's events to its box, inside the caller's write transaction, and adds their chats
 * to `touched` (the caller refreshes the derived facts of those chats). Returns the events changed.
 */
export async function remapUnmatched(db: WriteRunner, fixes: readonly UnmatchedFix[]): Promise<number> {
    let changed = 0;
    for (const fix of fixes) {
        await db.run(`INSERT INTO touched (chat) SELECT DISTINCT chat FROM events WHERE ${UNMATCHED_AT} ON CONFLICT DO NOTHING`, [fix.stream, fix.box, fix.step]);
        // The same event may already be stored under its resolved name (imported after the alias was added).
        await db.run(`DELETE FROM events WHERE ${UNMATCHED_AT} AND EXISTS (
            SELECT 1 FROM events same WHERE same.chat = events.chat AND same.ts = events.ts AND same.type = events.type
            AND same.box = ? AND same.goal = events.goal AND same.ordinal = events.ordinal)`, [fix.stream, fix.box, fix.step, fix.id]);
        changed += (await db.run(`UPDATE events SET box = ?, matched = 1 WHERE ${UNMATCHED_AT}`, [fix.id, fix.stream, fix.box, fix.step])).changes;
    }
    return changed;
}
