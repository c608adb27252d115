import * as assert from 'node:assert';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import { fixture, loadWorkspace, pharmacyFiles, type TestWorkspace } from './lsp-workspace.js';

const kindName = (kind: SymbolKind) => Object.entries(SymbolKind).find(([, value]) => value === kind)?.[0];

/** `name (Kind)` of each symbol, children indented below their parent, in document order. */
function outline(symbols: DocumentSymbol[], depth = 0): string[] {
    return [...symbols]
        .sort((a, b) => a.range.start.line - b.range.start.line)
        .flatMap(symbol => [`${'  '.repeat(depth)}${symbol.name} (${kindName(symbol.kind)})`, ...outline(symbol.children ?? [], depth + 1)]);
}

async function outlineOf(workspace: TestWorkspace, name: string): Promise<string[]> {
    const document = workspace.document(name);
    return outline(await workspace.services.lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument: { uri: document.uri.toString() } }));
}

describe('document and workspace symbols, folding', () => {
    let workspace: TestWorkspace;
    before(async () => {
        workspace = await loadWorkspace({ ...pharmacyFiles(), 'clinic.chatflow': fixture('examples/clinic.chatflow') });
    });

    it('outlines goals, then the flow with its variables, boxes and tests', async () => {
        assert.deepStrictEqual(await outlineOf(workspace, 'desk.chatflow'), [
            'refill_requested (Event)',
            'pharmacist_contacted (Event)',
            'Desk (Class)',
            '  store (Variable)',
            '  desk_menu (Function)',
            '  pharmacist (Function)',
            '  goodbye (Function)'
        ]);
        assert.deepStrictEqual(await outlineOf(workspace, 'refill.chatflow'), [
            'Refill (Class)',
            '  rx_number (Variable)',
            '  pickup (Variable)',
            '  ask_rx (Function)',
            '  ask_pickup (Function)',
            '  check_pickup (Function)',
            '  refill_ok (Function)',
            '  a refill picked up in store (Method)'
        ]);
    });

    it('shows the outcomes of an action box under it', async () => {
        const clinic = await outlineOf(workspace, 'clinic.chatflow');
        const bookSlot = clinic.indexOf('  book_slot (Function)');
        assert.deepStrictEqual(clinic.slice(bookSlot, bookSlot + 4), [
            '  book_slot (Function)', '    booked (EnumMember)', '    full (EnumMember)', '    error (EnumMember)'
        ]);
        assert.ok(clinic.includes('  a full day falls back to a callback (Method)'), 'tests are named by their string');
    });

    it('finds flows, boxes (as Flow.box) and goals of every file in workspace symbols', async () => {
        const symbols = await workspace.services.shared.lsp.WorkspaceSymbolProvider!.getSymbols({ query: 'pharmac' });
        const found = symbols.map(symbol => `${symbol.name} (${kindName(symbol.kind)}) ${symbol.location.uri.substring(symbol.location.uri.lastIndexOf('/') + 1)}`).sort();
        assert.deepStrictEqual(found, [
            'Desk.pharmacist (Function) desk.chatflow',
            'pharmacist_contacted (Event) desk.chatflow'
        ]);
        const refill = await workspace.services.shared.lsp.WorkspaceSymbolProvider!.getSymbols({ query: 'Refill.ask' });
        assert.deepStrictEqual(refill.map(symbol => symbol.name).sort(), ['Refill.ask_pickup', 'Refill.ask_rx']);
    });

    it('folds the flow and every multi-line box and test', async () => {
        const document = workspace.document('refill.chatflow');
        const ranges = await workspace.services.lsp.FoldingRangeProvider!.getFoldingRanges(document, { textDocument: { uri: document.uri.toString() } });
        const lines = new Set(ranges.map(range => range.startLine + 1));
        for (const [line, what] of [[3, 'flow Refill'], [9, 'input ask_rx'], [22, 'condition check_pickup'], [33, 'test']] as const) {
            assert.ok(lines.has(line), `${what} (line ${line}) folds; folding starts at ${[...lines].join(', ')}`);
        }
    });
});
