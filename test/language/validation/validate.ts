import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { clearDocuments } from 'langium/test';
import type { Diagnostic, Range } from 'vscode-languageserver';
import { createChatflowServices } from '../../../language/chatflow-module.js';
import type { ChatflowDocument } from '../../../language/generated/ast.js';

/** One set of services for the validation tests; each `validateWorkspace` starts from an empty workspace. */
export const { shared, Chatflow: services } = createChatflowServices(EmptyFileSystem);

export type Doc = LangiumDocument<ChatflowDocument>;

/** Builds and validates these files together, as one workspace (file name -> text), in order. */
export async function validateWorkspace(files: Record<string, string>): Promise<Doc[]> {
    await clearDocuments(services);
    const documents = Object.entries(files).map(([name, text]) => {
        const document = shared.workspace.LangiumDocumentFactory.fromString<ChatflowDocument>(text, URI.parse(`file:///workspace/${name}`));
        shared.workspace.LangiumDocuments.addDocument(document);
        return document;
    });
    await shared.workspace.DocumentBuilder.build(documents, { validation: true });
    return documents;
}

export async function validate(text: string, name = 'flow.chatflow'): Promise<Doc> {
    return (await validateWorkspace({ [name]: text }))[0];
}

export function fixture(path: string): string {
    return readFileSync(`test/fixtures/validation/${path}`, 'utf8');
}

/** `text` with `from` replaced by `to`; fails loudly when the fixture no longer contains `from`. */
export function edit(text: string, from: string, to: string): string {
    assert.ok(text.includes(from), `fixture does not contain: ${from}`);
    return text.replace(from, to);
}

export function issues(document: Doc, code: string): Diagnostic[] {
    return (document.diagnostics ?? []).filter(d => (d.data as { code?: string } | undefined)?.code === code);
}

/** The source text a diagnostic points at. */
export function textAt(document: Doc, range: Range): string {
    return document.textDocument.getText(range);
}

/** Exactly one diagnostic with `code`: returns it with the text it points at. */
export function single(document: Doc, code: string): Diagnostic & { text: string } {
    const found = issues(document, code);
    assert.strictEqual(found.length, 1, `expected one '${code}', got:\n${listDiagnostics(document)}`);
    return { ...found[0], text: textAt(document, found[0].range) };
}

export function none(document: Doc, code: string): void {
    assert.deepStrictEqual(issues(document, code).map(d => d.message), [], `unexpected '${code}'`);
}

/** Every diagnostic of a document as `line:col code message`, for assertion messages. */
export function listDiagnostics(document: Doc): string {
    return (document.diagnostics ?? [])
        .map(d => `${d.range.start.line + 1}:${d.range.start.character + 1} ${(d.data as { code?: string })?.code} ${d.message}`)
        .join('\n') || '(no diagnostics)';
}
