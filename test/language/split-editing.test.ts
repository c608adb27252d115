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
