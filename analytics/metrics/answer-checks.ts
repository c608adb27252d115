import { parseAnswer } from '../../language/input-values.js';
import type { FlowContext } from '../flow-context.js';
import type { AnswerCheck } from '../model.js';
import { holdsProtectedText } from '../privacy.js';
import { chatsInScope, type Scope } from './scope.js';
import { inPredicate, type SqlRunner } from './sql.js';

/** The answers that failed their box's rules, as (box, stored text) pairs, and per input box what could be checked. */
export interface AnswerChecks {
    invalid: Array<[string, string]>;
    boxes: Map<string, AnswerCheck>;
}

/**
 * Checks the stored answers of the context's input boxes (chats in scope) with the simulator's
 * own rules (parseAnswer: the input's type, range or pattern), once per distinct stored text. An
 * answer can be checked when its text was stored readable: not a sensitive box's (always
 * redacted), not written over by the privacy policy or the Safe Harbor scan, not missing.
 */
export async function checkAnswers(db: SqlRunner, context: FlowContext, scope: Scope): Promise<AnswerChecks> {
    const inputs = [...context.boxes.values()].filter(b => b.input && !b.external);
    const boxes = new Map<string, AnswerCheck>(inputs.map(b => [b.id, { sensitive: b.input!.sensitive, answers: 0, unchecked: 0, invalid: 0 }]));
    const invalid: Array<[string, string]> = [];
    if (inputs.length === 0) return { invalid, boxes };
    const where = chatsInScope(scope, 'f', 'first_ts');
    const at = inPredicate('e.box', inputs.map(b => b.id));
    const texts = await db.all<{ box: string; text: string | null; answers: number }>(
        `SELECT e.box AS box, e.text AS text, COUNT(*) AS answers
         FROM events e JOIN chat_facts f ON f.chat = e.chat
         WHERE e.type = 'answer' AND e.matched = 1 AND ${at.sql} AND ${where.sql}
         GROUP BY e.box, e.text`,
        [...at.params, ...where.params]);
    for (const row of texts) {
        const check = boxes.get(row.box)!;
        const answers = Number(row.answers);
        check.answers += answers;
        if (check.sensitive || row.text === null || holdsProtectedText(row.text)) {
            check.unchecked += answers;
            continue;
        }
        const input = context.boxes.get(row.box)!.input!;
        if (parseAnswer(row.text, input.type, input.validation).ok) continue;
        check.invalid += answers;
        invalid.push([row.box, row.text]);
    }
    return { invalid, boxes };
}
