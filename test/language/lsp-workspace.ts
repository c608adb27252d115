import { readFileSync } from 'node:fs';
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { createChatflowServices, type ChatflowServices } from '../../language/chatflow-module.js';
import type { ChatflowDocument } from '../../language/generated/ast.js';

/** A fresh in-memory workspace of several .chatflow documents, built (parsed, linked, validated) together. */
export interface TestWorkspace {
    services: ChatflowServices;
    /** The documents by the file name they were given. */
    documents: Map<string, LangiumDocument<ChatflowDocument>>;
    document(name: string): LangiumDocument<ChatflowDocument>;
    /** Offset of the `occurrence`-th (0-based) `needle` in the named document, plus `delta`. */
    offsetOf(name: string, needle: string, delta?: number, occurrence?: number): number;
}

export async function loadWorkspace(files: Record<string, string>, options = { validation: true }): Promise<TestWorkspace> {
    const { shared, Chatflow } = createChatflowServices(EmptyFileSystem);
    const documents = new Map<string, LangiumDocument<ChatflowDocument>>();
    for (const [name, text] of Object.entries(files)) {
        const document = shared.workspace.LangiumDocumentFactory.fromString<ChatflowDocument>(text, URI.parse(`file:///workspace/${name}`));
        shared.workspace.LangiumDocuments.addDocument(document);
        documents.set(name, document);
    }
    await shared.workspace.DocumentBuilder.build([...documents.values()], options);
    const document = (name: string) => {
        const found = documents.get(name);
        if (!found) throw new Error(`No document '${name}' in the test workspace; it has ${[...documents.keys()].join(', ')}`);
        return found;
    };
    return {
        services: Chatflow,
        documents,
        document,
        offsetOf(name, needle, delta = 0, occurrence = 0) {
            const text = document(name).textDocument.getText();
            let index = -1;
            for (let i = 0; i <= occurrence; i++) {
                index = text.indexOf(needle, index + 1);
                if (index < 0) throw new Error(`'${needle}' occurs fewer than ${occurrence + 1} times in ${name}`);
            }
            return index + delta;
        }
    };
}

/** A fixture file's text, by its path relative to the repository root. */
export function fixture(path: string): string {
    return readFileSync(path, 'utf8');
}

export const pharmacyFiles = (): Record<string, string> => ({
    'desk.chatflow': fixture('test/fixtures/lsp/pharmacy/desk.chatflow'),
    'refill.chatflow': fixture('test/fixtures/lsp/pharmacy/refill.chatflow')
});
