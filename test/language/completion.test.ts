import * as assert from 'node:assert';
import type { CompletionItem, CompletionList } from 'vscode-languageserver';
import { largeFlow } from './large-flow.js';
import { fixture, loadWorkspace, pharmacyFiles } from './lsp-workspace.js';

const MARK = '<|>';

/** Completion at `<|>` in `marked`, which replaces `needle` in document `name` of the workspace. */
async function completeAt(files: Record<string, string>, name: string, needle: string, marked: string): Promise<CompletionList> {
    const original = files[name];
    assert.ok(original.includes(needle), `fixture ${name} lacks '${needle}'`);
    const edited = original.replace(needle, marked);
    const offset = edited.indexOf(MARK);
    const workspace = await loadWorkspace({ ...files, [name]: edited.replace(MARK, '') });
    const document = workspace.document(name);
    const list = await workspace.services.lsp.CompletionProvider!.getCompletion(document, {
        textDocument: { uri: document.uri.toString() },
        position: document.textDocument.positionAt(offset)
    });
    assert.ok(list, 'no completion list');
    return list;
}

const labels = (list: CompletionList) => list.items.map(item => item.label);
const item = (list: CompletionList, label: string): CompletionItem => {
    const found = list.items.find(each => each.label === label);
    assert.ok(found, `'${label}' not offered; got ${labels(list).join(', ')}`);
    return found;
};
const clinic = () => ({ 'clinic.chatflow': fixture('examples/clinic.chatflow') });

describe('completion', () => {
    describe('box names', () => {
        it('after -> offers the boxes of the flow by name and boxes of other flows as Flow.box', async () => {
            const list = await completeAt(pharmacyFiles(), 'refill.chatflow', '-> refill_ok', `-> ${MARK}`);
            assert.deepStrictEqual(labels(list).sort(), [
                'Desk.desk_menu', 'Desk.goodbye', 'Desk.pharmacist', 'ask_pickup', 'ask_rx', 'check_pickup', 'refill_ok'
            ]);
            assert.strictEqual(item(list, 'Desk.pharmacist').detail, 'handoff box in flow Desk');
            assert.strictEqual(item(list, 'ask_pickup').detail, 'input box');
            assert.strictEqual(item(list, 'refill_ok').documentation, 'Your refill for {rx_number} will be ready tomorrow.');
        });

        it('after a typed flow name and dot narrows to that flow\'s boxes, replacing the typed text', async () => {
            const list = await completeAt(pharmacyFiles(), 'refill.chatflow', '-> Desk.goodbye', `-> Desk.${MARK}`);
            const goodbye = item(list, 'Desk.goodbye');
            assert.ok(goodbye.textEdit && 'range' in goodbye.textEdit);
            assert.strictEqual(goodbye.textEdit.range.end.character - goodbye.textEdit.range.start.character, 'Desk.'.length);
        });

        it('matches a typed box name against the box segment of Flow.box', async () => {
            const list = await completeAt(pharmacyFiles(), 'refill.chatflow', '-> Desk.pharmacist', `-> pharm${MARK}`);
            assert.ok(labels(list).includes('Desk.pharmacist'), labels(list).join(', '));
        });

        it('after start, expect box and from', async () => {
            for (const [needle, marked] of [
                ['start ask_rx', `start ${MARK}`],
                ['expect box Desk.goodbye', `expect box ${MARK}`],
                ['test "a refill picked up in store" {', `test "a refill picked up in store" from ${MARK} {`]
            ]) {
                const list = await completeAt(pharmacyFiles(), 'refill.chatflow', needle, marked);
                assert.ok(labels(list).includes('ask_pickup'), `${marked}: ${labels(list).join(', ')}`);
                assert.ok(labels(list).includes('Desk.goodbye'), marked);
            }
        });
    });

    describe('goal names', () => {
        it('after goal inside a box: goals of the whole workspace with their labels', async () => {
            const list = await completeAt(pharmacyFiles(), 'refill.chatflow', 'goal refill_requested', `goal ${MARK}`);
            assert.deepStrictEqual(labels(list).sort(), ['pharmacist_contacted', 'refill_requested']);
            assert.strictEqual(item(list, 'refill_requested').detail, 'goal "Refill requested"');
        });

        it('after expect goal in a test', async () => {
            const list = await completeAt(clinic(), 'clinic.chatflow', 'expect goal appointment', `expect goal ${MARK}`);
            assert.deepStrictEqual(labels(list).sort(), ['appointment', 'callback_requested', 'question_answered']);
        });
    });

    describe('variable names', () => {
        for (const [where, needle, marked] of [
            ['save', 'save age', `save ${MARK}`],
            ['set', 'set preferred_day = "Monday"', `set ${MARK}`],
            ['when', 'when age < 18', `when ${MARK}`],
            ['expect', 'expect preferred_day == "Wednesday"', `expect ${MARK}`]
        ]) {
            it(`after ${where}: the flow's variables, with type and sensitivity`, async () => {
                const list = await completeAt(clinic(), 'clinic.chatflow', needle, marked);
                assert.ok(labels(list).includes('preferred_day'), labels(list).join(', '));
                assert.strictEqual(item(list, 'patient_name').detail, 'text, sensitive');
                assert.ok(!labels(list).includes('welcome'), 'no box names where a variable is expected');
            });
        }

        it('after expect also offers the keywords box, goal and end', async () => {
            const list = await completeAt(clinic(), 'clinic.chatflow', 'expect preferred_day == "Wednesday"', `expect ${MARK}`);
            for (const keyword of ['box', 'goal', 'end']) assert.ok(labels(list).includes(keyword), keyword);
        });
    });

    describe('choice labels after choose', () => {
        it('offers the labels of the flow\'s choice boxes as strings', async () => {
            const list = await completeAt(clinic(), 'clinic.chatflow', 'choose "Wednesday"', `choose ${MARK}`);
            for (const label of ['"Book an appointment"', '"Wednesday"', '"Call me back instead"']) {
                assert.ok(labels(list).includes(label), `${label} in ${labels(list).join(', ')}`);
            }
            assert.strictEqual(item(list, '"Wednesday"').detail, 'choice pick_day -> set_wednesday');
            assert.strictEqual(new Set(labels(list)).size, list.items.length, 'each label once, though two boxes offer "Book an appointment"');
        });

        it('inside a half-typed string replaces the whole string, quotes included', async () => {
            const list = await completeAt(clinic(), 'clinic.chatflow', 'choose "Wednesday"', `choose "Wed${MARK}"`);
            const wednesday = item(list, '"Wednesday"');
            assert.ok(wednesday.textEdit && 'range' in wednesday.textEdit);
            assert.strictEqual(wednesday.textEdit.newText, '"Wednesday"');
            assert.strictEqual(wednesday.textEdit.range.end.character - wednesday.textEdit.range.start.character, '"Wed"'.length);
        });

        it('offers the choices of another flow the test walks into', async () => {
            const list = await completeAt(pharmacyFiles(), 'refill.chatflow', 'answer yes', `answer yes\n        choose ${MARK}`);
            assert.deepStrictEqual(labels(list).sort(), ['"Nothing else"', '"Talk to a pharmacist"']);
        });
    });

    describe('variables inside a box text', () => {
        it('after { offers the flow\'s variables and closes the brace', async () => {
            const list = await completeAt(clinic(), 'clinic.chatflow', '"Thanks! We\'ll be in touch soon."', `"Thanks {${MARK}! We'll be in touch soon."`);
            assert.ok(labels(list).includes('patient_name'), labels(list).join(', '));
            const edit = item(list, 'patient_name').textEdit;
            assert.ok(edit && 'range' in edit);
            assert.strictEqual(edit.newText, 'patient_name}');
        });

        it('completes a half-typed {name} in a retry text without doubling the brace', async () => {
            const list = await completeAt(clinic(), 'clinic.chatflow', 'retry "Please answer yes or no."', `retry "Please answer yes or no, {patient${MARK}}."`);
            const edit = item(list, 'patient_name').textEdit;
            assert.ok(edit && 'range' in edit);
            assert.strictEqual(edit.newText, 'patient_name');
            assert.strictEqual(edit.range.end.character - edit.range.start.character, 'patient'.length);
        });

        it('offers nothing inside a regular expression or a test answer', async () => {
            const pattern = await completeAt(clinic(), 'clinic.chatflow', 'matches "^[A-Za-z][A-Za-z .\'-]{1,80}$"', `matches "^[0-9]{${MARK}"`);
            assert.ok(!labels(pattern).includes('patient_name'), labels(pattern).join(', '));
            const answer = await completeAt(clinic(), 'clinic.chatflow', 'answer "Jane Doe"', `answer "Jane {${MARK}"`);
            assert.ok(!labels(answer).includes('patient_name'), labels(answer).join(', '));
        });
    });

    describe('keywords', () => {
        it('inside an input box offers its statements', async () => {
            const list = await completeAt(clinic(), 'clinic.chatflow', '        save age\n', `        save age\n        ${MARK}\n`);
            for (const keyword of ['retry', 'between', 'matches', 'alias', 'goal', 'set']) assert.ok(labels(list).includes(keyword), keyword);
        });

        it('at the top of a file offers goal and flow', async () => {
            const list = await completeAt(pharmacyFiles(), 'refill.chatflow', 'flow Refill', `${MARK}\nflow Refill`);
            assert.deepStrictEqual(labels(list).sort(), ['flow', 'goal']);
        });
    });

    it('offers every box of a 5,000-box flow after -> (its speed is measured by npm run bench:language)', async function () {
        this.timeout(120_000);
        const text = largeFlow(5000);
        const workspace = await loadWorkspace({ 'big.chatflow': text }, { validation: false });
        const document = workspace.document('big.chatflow');
        const params = { textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(workspace.offsetOf('big.chatflow', '-> box_4000', 3)) };
        const items = (await workspace.services.lsp.CompletionProvider!.getCompletion(document, params))!.items;
        assert.strictEqual(items.length, 5000);
        assert.ok(items.some(item => item.label === 'box_4999' || item.label === 'goodbye'), 'the last boxes are offered too');
    });
});

describe('completion in track blocks', () => {
    const tracked = () => ({ 'clinic.chatflow': fixture('test/fixtures/validation/tracked-clinic.chatflow') });

    it('after flow. and goal. offers the built-ins an export may send', async () => {
        const flow = await completeAt(tracked(), 'clinic.chatflow', 'flow_version: flow.version', `flow_version: flow.${MARK}`);
        assert.deepStrictEqual(labels(flow), ['name', 'version']);
        assert.strictEqual(item(flow, 'version').detail, "the chat's flow version, as logged");
        const goal = await completeAt(tracked(), 'clinic.chatflow', 'booked_on: goal.day', `booked_on: goal.${MARK}`);
        assert.deepStrictEqual(labels(goal), ['name', 'day']);
    });

    it('offers no variables as a parameter value, since patient answers must not be exported', async () => {
        const list = await completeAt(tracked(), 'clinic.chatflow', 'currency: "USD"', `currency: ${MARK}`);
        assert.ok(labels(list).includes('flow') && labels(list).includes('goal'), labels(list).join(', '));
        for (const variable of ['first_name', 'reason', 'insurance', 'visit_type']) assert.ok(!labels(list).includes(variable), `offers ${variable}`);
    });
});
