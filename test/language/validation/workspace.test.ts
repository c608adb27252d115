import * as assert from 'node:assert';
import { TextDocument, URI } from 'langium';
import { setTextDocument } from 'langium/test';
import { IssueCodes } from '../../../language/chatflow-validator.js';
import { edit, fixture, issues, none, services, shared, single, validateWorkspace, type Doc } from './validate.js';

const refill = fixture('pharmacy/refill.chatflow');
const delivery = fixture('pharmacy/delivery.chatflow');

/** Types `text` into an open document and lets the language server's builder update the workspace. */
async function change(document: Doc, text: string): Promise<void> {
    const uri = document.uri.toString();
    setTextDocument(services, TextDocument.create(uri, 'chatflow', document.textDocument.version + 1, text));
    await shared.workspace.DocumentBuilder.update([URI.parse(uri)], []);
}

function current(document: Doc): Doc {
    return shared.workspace.LangiumDocuments.getDocument(document.uri) as Doc;
}

/** Goals declared in their own file, as marketing keeps them, and a flow in another file marking them. */
const goals = 'goal refill_ordered "Refill ordered"\ngoal delivery_booked "Delivery booked"\n';
const refillWithoutGoal = edit(refill, 'goal refill_ordered "Refill ordered"\n', '');

describe('validation: facts that depend on other files stay current as files change', () => {
    it('warns about an unmarked goal in a goals file once the only mark in another file goes away', async () => {
        const [goalsDoc, refillDoc] = await validateWorkspace({
            'goals.chatflow': goals,
            'refill.chatflow': refillWithoutGoal,
            'delivery.chatflow': edit(delivery, '        goal refill_ordered\n', '        goal refill_ordered, delivery_booked\n')
        });
        none(goalsDoc, IssueCodes.UnmarkedGoal);
        await change(current(refillDoc), edit(refillWithoutGoal, '        goal refill_ordered\n', ''));
        none(current(goalsDoc), IssueCodes.UnmarkedGoal);
        const deliveryDoc = shared.workspace.LangiumDocuments.getDocument(URI.parse('file:///workspace/delivery.chatflow')) as Doc;
        await change(deliveryDoc, edit(delivery, '        goal refill_ordered\n', '        goal delivery_booked\n'));
        assert.strictEqual(single(current(goalsDoc), IssueCodes.UnmarkedGoal).text, 'refill_ordered');
    });

    it('warns about a box that no flow leads into any more after the other file stops leading there', async () => {
        // Without its goal mark, the delivery file refers to nothing in the refill file.
        const [refillDoc, deliveryDoc] = await validateWorkspace({ 'refill.chatflow': refill, 'delivery.chatflow': edit(delivery, '        goal refill_ordered\n', '') });
        none(deliveryDoc, IssueCodes.UnreachableBox);
        await change(refillDoc, edit(refill, 'else -> Delivery.ask_address', 'else -> ready_for_pickup').replace('        expect box Delivery.ask_address\n', ''));
        const after = current(deliveryDoc);
        assert.deepStrictEqual(issues(after, IssueCodes.UnreachableBox).map(d => after.textDocument.getText(d.range)), ['ask_address', 'delivery_booked']);
        await change(current(refillDoc), refill);
        none(current(deliveryDoc), IssueCodes.UnreachableBox);
    });
});
