import * as assert from 'node:assert';
import { EmptyFileSystem } from 'langium';
import { createChatflowServices } from '../../language/chatflow-module.js';
import { loadWorkspace } from './lsp-workspace.js';

/** A choice whose option is followed by 10,000 empty strings: a syntax error each (`->` expected). */
const text = `flow F {\n    start c\n    choice c "Q" {\n        "Talk" ${'""'.repeat(10_000)} -> bye\n        \n    }\n    end bye\n}\n`;

/**
 * Chevrotain's recovery captured a stack trace per error and walked the grammar per error to find
 * what may follow; completion re-parsed the member three times per request. Such a document took
 * seconds to parse and seconds per completion request.
 */
describe('documents with tens of thousands of syntax errors', () => {
    it('parses 10,000 syntax errors, reporting each (timed in bench/language/pathological.ts)', () => {
        const { Chatflow } = createChatflowServices(EmptyFileSystem);
        Chatflow.parser.LangiumParser.parse(text.substring(0, 3000)); // warm-up, recovery included
        const result = Chatflow.parser.LangiumParser.parse(text);
        assert.ok(result.parserErrors.length >= 10_000, `${result.parserErrors.length} errors`);
    });

    it('captures no stack trace for the exceptions of error recovery, and restores the limit', () => {
        const { Chatflow } = createChatflowServices(EmptyFileSystem);
        const limit = Error.stackTraceLimit;
        const capture = Error.captureStackTrace;
        const limits: number[] = [];
        Error.captureStackTrace = (target: object, constructor?: Function) => {
            limits.push(Error.stackTraceLimit);
            capture(target, constructor);
        };
        try {
            Chatflow.parser.LangiumParser.parse(text.substring(0, 2000));
        } finally {
            Error.captureStackTrace = capture;
        }
        assert.ok(limits.length > 100, `${limits.length} recognition exceptions`);
        assert.deepStrictEqual([...new Set(limits)], [0]);
        assert.strictEqual(Error.stackTraceLimit, limit);
    });

    it('answers completion inside that choice, and normally after it', async () => {
        const workspace = await loadWorkspace({ 'errors.chatflow': text });
        const document = workspace.document('errors.chatflow');
        const provider = workspace.services.lsp.CompletionProvider!;
        const at = (offset: number) => ({ textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(offset) });
        assert.ok(await provider.getCompletion(document, at(text.indexOf('-> bye') + '-> bye\n        '.length)), 'an answer inside the choice');
        const after = await provider.getCompletion(document, at(text.indexOf('end bye') + 'end bye\n'.length));
        assert.ok(after?.items.some(item => item.label === 'message'), 'box keywords after the choice');
    });
});
