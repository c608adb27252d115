import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import { SemanticTokensDecoder } from 'langium/lsp';
import { captureConsole } from '../fuzz/console-capture.js';
import { loadWorkspace, type TestWorkspace } from './lsp-workspace.js';

/** A minimal input the fuzzer found (test/fixtures/fuzz/), loaded alone. */
async function found(name: string): Promise<{ workspace: TestWorkspace; text: string; uri: string }> {
    const text = readFileSync(`test/fixtures/fuzz/${name}.chatflow`, 'utf8');
    const workspace = await loadWorkspace({ [`${name}.chatflow`]: text });
    return { workspace, text, uri: workspace.document(`${name}.chatflow`).uri.toString() };
}

/**
 * Editor requests on documents the parser could only partly read: a `start` without its box, an
 * empty test name, `goal` where an option's arrow should be. Each once failed with an internal
 * error; each must answer as on any other document.
 */
describe('editor requests on partly parsed documents', () => {
    it('highlights a flow whose start has no box yet, and the flow name is still a class', async () => {
        const { workspace } = await found('b-start-without-box');
        const document = workspace.document('b-start-without-box.chatflow');
        const provider = workspace.services.lsp.SemanticTokenProvider!;
        const tokens = SemanticTokensDecoder.decode(await provider.semanticHighlight(document, { textDocument: { uri: document.uri.toString() } }), provider.tokenTypes, document);
        assert.deepStrictEqual(tokens.map(t => `${t.text} ${t.tokenType}`), ['F class']);
    });

    it('shows the hover of a flow whose start has no box, and renames the flow', async () => {
        const { workspace, uri } = await found('hover-rename-start-without-box');
        const document = workspace.document('hover-rename-start-without-box.chatflow');
        const position = { line: 0, character: 'flow k'.length - 1 };
        const hover = await workspace.services.lsp.HoverProvider!.getHoverContent(document, { textDocument: { uri }, position });
        assert.match(JSON.stringify(hover?.contents), /flow\*\* `k`/);
        const edit = await workspace.services.lsp.RenameProvider!.rename(document, { textDocument: { uri }, position, newName: 'Intake' });
        assert.deepStrictEqual(edit?.changes?.[uri]?.map(e => e.newText), ['Intake']);
    });

    it('reports a track without a goal as a syntax error, not as a crash of validation', async () => {
        const { workspace } = await found('d-track-without-goal');
        const messages = (workspace.document('d-track-without-goal.chatflow').diagnostics ?? []).map(d => d.message);
        assert.ok(!messages.some(m => m.startsWith('An error occurred')), messages.join('\n'));
        assert.ok(messages.some(m => /Expecting|goal/.test(m)), `a syntax error about the missing goal: ${messages.join(' | ')}`);
    });

    it('has nothing to rename inside an empty test name, without an error', async () => {
        const { workspace, uri } = await found('e-empty-test-name');
        const document = workspace.document('e-empty-test-name.chatflow');
        const position = { line: 0, character: 'flow F { test "'.length };
        const rename = workspace.services.lsp.RenameProvider!;
        assert.strictEqual(await rename.prepareRename(document, { textDocument: { uri }, position }), undefined);
        assert.strictEqual(await rename.rename(document, { textDocument: { uri }, position, newName: 'x' }), undefined);
    });

    it('completes goal names after `goal` where a choice option was expected, logging no error', async () => {
        const { workspace, text, uri } = await found('f-goal-after-option');
        const document = workspace.document('f-goal-after-option.chatflow');
        const logged = captureConsole();
        let labels: string[];
        try {
            const list = await workspace.services.lsp.CompletionProvider!.getCompletion(document, { textDocument: { uri }, position: document.textDocument.positionAt(text.length) });
            labels = list?.items.map(item => item.label) ?? [];
        } finally {
            logged.restore();
        }
        assert.deepStrictEqual(logged.entries.map(e => e.text.split('\n')[0]), []);
        assert.ok(labels.includes('g'), `the goal g is offered: ${labels.join(', ')}`);
    });

    it('completes box names after a `start` the parser made no node for, logging no error', async () => {
        const text = 'flow F {\n    start \n    message hello "Hi"\n}\n';
        const workspace = await loadWorkspace({ 'start.chatflow': text });
        const document = workspace.document('start.chatflow');
        const logged = captureConsole();
        let labels: string[];
        try {
            const list = await workspace.services.lsp.CompletionProvider!.getCompletion(document, {
                textDocument: { uri: document.uri.toString() }, position: { line: 1, character: '    start '.length }
            });
            labels = list?.items.map(item => item.label) ?? [];
        } finally {
            logged.restore();
        }
        assert.deepStrictEqual(logged.entries.map(e => e.text.split('\n')[0]), []);
        assert.ok(labels.includes('hello'), `the box hello is offered: ${labels.join(', ')}`);
    });
});

describe('completion in a condition the parser gave up on', () => {
    it('offers the flow\'s variables after `when = and`, logging no error', async () => {
        const text = 'flow F {\n    var insured: yesno\n    condition c { when = and  }\n}\n';
        const workspace = await loadWorkspace({ 'when.chatflow': text });
        const document = workspace.document('when.chatflow');
        const logged = captureConsole();
        let labels: string[];
        try {
            const list = await workspace.services.lsp.CompletionProvider!.getCompletion(document, {
                textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(text.indexOf('and ') + 4)
            });
            labels = list?.items.map(item => item.label) ?? [];
        } finally {
            logged.restore();
        }
        assert.deepStrictEqual(logged.entries.map(e => e.text.split('\n')[0]), []);
        assert.ok(labels.includes('insured'), `the variable insured is offered: ${labels.join(', ')}`);
    });
});
