import * as assert from 'node:assert';
import { fixture, loadWorkspace, pharmacyFiles, type TestWorkspace } from './lsp-workspace.js';

/** The Markdown hover at `delta` characters into the `occurrence`-th `needle` of document `name`. */
async function hoverAt(workspace: TestWorkspace, name: string, needle: string, delta: number, occurrence = 0): Promise<string | undefined> {
    const document = workspace.document(name);
    const offset = workspace.offsetOf(name, needle, delta, occurrence);
    const hover = await workspace.services.lsp.HoverProvider!.getHoverContent(document, {
        textDocument: { uri: document.uri.toString() },
        position: document.textDocument.positionAt(offset)
    });
    if (!hover) return undefined;
    assert.ok(typeof hover.contents === 'object' && 'kind' in hover.contents && hover.contents.kind === 'markdown', 'hover is Markdown');
    return hover.contents.value;
}

describe('hover', () => {
    let workspace: TestWorkspace;
    before(async () => {
        workspace = await loadWorkspace({ ...pharmacyFiles(), 'clinic.chatflow': fixture('examples/clinic.chatflow') });
    });

    describe('on a box', () => {
        it('shows kind, text, what the input saves, ways in with their labels, ways out and aliases', async () => {
            const hover = await hoverAt(workspace, 'clinic.chatflow', 'input ask_returning', 'input '.length + 2);
            assert.ok(hover);
            assert.ok(hover.startsWith('**input** `ask_returning` in flow `Clinic`'), hover);
            assert.ok(hover.includes('> Have you visited us before?'));
            assert.ok(hover.includes('**Saves** `returning`: yesno'));
            assert.ok(hover.includes('**Ways in**\n- `main_menu` ("Book an appointment")\n- `anything_else` ("Book an appointment")\n- `urgent_check` ("No")'), hover);
            assert.ok(hover.includes('**Ways out**\n- → `ask_name`'));
            assert.ok(hover.includes('**Aliases:** `utter_ask_returning`'));
        });

        it('shows the same on any reference to the box', async () => {
            const onDeclaration = await hoverAt(workspace, 'clinic.chatflow', 'input ask_returning', 'input '.length);
            const onArrow = await hoverAt(workspace, 'clinic.chatflow', '-> ask_returning', 4);
            const onTestStart = await hoverAt(workspace, 'clinic.chatflow', 'expect box ask_insured', 'expect box '.length);
            assert.strictEqual(onArrow, onDeclaration);
            assert.ok(onTestStart?.startsWith('**input** `ask_insured`'), onTestStart);
        });

        it('marks sensitive inputs and lists the goals a box marks', async () => {
            const askName = await hoverAt(workspace, 'clinic.chatflow', 'input ask_name', 'input '.length);
            assert.ok(askName?.includes('**Saves** `patient_name`: text, **sensitive**'), askName);
            const confirmed = await hoverAt(workspace, 'clinic.chatflow', 'message confirmed', 'message '.length);
            assert.ok(confirmed?.includes('**Goals:** `appointment` (Appointment booked)'), confirmed);
        });

        it('lists condition branches and action outcomes as ways out', async () => {
            const checkAge = await hoverAt(workspace, 'clinic.chatflow', 'condition check_age', 'condition '.length);
            assert.ok(checkAge?.includes('**Ways out**\n- when age < 18 → `minor_notice`\n- else → `ask_insured`'), checkAge);
            const bookSlot = await hoverAt(workspace, 'clinic.chatflow', 'action book_slot', 'action '.length);
            assert.ok(bookSlot?.includes('- on full → `slot_full`'), bookSlot);
            assert.ok(bookSlot?.includes('**Calls** `ehr.bookAppointment`'));
        });

        it('tells that a flow starts at its start box', async () => {
            const welcome = await hoverAt(workspace, 'clinic.chatflow', 'message welcome', 'message '.length);
            assert.ok(welcome?.includes('**Ways in**\n- start of flow Clinic'), welcome);
        });

        it('on a Flow.box reference in another file: ways in from both flows, and no way out of a handoff', async () => {
            for (const delta of [1, 'Desk.'.length + 2]) {
                const hover = await hoverAt(workspace, 'refill.chatflow', 'Desk.pharmacist', delta);
                assert.ok(hover && hover.startsWith('**handoff** `pharmacist` in flow `Desk`'), `at +${delta}: ${hover}`);
                assert.ok(hover.includes('- `desk_menu` ("Talk to a pharmacist")'), hover);
                assert.ok(hover.includes('- `Refill.check_pickup` (else)'), hover);
                assert.ok(hover.includes('**Ways out:** none: the chat ends here'));
                assert.ok(hover.includes('**Goals:** `pharmacist_contacted` (Pharmacist contacted)'));
            }
        });
    });

    describe('on a goal', () => {
        it('shows its label and the boxes marking it, from a mark inside a box', async () => {
            const hover = await hoverAt(workspace, 'refill.chatflow', 'goal refill_requested', 'goal '.length);
            assert.strictEqual(hover, '**goal** `refill_requested`: Refill requested\n\n**Marked by**\n- `Refill.refill_ok` (message)');
        });

        it('says so when no box marks it', async () => {
            const lonely = await loadWorkspace({ 'dental.chatflow': 'goal lead_captured "Lead captured"\nflow Dental {\n    start bye\n    end bye\n}\n' });
            const hover = await hoverAt(lonely, 'dental.chatflow', 'lead_captured', 2);
            assert.ok(hover?.includes('_No box marks this goal yet._'), hover);
        });
    });

    describe('on a variable', () => {
        it('shows type, sensitivity and the inputs that save it', async () => {
            const hover = await hoverAt(workspace, 'clinic.chatflow', 'save patient_name', 'save '.length);
            assert.strictEqual(hover, '**var** `patient_name`: text, **sensitive** (never stored unredacted)\n\n**Saved by**\n- `ask_name` asks for it (sensitive input)');
        });

        it('lists the boxes that set it with the value', async () => {
            const hover = await hoverAt(workspace, 'clinic.chatflow', 'var preferred_day', 'var '.length);
            assert.ok(hover && hover.includes('- `set_monday` sets it to `"Monday"`'), hover);
            assert.ok(hover.includes('- `set_friday` sets it to `"Friday"`'));
        });
    });

    it('shows nothing on plain punctuation', async () => {
        assert.strictEqual(await hoverAt(workspace, 'clinic.chatflow', '-> ask_returning', 0), undefined);
    });
});
