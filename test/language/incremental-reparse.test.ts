import * as assert from 'node:assert';
import * as fs from 'node:fs';
import { CstUtils, EmptyFileSystem, isAstNode, isReference, URI, type AstNode, type CstNode, type LangiumDocument } from 'langium';
import type { NormalizedTextDocuments } from 'langium/lsp';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createChatflowServices } from '../../language/chatflow-module.js';
import type { ChatflowDocument, Flow } from '../../language/generated/ast.js';
import { seededRandom } from '../../language/seeded-random.js';

/**
 * An edit inside one box re-parses only that box (language/incremental-reparse.ts). Whatever the
 * edit, the document must come out as a full parse of the new text gives it: the same AST, the
 * same CST (every token's offset and range), the same diagnostics.
 */
describe('re-parsing only the edited box', function () {
    this.timeout(120_000);

    interface Editor { document: LangiumDocument<ChatflowDocument>; text: string; apply(offset: number, removed: number, inserted: string): Promise<void> }

    async function open(text: string, name = 'edited'): Promise<Editor & { services: ReturnType<typeof createChatflowServices> }> {
        const services = createChatflowServices(EmptyFileSystem);
        const uri = URI.parse(`file:///workspace/${name}.chatflow`);
        const textDocuments = services.shared.workspace.TextDocuments as NormalizedTextDocuments<TextDocument>;
        let textDocument = TextDocument.create(uri.toString(), 'chatflow', 1, text);
        textDocuments.set(textDocument);
        const document = services.shared.workspace.LangiumDocumentFactory.fromTextDocument<ChatflowDocument>(textDocument);
        services.shared.workspace.LangiumDocuments.addDocument(document);
        await services.shared.workspace.DocumentBuilder.build([document], { validation: true });
        const editor = {
            services, document, text,
            async apply(offset: number, removed: number, inserted: string) {
                const start = textDocument.positionAt(offset);
                const end = textDocument.positionAt(offset + removed);
                textDocument = TextDocument.update(textDocument, [{ range: { start, end }, text: inserted }], textDocument.version + 1);
                textDocuments.set(textDocument);
                editor.text = textDocument.getText();
                await services.shared.workspace.DocumentBuilder.update([uri], []);
                editor.document = services.shared.workspace.LangiumDocuments.getDocument(uri) as LangiumDocument<ChatflowDocument>;
            }
        };
        return editor;
    }

    /** The AST as plain data: types, properties, reference texts and each node's source span. */
    function astShape(node: unknown): unknown {
        if (Array.isArray(node)) return node.map(astShape);
        if (isReference(node)) return { ref: node.$refText };
        if (!isAstNode(node)) return node;
        const shape: Record<string, unknown> = { $type: node.$type, $span: span(node.$cstNode), $in: node.$containerProperty, $at: node.$containerIndex };
        for (const [key, value] of Object.entries(node)) if (!key.startsWith('$')) shape[key] = astShape(value);
        return shape;
    }

    function span(cst: CstNode | undefined): unknown {
        return cst ? [cst.offset, cst.end, cst.range.start.line, cst.range.start.character, cst.range.end.line, cst.range.end.character] : undefined;
    }

    /** Every CST node in order: its span, whether hidden, its grammar element and its AST node's type and span. */
    function cstShape(root: CstNode): unknown[] {
        return [...CstUtils.streamCst(root)].map(node => [span(node), node.hidden, grammarId(node.grammarSource), node.astNode.$type, span(node.astNode.$cstNode), node.text]);
    }

    /** Grammar elements by number (the same services parse both trees, so the same element is the same object). */
    const grammarIds = new Map<unknown, number>();
    function grammarId(element: unknown): number | undefined {
        if (element === undefined) return undefined;
        if (!grammarIds.has(element)) grammarIds.set(element, grammarIds.size);
        return grammarIds.get(element);
    }

    function diagnosticsOf(document: LangiumDocument): string[] {
        return (document.diagnostics ?? []).map(d => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.severity} ${d.message}`).sort();
    }

    async function assertAsFullParse(editor: Editor & { services: ReturnType<typeof createChatflowServices> }, what: string): Promise<void> {
        const full = editor.services.Chatflow.parser.LangiumParser.parse<ChatflowDocument>(editor.text);
        const root = editor.document.parseResult.value;
        assert.strictEqual(root.$cstNode?.root.fullText, editor.text, `${what}: the CST's text`);
        assert.deepStrictEqual(editor.document.parseResult.parserErrors.length, full.parserErrors.length, `${what}: parser errors`);
        assert.deepStrictEqual(astShape(root), astShape(full.value), `${what}: the AST`);
        assert.deepStrictEqual(cstShape(root.$cstNode!), cstShape(full.value.$cstNode!), `${what}: the CST`);
        for (const node of [root, ...root.elements]) {
            for (const child of Object.values(node).flat()) {
                if (isAstNode(child) && child !== node.$container) assert.strictEqual((child as AstNode).$container, node, `${what}: ${child.$type}'s container`);
            }
        }
    }

    async function assertSameDiagnostics(editor: Editor, what: string): Promise<void> {
        const reference = await open(editor.text, 'edited');
        assert.deepStrictEqual(diagnosticsOf(editor.document), diagnosticsOf(reference.document), `${what}: diagnostics`);
    }

    const clinic = fs.readFileSync('examples/clinic.chatflow', 'utf8');

    it('keeps the other boxes\' nodes on an edit inside a box, and gives new file and flow nodes', async () => {
        const editor = await open(clinic);
        const before = editor.document.parseResult.value;
        const flow = before.elements.find((e): e is Flow => e.$type === 'Flow')!;
        const edited = flow.boxes[3];
        const untouched = flow.boxes[4];
        const quote = edited.$cstNode!.text.indexOf('"') + 1;
        await editor.apply(edited.$cstNode!.offset + quote, 0, 'So, ');
        const after = editor.document.parseResult.value;
        const newFlow = after.elements.find((e): e is Flow => e.$type === 'Flow')!;
        assert.notStrictEqual(after, before, 'a new root node');
        assert.notStrictEqual(newFlow, flow, 'a new flow node');
        assert.strictEqual(newFlow.boxes[4], untouched, 'the next box was not re-parsed');
        assert.ok(newFlow.boxes[3].text?.startsWith('So, '));
        await assertAsFullParse(editor, 'one edit');
        await assertSameDiagnostics(editor, 'one edit');
    });

    it('a renamed box: references to it break and resolve as after a full parse', async () => {
        const editor = await open(clinic);
        const flow = editor.document.parseResult.value.elements.find((e): e is Flow => e.$type === 'Flow')!;
        const box = flow.boxes.find(b => b.name === 'ask_name')!;
        const name = box.$cstNode!.offset + box.$cstNode!.text.indexOf('ask_name');
        await editor.apply(name + 3, 0, 'x');
        await assertAsFullParse(editor, 'rename');
        await assertSameDiagnostics(editor, 'rename');
        assert.ok(diagnosticsOf(editor.document).some(d => d.includes('ask_name')), 'the broken reference to ask_name is reported');
        await editor.apply(name + 3, 1, '');
        await assertSameDiagnostics(editor, 'rename back');
        assert.deepStrictEqual(diagnosticsOf(editor.document), diagnosticsOf((await open(clinic)).document));
    });

    it('400 random edits inside and across boxes come out as a full parse gives them', async () => {
        const random = seededRandom(20261202);
        const pieces = ['a', 'x_1', ' ', '\n', '"', '"Hi"', '{', '}', '->', ' -> ask_dob', '// note\n', '/*', '*/', 'retry "Again"', 'save', '7', '\n    '];
        let reparsedAlone = 0;
        for (const file of ['examples/clinic.chatflow', 'examples/pharmacy-refill.chatflow']) {
            const editor = await open(fs.readFileSync(file, 'utf8'));
            for (let i = 0; i < 200; i++) {
                const boxes = editor.document.parseResult.value.elements.filter((e): e is Flow => e.$type === 'Flow').flatMap(f => f.boxes).filter(b => b.$cstNode);
                // Mostly inside a box (the incremental path); sometimes anywhere.
                const box = boxes[Math.floor(random() * boxes.length)];
                const inside = box && random() < 0.85;
                const from = inside ? box.$cstNode!.offset + 1 : 0;
                const to = inside ? box.$cstNode!.end - 1 : editor.text.length;
                const offset = from + Math.floor(random() * Math.max(1, to - from));
                const removed = random() < 0.4 ? Math.floor(random() * Math.min(6, Math.max(0, to - offset))) : 0;
                const inserted = random() < 0.8 ? pieces[Math.floor(random() * pieces.length)] : '';
                const what = `${file} edit ${i}: at ${offset} removed ${JSON.stringify(editor.text.slice(offset, offset + removed))} inserted ${JSON.stringify(inserted)}`;
                const before = new Set(boxes);
                const removedText = editor.text.slice(offset, offset + removed);
                await editor.apply(offset, removed, inserted);
                const after = editor.document.parseResult.value.elements.filter((e): e is Flow => e.$type === 'Flow').flatMap(f => f.boxes);
                if (after.some(b => before.has(b))) reparsedAlone++;
                await assertAsFullParse(editor, what);
                if (i % 25 === 0) await assertSameDiagnostics(editor, what);
                // Undo an edit that broke the syntax, so that most edits start from a file that parses.
                if (editor.document.parseResult.parserErrors.length > 0 || editor.document.parseResult.lexerErrors.length > 0) {
                    await editor.apply(offset, inserted.length, removedText);
                    await assertAsFullParse(editor, `undo of ${what}`);
                }
            }
        }
        assert.ok(reparsedAlone >= 100, `only ${reparsedAlone} of 400 edits re-parsed one box alone`);
    });
});
