import * as assert from 'node:assert';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
    CodeActionRequest, CodeLensRequest, CompletionRequest, DefinitionRequest, DocumentFormattingRequest, DocumentHighlightRequest,
    DocumentSymbolRequest, ErrorCodes, FoldingRangeRequest, HoverRequest, LogMessageNotification, MessageType, PrepareRenameRequest,
    ReferencesRequest, RenameRequest, SemanticTokensRequest, type Position
} from 'vscode-languageserver-protocol/node.js';
import { TextDocument } from 'langium';
import { AnalyticsOverviewRequest, BoxStatsRequest, ChatsRequest, FlowGraphRequest, ImportLogsRequest } from '../../server/protocol.js';
import { copyWorkspace, LspServer, startServer } from './lsp-harness.js';

const FIXTURES = 'test/fixtures/fuzz';

/** The inputs too big to keep as files: made here, as the fuzzer made them. */
const generated: Record<string, string> = {
    'g-huge-name-one-off': (() => {
        const name = `ask_${'x'.repeat(40_000)}`;
        return `flow F {\n    start ${name}\n    message ${name} "Hi" { -> ${name.slice(0, -1)}y }\n}\n`;
    })(),
    'g-unterminated-escapes': `flow F {\n    message m "${'\\"'.repeat(40_000)}\n}\n`,
    'g-skipped-backslashes': `flow F {\n    message m "Hi" {\n        ${'\\'.repeat(60_000)}\n        -> m\n    }\n}\n`
};

/**
 * Every minimal input the fuzzer found (test/fixtures/fuzz/, plus the big ones made above) replayed
 * through the BUILT server over stdio with logs imported, the way VS Code asks: semantic tokens,
 * then every position request at every offset (a few offsets for the big ones), code actions for
 * each diagnostic, formatting, code lens and the custom requests. No request may answer
 * InternalError, nothing may be logged as an error or resolved too early, and the server stays up.
 */
describe('the fuzzer\'s findings replayed through the built server', function () {
    this.timeout(120_000);
    let workspace: ReturnType<typeof copyWorkspace>;
    let server: LspServer;
    const logged: string[] = [];

    before(async () => {
        workspace = copyWorkspace('examples');
        mkdirSync(join(workspace.dir, 'fuzz'));
        server = await startServer(workspace.dir);
        server.connection.onNotification(LogMessageNotification.type, params => {
            if (params.type === MessageType.Error || params.message.includes('Attempted reference resolution')) logged.push(params.message.split('\n')[0]);
        });
        const logs = join(workspace.dir, 'logs');
        await server.request(ImportLogsRequest, { files: readdirSync(logs).map(name => join(logs, name)) });
    });

    after(async () => {
        await server?.stop();
        workspace?.remove();
    });

    const inputs = [
        ...readdirSync(FIXTURES).filter(name => name.endsWith('.chatflow')).sort().map(name => [name.replace(/\.chatflow$/, ''), readFileSync(join(FIXTURES, name), 'utf8')]),
        ...Object.entries(generated)
    ];

    for (const [name, text] of inputs) {
        it(`answers every request on ${name}`, async () => {
            const uri = LspServer.uri(workspace.dir, `fuzz/${name}.chatflow`);
            writeFileSync(join(workspace.dir, 'fuzz', `${name}.chatflow`), text);
            const model = TextDocument.create(uri, 'chatflow', 1, text);
            await server.open(uri, text);
            const diagnostics = await server.waitForDiagnostics(uri);
            const textDocument = { uri };
            const failures: string[] = [];
            const ask = async (what: string, request: Promise<unknown>) => {
                try {
                    await request;
                } catch (error) {
                    const { code, message } = error as { code?: number; message?: string };
                    if (code === ErrorCodes.InternalError || code === undefined) failures.push(`${what}: ${message}`);
                }
            };
            const c = server.connection;
            await ask('semanticTokens', c.sendRequest(SemanticTokensRequest.type, { textDocument }));
            const offsets = text.length < 1000 ? Array.from({ length: text.length + 1 }, (_, i) => i) : [0, 20, text.length >> 1, text.length - 8, text.length];
            for (const offset of offsets) {
                const position: Position = model.positionAt(offset);
                const at = `@${offset}`;
                await Promise.all([
                    ask(`hover${at}`, c.sendRequest(HoverRequest.type, { textDocument, position })),
                    ask(`definition${at}`, c.sendRequest(DefinitionRequest.type, { textDocument, position })),
                    ask(`references${at}`, c.sendRequest(ReferencesRequest.type, { textDocument, position, context: { includeDeclaration: true } })),
                    ask(`highlight${at}`, c.sendRequest(DocumentHighlightRequest.type, { textDocument, position })),
                    ask(`prepareRename${at}`, c.sendRequest(PrepareRenameRequest.type, { textDocument, position })),
                    ask(`rename${at}`, c.sendRequest(RenameRequest.type, { textDocument, position, newName: 'renamed' })),
                    ask(`completion${at}`, c.sendRequest(CompletionRequest.type, { textDocument, position }))
                ]);
            }
            for (const diagnostic of diagnostics) {
                await ask(`codeAction ${diagnostic.message}`, c.sendRequest(CodeActionRequest.type, { textDocument, range: diagnostic.range, context: { diagnostics: [diagnostic] } }));
            }
            await Promise.all([
                ask('documentSymbol', c.sendRequest(DocumentSymbolRequest.type, { textDocument })),
                ask('foldingRange', c.sendRequest(FoldingRangeRequest.type, { textDocument })),
                ask('formatting', c.sendRequest(DocumentFormattingRequest.type, { textDocument, options: { tabSize: 4, insertSpaces: true } })),
                ask('codeLens', c.sendRequest(CodeLensRequest.type, { textDocument })),
                ask('flowGraph', c.sendRequest(FlowGraphRequest, { uri })),
                ask('boxStats', c.sendRequest(BoxStatsRequest, { uri })),
                ask('analyticsOverview', c.sendRequest(AnalyticsOverviewRequest, { uri })),
                ask('chats', c.sendRequest(ChatsRequest, { uri, drill: { metric: 'visits', box: 'F.m' } }))
            ]);
            assert.deepStrictEqual(failures, []);
            assert.deepStrictEqual(logged.splice(0), [], 'errors or too-early reference resolutions logged by the server');
            assert.ok(!server.exited, `the server is up:\n${server.log}`);
        });
    }
});
