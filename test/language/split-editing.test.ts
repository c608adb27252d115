import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import { TextDocument } from 'langium';
import { loadWorkspace } from './lsp-workspace.js';

const PRICING = readFileSync('test/fixtures/experiments/pricing.chatflow', 'utf8');

describe('split boxes in the editor', () => {
    it('formats a split one statement per line, the pricing example unchanged', async () => {
        const messy = PRICING.replace('        measure appointment\n        arm a 50 -> offer_a', 'measure   appointment arm   a  50->offer_a');
        const workspace = await loadWorkspace({ 'pricing.chatflow': messy });
        const document = workspace.document('pricing.chatflow');
        const edits = await workspace.services.lsp.Formatter!.formatDocument(document, { textDocument: { uri: document.uri.toString() }, options: { tabSize: 4, insertSpaces: true } });
        assert.strictEqual(TextDocument.applyEdits(document.textDocument, edits), PRICING);
    });

    it('hovers a split with its arms and their weights as ways out, and an arm box with the arm as its way in', async () => {
        const workspace = await loadWorkspace({ 'pricing.chatflow': PRICING });
        const document = workspace.document('pricing.chatflow');
        const hover = async (needle: string) => {
            const position = document.textDocument.positionAt(workspace.offsetOf('pricing.chatflow', needle, needle.indexOf(' ') + 2));
            const content = await workspace.services.lsp.HoverProvider!.getHoverContent(document, { textDocument: { uri: document.uri.toString() }, position });
            return (content?.contents as { value: string }).value;
        };
        const split = await hover('split pricing');
        assert.match(split, /\*\*split\*\* `pricing`/);
        assert.match(split, /- arm a \(50%\) → `offer_a`\n- arm b \(50%\) → `offer_b`/);
        assert.match(await hover('choice offer_b'), /\*\*Ways in\*\*\n- `pricing` \(arm b \(50%\)\)/);
    });
});

describe('promoting an arm of a split', () => {
    async function promote(title: RegExp): Promise<{ text: string; command: unknown }> {
        const workspace = await loadWorkspace({ 'pricing.chatflow': PRICING });
        const document = workspace.document('pricing.chatflow');
        const position = document.textDocument.positionAt(workspace.offsetOf('pricing.chatflow', 'arm b 50', 2));
        const actions = await workspace.services.lsp.CodeActionProvider!.getCodeActions(document, {
            textDocument: { uri: document.uri.toString() }, range: { start: position, end: position }, context: { diagnostics: [] }
        }) as Array<{ title: string; edit?: { changes: Record<string, never[]> }; command?: unknown }>;
        const action = actions.find(a => title.test(a.title));
        assert.ok(action?.edit, `no action ${title}: ${actions.map(a => a.title).join(' | ')}`);
        return { text: TextDocument.applyEdits(document.textDocument, action.edit.changes[document.uri.toString()]), command: action.command };
    }

    it('rewrites the split as a step to the winner\'s box, keeping its name, and records the decision', async () => {
        const { text, command } = await promote(/^Promote arm b \(always go to 'offer_b'\)$/);
        assert.ok(text.includes('    message pricing {\n        -> offer_b\n    }'), text);
        assert.ok(!text.includes('split pricing'));
        assert.deepStrictEqual(command, { title: 'Record the concluded experiment', command: 'chatflow.experimentConcluded', arguments: [{ uri: 'file:///workspace/pricing.chatflow', split: 'Offers.pricing', winner: 'b' }] });
        assert.ok(!/^\s*arm [ab]$/m.test(text), 'the tests no longer choose arms of a split that is gone');
        const after = await loadWorkspace({ 'pricing.chatflow': text });
        assert.deepStrictEqual((after.document('pricing.chatflow').diagnostics ?? []).filter(d => d.severity === 1).map(d => d.message), []);
    });

    it('also removes the boxes only the other arm led to, when asked', async () => {
        const { text } = await promote(/^Promote arm b and remove 'offer_a', which only the other arms led to$/);
        assert.ok(!text.includes('choice offer_a'), text);
        assert.ok(text.includes('choice offer_b') && text.includes('end goodbye'), 'boxes the winner still reaches stay');
    });
});
