import type { FlowContext } from '../flow-context.js';
import type { ProblemBox } from '../model.js';
import { checkAnswers } from './answer-checks.js';
import { boxStats } from './box-stats.js';
import { convertedDropOuts, repeats, retries, timeBeforeLeaving } from './box-problems.js';
import type { Scope } from './scope.js';
import type { SqlRunner } from './sql.js';

/**
 * Every own box of the context's flows with its problems: drop-outs, retries (logged, and at an
 * input box the stored answers that fail its rules), repeats, the time
 * before leaving it, and per goal the lost conversions = drop-outs × the conversion rate of the
 * chats that went on from the box (visited it and did not drop out there). Ranked "fix these
 * first": most lost conversions (summed over goals), then most drop-outs, retries, repeats; the
 * boxes without any of these are left out.
 */
export async function fixFirst(db: SqlRunner, context: FlowContext, scope: Scope): Promise<ProblemBox[]> {
    const stats = await boxStats(db, context, scope);
    const checks = await checkAnswers(db, context, scope);
    const retried = await retries(db, scope, checks.invalid);
    const repeated = await repeats(db, scope);
    const leaving = await timeBeforeLeaving(db, scope);
    const convertedDropped = await convertedDropOuts(db, context, scope);
    const goals = [...context.goalBoxes().keys()].sort();
    const rows: ProblemBox[] = [];
    for (const id of context.ownBoxIds()) {
        const box = context.boxes.get(id)!;
        const stat = stats[id];
        const wentOn = stat.visits - stat.dropOuts;
        const lost = goals.map(goal => {
            const wentOnConverted = (stat.conversions[goal] ?? 0) - (convertedDropped.get(id)?.get(goal) ?? 0);
            const rate = wentOn === 0 ? 0 : wentOnConverted / wentOn;
            return { goal, wentOn, wentOnConverted, rate, lost: stat.dropOuts * rate };
        });
        const row: ProblemBox = {
            box: id, kind: box.kind, label: box.name, visits: stat.visits, dropOuts: stat.dropOuts,
            retries: retried.get(id)?.events ?? 0, retryChats: retried.get(id)?.chats ?? 0,
            ...(checks.boxes.has(id) ? { answers: checks.boxes.get(id) } : {}),
            repeats: repeated.get(id)?.events ?? 0, repeatChats: repeated.get(id)?.chats ?? 0,
            leaving: leaving.get(id) ?? { n: 0, medianMs: 0, p90Ms: 0 },
            lost, lostTotal: lost.reduce((sum, l) => sum + l.lost, 0)
        };
        if (row.lostTotal > 0 || row.dropOuts > 0 || row.retries > 0 || row.repeats > 0) rows.push(row);
    }
    return rows.sort((a, b) => b.lostTotal - a.lostTotal || b.dropOuts - a.dropOuts || b.retries - a.retries
        || b.repeats - a.repeats || a.box.localeCompare(b.box));
}
