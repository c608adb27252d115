import * as assert from 'node:assert';
import { SemanticTokensDecoder } from 'langium/lsp';
import { SemanticTokenModifiers } from 'vscode-languageserver';
import { loadWorkspace, pharmacyFiles, type TestWorkspace } from './lsp-workspace.js';

/** Each token as `line:text type[+declaration]`, 1-based lines as an editor shows them. */
async function tokensOf(workspace: TestWorkspace, name: string): Promise<string[]> {
    const document = workspace.document(name);
    const provider = workspace.services.lsp.SemanticTokenProvider!;
    const tokens = await provider.semanticHighlight(document, { textDocument: { uri: document.uri.toString() } });
    const declaration = provider.tokenModifiers[SemanticTokenModifiers.declaration];
    return SemanticTokensDecoder.decode(tokens, provider.tokenTypes, document).map(token => {
        const line = document.textDocument.positionAt(token.offset).line + 1;
        const modifier = token.tokenModifiers & declaration ? '+declaration' : '';
        return `${line}:${token.text} ${token.tokenType}${modifier}`;
    });
}

describe('semantic highlighting', () => {
    let workspace: TestWorkspace;
    before(async () => {
        workspace = await loadWorkspace(pharmacyFiles());
    });

    it('marks declarations of flows, boxes and variables with the declaration modifier', async () => {
        const tokens = await tokensOf(workspace, 'refill.chatflow');
        assert.ok(tokens.includes('3:Refill class+declaration'), tokens.join('\n'));
        assert.ok(tokens.includes('6:rx_number variable+declaration'));
        assert.ok(tokens.includes('9:ask_rx function+declaration'));
        assert.ok(tokens.includes('22:check_pickup function+declaration'));
    });

    it('highlights goal declarations in one file and their marks and expectations in another', async () => {
        assert.ok((await tokensOf(workspace, 'desk.chatflow')).includes('3:refill_requested enumMember+declaration'));
        const refill = await tokensOf(workspace, 'refill.chatflow');
        assert.ok(refill.includes('29:refill_requested enumMember'), refill.join('\n'));
        assert.ok(refill.includes('36:refill_requested enumMember'));
    });

    it('highlights box references; in Flow.box the flow is a class and the box a function', async () => {
        const tokens = await tokensOf(workspace, 'refill.chatflow');
        assert.ok(tokens.includes('4:ask_rx function'), 'start ask_rx');
        assert.ok(tokens.includes('14:ask_pickup function'), '-> ask_pickup');
        assert.ok(tokens.includes('24:Desk class'), tokens.join('\n'));
        assert.ok(tokens.includes('24:pharmacist function'));
        assert.ok(!tokens.some(token => token.startsWith('24:.')), 'the dot of Desk.pharmacist is not a token');
    });

    it('highlights variable uses: save, when, and {variable} inside box texts', async () => {
        const tokens = await tokensOf(workspace, 'refill.chatflow');
        assert.ok(tokens.includes('11:rx_number variable'), 'save rx_number');
        assert.ok(tokens.includes('23:pickup variable'), 'when pickup == yes');
        assert.ok(tokens.includes('17:rx_number variable'), 'the {rx_number} in the text of ask_pickup');
        assert.ok(tokens.includes('27:rx_number variable'), 'the {rx_number} in the text of refill_ok');
    });

    it('does not highlight {names} in a text that are not variables of the flow', async () => {
        const other = await loadWorkspace({
            'clinic.chatflow': 'flow Clinic {\n    start hello\n    var name: text\n    end hello "Bye {name}, see {nobody}"\n}\n'
        });
        const tokens = await tokensOf(other, 'clinic.chatflow');
        assert.ok(tokens.includes('4:name variable'));
        assert.ok(!tokens.some(token => token.includes('nobody')), tokens.join('\n'));
    });
});
