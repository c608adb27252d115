import * as fs from 'node:fs';
import { URI, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createChatflowServices, type ChatflowServices } from '../language/chatflow-module.js';
import type { ChatflowDocument } from '../language/generated/ast.js';
import { displayPath } from './diagnostics.js';
import { UsageError } from './errors.js';

export interface LoadedWorkspace {
    services: ChatflowServices;
    /** The built documents, in the order of the given paths. */
    documents: Array<LangiumDocument<ChatflowDocument>>;
    document(file: string): LangiumDocument<ChatflowDocument>;
}

/**
 * Parses, links and validates the given .chatflow files together in one Langium workspace, so a
 * reference in one file (`Common.ask_dob`) resolves to a box in another. Files are read here,
 * not by Langium, so an unreadable file is a one-line usage error rather than a stack trace.
 */
export async function loadWorkspace(files: readonly string[]): Promise<LoadedWorkspace> {
    const { shared, Chatflow } = createChatflowServices(NodeFileSystem);
    const factory = shared.workspace.LangiumDocumentFactory;
    const langiumDocuments = shared.workspace.LangiumDocuments;
    const byPath = new Map<string, LangiumDocument<ChatflowDocument>>();
    for (const file of files) {
        const document = factory.fromString<ChatflowDocument>(readText(file), URI.file(file));
        langiumDocuments.addDocument(document);
        byPath.set(file, document);
    }
    const documents = [...byPath.values()];
    await shared.workspace.DocumentBuilder.build(documents, { validation: true });
    return {
        services: Chatflow,
        documents,
        document(file: string) {
            const document = byPath.get(file);
            if (!document) throw new Error(`'${file}' was not loaded into the workspace`);
            return document;
        }
    };
}

function readText(file: string): string {
    try {
        return fs.readFileSync(file, 'utf8');
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? String(error);
        throw new UsageError(`cannot read '${displayPath(file)}' (${code}). Check that the file exists and is readable.`);
    }
}
