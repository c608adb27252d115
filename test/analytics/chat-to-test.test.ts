import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import { chatToTest } from '../../analytics/chat-test/chat-to-test.js';
import type { TranscriptEntry } from '../../analytics/model.js';
import { runFlowTests } from '../../language/conversation-tests.js';
import type { FlowGraph } from '../../language/flow-model.js';
import { applyInsertions, insertionFor } from '../../language/testgen/insert-tests.js';
import { printTests } from '../../language/testgen/print-tests.js';
import { graphOf } from '../language/build-graph.js';

/** A transcript from `[box, answer?]` pairs: an enter per box, then the answer given there. */
function transcript(flow: string, steps: Array<[string, string?]>, goals: string[] = []): TranscriptEntry[] {
    let second = 0;
    const ts = () => new Date(Date.UTC(2026, 10, 2, 9, 0, second++)).toISOString();
    const entries: TranscriptEntry[] = [];
    for (const [box, answer] of steps) {
        entries.push({ ts: ts(), type: 'enter', box: `${flow}.${box}`, matched: true });
        if (answer !== undefined) entries.push({ ts: ts(), type: 'answer', box: `${flow}.${box}`, matched: true, text: answer });
    }
    for (const goal of goals) entries.push({ ts: ts(), type: 'goal', box: '', matched: true, goal });
    return entries;
}

async function replays(graph: FlowGraph, text: string, test: Parameters<typeof printTests>[0][number]): Promise<boolean> {
    const written = applyInsertions(text, [insertionFor(text, graph, [test])!]);
    const outcome = runFlowTests(await graphOf(written)).find(o => o.name === test.name)!;
    return outcome.passed;
}

const clinicText = readFileSync('examples/clinic.chatflow', 'utf8');
const telehealthText = readFileSync('test/fixtures/cli/generate/telehealth.chatflow', 'utf8');

describe('a real chat becomes a test', () => {
    it('replays a booking chat: buttons by label, outcomes from where it went, answers by value, the goal and the last box', async () => {
        const graph = await graphOf(clinicText);
        const chat = transcript('Clinic', [
            ['welcome'], ['main_menu', 'Book an appointment'], ['ask_returning', 'y'], ['ask_name', 'Lucas Okafor'], ['ask_dob', '1990-07-22'],
            ['ask_age', '22'], ['check_age'], ['ask_insured', 'no'], ['check_insured'], ['self_pay_info'], ['ask_symptoms', 'Prescription renewal'],
            ['pick_day', 'Friday'], ['set_friday'], ['ask_phone', '(555) 016-6468'], ['book_slot'], ['confirmed'], ['goodbye']
        ], ['appointment']);
        const made = chatToTest(graph, 'c-0001', chat);
        assert.ok(made.ok, !made.ok ? made.reason : '');
        assert.strictEqual(made.synthesized, 4);
        assert.deepStrictEqual(made.missingGoals, []);
        const printed = printTests([made.test], graph);
        assert.strictEqual(printed, [
            '    test "chat c-0001: Book an appointment, Friday, booked -> goodbye" {',
            '        choose "Book an appointment"',
            '        answer yes',
            '        answer "example answer"',
            '        answer "2000-01-01"',
            '        answer 22',
            '        answer no',
            '        answer "example answer"',
            '        choose "Friday"',
            '        answer "(555) 010-0199"',
            '        outcome booked',
            '        expect goal appointment',
            '        expect box goodbye',
            '        expect end',
            '    }'
        ].join('\n'));
        for (const secret of ['Lucas', 'Okafor', '1990-07-22', 'Prescription', '016-6468']) assert.ok(!printed.includes(secret), secret);
        assert.ok(await replays(graph, clinicText, made.test));
    });

    it('makes up a sensitive answer that takes the same branch the chat took', async () => {
        const graph = await graphOf(telehealthText);
        const chat = transcript('Triage', [
            ['welcome'], ['emergency_screen', 'No'], ['ask_age', '40'], ['check_age'], ['ask_zip', '60614'], ['check_area'], ['ask_fever', 'no'], ['check_fever'],
            ['ask_pain', '5'], ['check_pain'], ['ask_symptom', '[redacted]'], ['check_symptom'], ['dermatology'], ['ask_insured', 'yes'], ['check_insured'],
            ['ask_member_id', '[hash:0123456789abcdef]'], ['ask_date', '2026-03-10'], ['check_date'], ['book_specialist'], ['visit_confirmed'], ['goodbye']
        ]);
        const made = chatToTest(graph, 'tele-7', chat);
        assert.ok(made.ok, !made.ok ? made.reason : '');
        const answers = made.test.steps.filter(s => s.kind === 'answer').map(s => (s as { value: unknown }).value);
        assert.deepStrictEqual(answers.slice(0, 4), [40, '60614', false, 5]);
        assert.match(String(answers[4]), /rash|skin/, 'the made-up symptom still leads to dermatology');
        assert.match(String(answers[6]), /^[A-Z]{3}\d{6}$/, 'a member ID the input accepts');
        assert.ok(!JSON.stringify(made.test).includes('[hash:') && !JSON.stringify(made.test).includes('[redacted]'));
        assert.ok(made.test.steps.some(s => s.kind === 'outcome' && s.outcome === 'licensed'));
        assert.ok(await replays(graph, telehealthText, made.test));
    });

    it('starts from the first box the chat entered, and expects the box of a chat that stopped midway', async () => {
        const graph = await graphOf(clinicText);
        const made = chatToTest(graph, 'c-9', transcript('Clinic', [['pick_day', 'Monday'], ['set_monday'], ['ask_phone']]));
        assert.ok(made.ok);
        assert.strictEqual(made.test.from, 'Clinic.pick_day');
        assert.deepStrictEqual(made.test.steps.slice(-1), [{ kind: 'expectBox', box: 'Clinic.ask_phone' }]);
        assert.match(printTests([made.test], graph), /^ {4}test "chat c-9: Monday -> ask_phone" from pick_day \{/);
    });

    it('says why a chat cannot become a test: a box the flow no longer has, a transition it no longer makes', async () => {
        const graph = await graphOf(clinicText);
        const unknown = transcript('Clinic', [['welcome'], ['main_menu']]);
        unknown.push({ ts: '2026-11-02T10:00:00.000Z', type: 'enter', box: 'old_promo', matched: false });
        assert.deepStrictEqual(chatToTest(graph, 'c-1', unknown), { ok: false, reason: "the chat entered 'old_promo', which flow Clinic does not have (it changed since the chat?)" });
        const jump = chatToTest(graph, 'c-2', transcript('Clinic', [['welcome'], ['main_menu'], ['goodbye']]));
        assert.ok(!jump.ok && /went from Clinic\.main_menu to Clinic\.goodbye/.test(jump.reason));
    });
});
