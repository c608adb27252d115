import type { UnmatchedStep } from '../model.js';
import type { SqlRunner } from './sql.js';

/** The unmatched steps listed at most: the panel and the quick fix need the big ones, not a long tail. */
export const UNMATCHED_STEPS_LIMIT = 200;

/**
 * What the flows' boxes do not cover: stored events no box matched, per flow and step key (a
 * platform's page, intent, block...) or, for canonical logs, the box name as logged; biggest
 * first. Events with neither (a platform's message that matched no box text) form one row with
 * step ''. Counted over every stored event: the panel shows what a new alias would re-map.
 */
export async function unmatchedSteps(db: SqlRunner): Promise<UnmatchedStep[]> {
    const rows = await db.all<{ flow: string; step: string; events: number; chats: number }>(
        `SELECT s.flow AS flow, COALESCE(e.step, e.box) AS step, COUNT(*) AS events, COUNT(DISTINCT e.chat) AS chats
         FROM events e JOIN streams s ON s.id = e.stream
         WHERE e.matched = 0
         GROUP BY s.flow, COALESCE(e.step, e.box)
         ORDER BY COUNT(*) DESC, s.flow, COALESCE(e.step, e.box)
         LIMIT ${UNMATCHED_STEPS_LIMIT}`);
    // PostgreSQL's COUNT is a BIGINT, which its driver hands over as a string.
    return rows.map(row => ({ flow: row.flow, step: row.step, events: Number(row.events), chats: Number(row.chats) }));
}
