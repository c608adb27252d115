import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CstNodeBuilder, EmptyFileSystem, type AstNode, type LangiumDocument, type ValidationOptions } from 'langium';
import { parseHelper } from 'langium/test';
import { createChatflowServices } from '../../language/chatflow-module.js';
import { originalAddHiddenNodes } from '../../language/cst-builder-patch.js';
import { originalGetNextPossibleTokenTypes } from '../../language/parser-recovery-patch.js';
import { EmbeddedActionsParser } from 'chevrotain';
import { ChatflowDocumentValidator } from '../../language/validation/linking-diagnostics.js';
import { largeFlow } from './large-flow.js';

/**
 * Each place the language works around Langium, checked two ways: the Langium code it patches is
 * still the code it was written against (an upgrade fails here first, with what to re-check), and
 * the bug it fixes is still visible without it.
 */
describe('Langium workarounds', () => {
    const langium = path.resolve(import.meta.dirname, '../../node_modules/langium');
    const langiumVersion = (JSON.parse(readFileSync(path.join(langium, 'package.json'), 'utf8')) as { version: string }).version;

    describe('cst-builder-patch: no scan of earlier siblings when a token has no hidden tokens before it', () => {
        it('patches the addHiddenNodes of Langium 4.2.1, unchanged', () => {
            const source = originalAddHiddenNodes.toString().replace(/\s+/g, ' ');
            assert.strictEqual(langiumVersion, '4.2.1', 'Langium was upgraded: re-read CstNodeBuilder.addHiddenNodes; if it now returns early for no tokens, delete language/cst-builder-patch.ts and this test');
            assert.match(source, /^addHiddenNodes\(tokens\) \{ const nodes = \[\]; for \(const token of tokens\)/, source);
            assert.match(source, /while \(current\.container\) \{ const index = current\.container\.content\.indexOf\(current\);/, 'the sibling scan the patch avoids');
            assert.notStrictEqual(CstNodeBuilder.prototype.addHiddenNodes, originalAddHiddenNodes, 'the patch is installed');
        });

        it('shows the quadratic scan it removes: parsing n boxes scans ~n²/2 siblings unpatched, none patched', async () => {
            const text = largeFlow(600);
            const scanned = async (method: typeof originalAddHiddenNodes) => {
                const patched = CstNodeBuilder.prototype.addHiddenNodes;
                const indexOf = Array.prototype.indexOf;
                let count = 0;
                CstNodeBuilder.prototype.addHiddenNodes = method;
                // Count the elements each CST child list search walks through.
                Array.prototype.indexOf = function (this: unknown[], item: unknown, from?: number) {
                    const index = indexOf.call(this, item, from);
                    if (this.constructor.name === 'CstNodeContainer') count += index < 0 ? this.length : index + 1;
                    return index;
                };
                try {
                    await parseHelper(createChatflowServices(EmptyFileSystem).Chatflow)(text);
                } finally {
                    Array.prototype.indexOf = indexOf;
                    CstNodeBuilder.prototype.addHiddenNodes = patched;
                }
                return count;
            };
            const unpatched = await scanned(originalAddHiddenNodes);
            const patched = await scanned(CstNodeBuilder.prototype.addHiddenNodes);
            assert.ok(unpatched > 600 * 600 / 4, `without the patch ${unpatched} elements are scanned`);
            assert.ok(patched < unpatched / 100, `with the patch ${patched} (without: ${unpatched})`);
        });
    });

    describe('ChatflowDocumentValidator.validateAstNodes: a faster loop over the nodes', () => {
        it('overrides the validateAstNodes of Langium 4.2.1, which asks validateSingleNodeOptions per node', () => {
            assert.strictEqual(langiumVersion, '4.2.1', 'Langium was upgraded: compare DefaultDocumentValidator.validateAstNodes with the override in linking-diagnostics.ts');
            const source = readFileSync(path.join(langium, 'lib/validation/document-validator.js'), 'utf8');
            assert.match(source, /const nodeOptions = this\.validateSingleNodeOptions\(node, options\);/);
            assert.match(source, /if \(!nodeOptions\.validateChildren\) \{\s*nodes\.prune\(\);/);
        });

        it('still honours validateSingleNodeOptions: a subclass can skip a node or its children', async () => {
            const text = 'flow Checked {\n    message a "Hi"\n}\nflow Skipped {\n    message b "Hi"\n}\n';
            class SkippingValidator extends ChatflowDocumentValidator {
                protected override validateSingleNodeOptions(node: AstNode, options: ValidationOptions) {
                    const skip = node.$type === 'Flow' && (node as AstNode & { name: string }).name === 'Skipped';
                    return skip ? { validateNode: false, validateChildren: false } : super.validateSingleNodeOptions(node, options);
                }
            }
            const services = createChatflowServices(EmptyFileSystem, { validation: { DocumentValidator: s => new SkippingValidator(s) } }).Chatflow;
            const document: LangiumDocument = await parseHelper(services)(text, { validation: true });
            const missingStart = (document.diagnostics ?? []).filter(d => d.code === 'missing-start').map(d => d.range.start.line + 1);
            assert.deepStrictEqual(missingStart, [1], 'the flow without start is reported where checks run (Checked), not in Skipped');
        });
    });

    describe('parser-recovery-patch: the tokens that may follow a grammar position, cached per parser', () => {
        const chevrotainVersion = (JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../node_modules/chevrotain/package.json'), 'utf8')) as { version: string }).version;
        // A pasted run of `""` inside a choice: each starts an option and lacks its `->`, one syntax error each.
        const pasted = `flow F {\n    start a\n    choice a "Hi" {\n        ${'""'.repeat(3000)}\n    }\n}\n`;

        it('patches the getNextPossibleTokenTypes of chevrotain 11.1.2, unchanged', () => {
            assert.strictEqual(chevrotainVersion, '11.1.2', 'chevrotain was upgraded (with Langium): re-read getNextPossibleTokenTypes in its context_assist trait; if it caches itself, delete language/parser-recovery-patch.ts and this test');
            const source = originalGetNextPossibleTokenTypes.toString().replace(/\s+/g, ' ');
            assert.match(source, /const nextPossibleTokenTypes = new NextAfterTokenWalker\(topProduction, grammarPath\)\.startWalking\(\);/, 'the grammar walk the cache saves');
            assert.notStrictEqual((EmbeddedActionsParser.prototype as unknown as Record<string, unknown>).getNextPossibleTokenTypes, originalGetNextPossibleTokenTypes, 'the patch is installed');
        });

        it('shows the walks it saves: one grammar walk per syntax error unpatched; patched, a path walked once answers from memory', async () => {
            type Walk = typeof originalGetNextPossibleTokenTypes;
            const prototype = EmbeddedActionsParser.prototype as unknown as { getNextPossibleTokenTypes: Walk };
            const patched = prototype.getNextPossibleTokenTypes;
            let walks = 0;
            prototype.getNextPossibleTokenTypes = function (this: unknown, path: Parameters<Walk>[0]) {
                walks++;
                return originalGetNextPossibleTokenTypes.call(this, path);
            } as Walk;
            try {
                await parseHelper(createChatflowServices(EmptyFileSystem).Chatflow)(pasted);
            } finally {
                prototype.getNextPossibleTokenTypes = patched;
            }
            assert.ok(walks > 1000, `without the cache: ${walks} grammar walks for one parse`);
            // Patched: the same parser and path give the very same answer, without walking again.
            let asked: { parser: object; path: Parameters<Walk>[0] } | undefined;
            prototype.getNextPossibleTokenTypes = function (this: object, path: Parameters<Walk>[0]) {
                asked ??= { parser: this, path };
                return patched.call(this, path);
            } as Walk;
            try {
                await parseHelper(createChatflowServices(EmptyFileSystem).Chatflow)(pasted);
            } finally {
                prototype.getNextPossibleTokenTypes = patched;
            }
            assert.ok(asked, 'error recovery asked for the tokens that may follow');
            assert.strictEqual(patched.call(asked.parser, asked.path), patched.call(asked.parser, asked.path));
        });
    });

    describe('completion-parse-limit: completion stops re-parsing past 500 syntax errors', () => {
        it('reaches into the SAVE_ERROR of Langium 4.2.1\'s completion parser wrapper', () => {
            assert.strictEqual(langiumVersion, '4.2.1', 'Langium was upgraded: check that LangiumCompletionParser still has a `wrapper` with SAVE_ERROR (language/lsp/completion-parse-limit.ts)');
            const parser = createChatflowServices(EmptyFileSystem).Chatflow.parser.CompletionParser as unknown as { wrapper?: { SAVE_ERROR?: unknown } };
            assert.strictEqual(typeof parser.wrapper?.SAVE_ERROR, 'function');
        });

        it('offers nothing inside a pasted run of thousands of errors, and still completes elsewhere', async () => {
            const services = createChatflowServices(EmptyFileSystem).Chatflow;
            const text = `flow F {\n    start a\n    choice a "Hi" {\n        ${'"" '.repeat(3000)}\n    }\n    message b "Bye"\n}\nflow G {\n    start x\n    message x "X" { -> }\n}\n`;
            const document = await parseHelper(services)(text);
            const completion = (offset: number) => services.lsp.CompletionProvider!.getCompletion(document, { textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(offset) });
            const inside = await completion(text.indexOf('"" "" ') + 3);
            assert.deepStrictEqual(inside?.items ?? [], []);
            const after = await completion(text.indexOf('{ -> }') + 5);
            assert.ok((after?.items ?? []).some(item => item.label === 'x'), 'the box of the other flow is offered after ->');
        });
    });
});
