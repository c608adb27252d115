import { readFileSync } from 'node:fs';
import { EmptyFileSystem, URI } from 'langium';
import { createChatflowServices } from '../../language/chatflow-module.js';
import type { ChatflowDocument } from '../../language/generated/ast.js';
import type { FlowGraph } from '../../language/flow-model.js';

export const exampleText = (file: string): string => readFileSync(`examples/${file}`, 'utf8');
export const exampleUri = (file: string): string => URI.parse(`file:///workspace/${file}`).toString();

/**
 * Builds files together in one in-memory workspace (as the server does) and returns the flows of
 * each file, keyed by file name. Throws if a file has errors: fixtures must be valid.
 */
export async function flowsOf(files: Record<string, string>): Promise<Map<string, FlowGraph[]>> {
    const { shared, Chatflow } = createChatflowServices(EmptyFileSystem);
    const documents = Object.entries(files).map(([name, text]) => {
        const document = shared.workspace.LangiumDocumentFactory.fromString<ChatflowDocument>(text, URI.parse(exampleUri(name)));
        shared.workspace.LangiumDocuments.addDocument(document);
        return [name, document] as const;
    });
    await shared.workspace.DocumentBuilder.build(documents.map(([, d]) => d), { validation: true });
    for (const [name, document] of documents) {
        const errors = (document.diagnostics ?? []).filter(d => d.severity === 1);
        if (errors.length) throw new Error(`${name} has errors: ${errors.map(e => `${e.range.start.line + 1}: ${e.message}`).join('; ')}`);
    }
    return new Map(documents.map(([name, document]) => [name, Chatflow.flow.FlowGraphBuilder.buildDocument(document)]));
}

/** The 0-based line of the first line of `text` that contains `fragment`. */
export function lineOf(text: string, fragment: string, occurrence = 0): number {
    const lines = text.split('\n').map((line, index) => ({ line, index })).filter(({ line }) => line.includes(fragment));
    const found = lines[occurrence];
    if (!found) throw new Error(`'${fragment}' (occurrence ${occurrence}) is not in the text`);
    return found.index;
}
