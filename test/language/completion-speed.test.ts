import * as assert from 'node:assert';
import { fixture, loadWorkspace } from './lsp-workspace.js';

/**
 * Completion lexes the text before the cursor several times per request. Characters the lexer
 * skips (a long run of stray backslashes pasted into a flow) cost it ~60 pattern tries each: a
 * 100 KB run made every completion request take over a second.
 */
describe('completion on documents with long runs of stray characters', () => {
    it('answers after a run of 100,000 lexing errors and still offers box names after -> (timed in bench/language/pathological.ts)', async () => {
        const dental = fixture('examples/dental.chatflow');
        const text = `${dental}\nflow Extra {\n    message hi "Hi" {\n        ${'\\'.repeat(100_000)}\n        -> \n    }\n    end bye\n}\n`;
        const workspace = await loadWorkspace({ 'dental.chatflow': text });
        const document = workspace.document('dental.chatflow');
        assert.ok(document.parseResult.lexerErrors.length > 0, 'the backslashes are lexing errors');
        const position = document.textDocument.positionAt(text.lastIndexOf('-> ') + 3);
        const provider = workspace.services.lsp.CompletionProvider!;
        await provider.getCompletion(document, { textDocument: { uri: document.uri.toString() }, position });
        const list = await provider.getCompletion(document, { textDocument: { uri: document.uri.toString() }, position });
        assert.ok(list?.items.some(item => item.label === 'bye'), 'the box bye is offered');
    });
});
