import * as assert from 'node:assert';
import { EmptyFileSystem, TextDocument, URI, type LangiumDocument } from 'langium';
import { createChatflowServices } from '../../language/chatflow-module.js';

const REFILL = 'flow Refill {\n    start ask\n    choice ask "Refill?" {\n        "Yes" -> Desk.done\n        "No" -> bye\n    }\n    end bye "Bye"\n}\n';
const DESK = 'flow Desk {\n    start done\n    end done "Your refill is on its way."\n}\n';

describe('FlowGraphs cached per parse and link', () => {
    async function workspace() {
        const { shared, Chatflow } = createChatflowServices(EmptyFileSystem);
        const documents = new Map<string, LangiumDocument>();
        for (const [name, text] of Object.entries({ 'refill.chatflow': REFILL, 'desk.chatflow': DESK })) {
            const document = shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`file:///ws/${name}`));
            shared.workspace.LangiumDocuments.addDocument(document);
            documents.set(name, document);
        }
        await shared.workspace.DocumentBuilder.build([...documents.values()], { validation: true });
        const edit = async (name: string, text: string) => {
            const uri = documents.get(name)!.uri;
            // What an editor's didChange does: the open text is the truth, then an incremental build.
            shared.workspace.TextDocuments!.set(TextDocument.create(uri.toString(), 'chatflow', 2, text));
            await shared.workspace.DocumentBuilder.update([uri], []);
            return shared.workspace.LangiumDocuments.getDocument(uri)!;
        };
        return { graphs: Chatflow.flow.FlowGraphs, documents, edit };
    }

    it('answers every request on an unchanged document with the graphs built once', async () => {
        const { graphs, documents } = await workspace();
        const refill = documents.get('refill.chatflow')!;
        assert.strictEqual(graphs.of(refill), graphs.of(refill));
    });

    it('builds again when the document itself is edited', async () => {
        const { graphs, documents, edit } = await workspace();
        const before = graphs.of(documents.get('refill.chatflow')!);
        const after = graphs.of(await edit('refill.chatflow', REFILL.replace('"Bye"', '"Goodbye"')));
        assert.notStrictEqual(after, before);
        assert.strictEqual(after[0].boxes.find(b => b.name === 'bye')?.text, 'Goodbye');
    });

    it('builds again when a file its flow leads into changes (the external box text shows the edit)', async () => {
        const { graphs, documents, edit } = await workspace();
        const refill = documents.get('refill.chatflow')!;
        const before = graphs.of(refill);
        await edit('desk.chatflow', DESK.replace('on its way', 'ready at the counter'));
        const after = graphs.of(refill);
        assert.notStrictEqual(after, before);
        assert.strictEqual(after[0].boxes.find(b => b.id === 'Desk.done')?.text, 'Your refill is ready at the counter.');
    });
});
