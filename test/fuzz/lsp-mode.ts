import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { TextDocument } from 'langium';
import { join } from 'node:path';
import {
    CodeLensRequest, CompletionRequest, DidChangeTextDocumentNotification, DocumentSymbolRequest, ErrorCodes, FoldingRangeRequest,
    HoverRequest, LogMessageNotification, MessageType, SemanticTokensDeltaRequest, SemanticTokensRequest, type Position
} from 'vscode-languageserver-protocol/node.js';
import { AnalyticsOverviewRequest, BoxStatsRequest, ChatsRequest, FlowGraphRequest, ImportLogsRequest, TranscriptRequest } from '../../server/protocol.js';
import { copyWorkspace, LspServer, SERVER_BUNDLE } from '../server/lsp-harness.js';
import { saveFailure, signatureOf } from './findings-store.js';
import { MUTATORS, mutationTools, type MutationTools } from './mutators.js';
import { mutantSeed, Random } from './random.js';
import { emptySummary, noteTime, type Summary } from './summary.js';

export interface LspOptions {
    seed: number;
    /** Edits per document. */
    edits: number;
    documents?: number;
    /** Import the example logs first and ask for analytics after each edit too. */
    db?: boolean;
    out?: string;
    progress?: (summary: Summary) => void;
}

/** How long one round of requests may take before it counts as a hang (and the round is abandoned). */
const ROUND_TIMEOUT_MS = 30_000;

/**
 * The LSP fuzzer: the built server over stdio, a copy of the examples as its workspace, documents
 * edited by random incremental didChange events (ranges, as VS Code sends them), and after each
 * edit the requests VS Code sends: semantic tokens (full, then delta), symbols, code lens,
 * folding, hover, completion and the preview's flowGraph (with --db, boxStats, the Analytics
 * overview, and now and then the chats behind a number and a transcript). Counts InternalError answers, crashes, logged errors and too-early reference resolutions.
 */
export async function runLsp(options: LspOptions): Promise<Summary> {
    if (!existsSync(SERVER_BUNDLE)) throw new Error(`${SERVER_BUNDLE} is missing: run \`npm run build\` before \`npm run fuzz -- --lsp\`.`);
    const started = performance.now();
    const summary = emptySummary('lsp', options.seed);
    const tools = mutationTools();
    const workspace = copyWorkspace('examples');
    const files = readdirSync(workspace.dir).filter(name => name.endsWith('.chatflow')).sort();
    const server = await LspServer.start(workspace.dir);
    const logged: Array<{ type: number; message: string }> = [];
    server.connection.onNotification(LogMessageNotification.type, params => logged.push(params));
    const record = (service: string, kind: string, message: string, text: string) => {
        const signature = signatureOf(kind, service, message);
        summary.signatures[signature] = (summary.signatures[signature] ?? 0) + 1;
        if (summary.signatures[signature] === 1 && options.out) {
            summary.saved.push(saveFailure(options.out, summary.saved.length + 1, {
                signature, mode: 'lsp', seed: options.seed, index: summary.mutants, source: 'lsp', mutations: [], service, kind, message
            }, text, []));
        }
    };
    try {
        if (options.db) await server.request(ImportLogsRequest, { files: readdirSync(join(workspace.dir, 'logs')).map(name => join(workspace.dir, 'logs', name)) });
        for (let d = 0; d < (options.documents ?? 1) && !server.exited; d++) {
            const random = new Random(mutantSeed(options.seed, d));
            const name = random.pick(files);
            const uri = LspServer.uri(workspace.dir, name);
            const document = { uri, text: readFileSync(join(workspace.dir, name), 'utf8'), version: 1 };
            await server.open(uri, document.text);
            let resultId: string | undefined;
            for (let e = 0; e < options.edits && !server.exited; e++) {
                const edit = randomEdit(document.text, random, tools);
                document.version++;
                // Offsets between \r and \n or inside a surrogate pair snap the way the server's text model does.
                const model = TextDocument.create(uri, 'chatflow', 0, document.text);
                const range = { start: model.positionAt(edit.start), end: model.positionAt(edit.end) };
                await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
                    textDocument: { uri, version: document.version }, contentChanges: [{ range, text: edit.insert }]
                });
                document.text = TextDocument.applyEdits(model, [{ range, newText: edit.insert }]);
                summary.mutants++;
                // Fast typing: VS Code sends the next change before the answers of the last one arrive.
                if (random.chance(0.3)) continue;
                const cursor = positionAt(document.text, Math.min(document.text.length, edit.start + edit.insert.length));
                const elsewhere = positionAt(document.text, random.int(document.text.length + 1));
                const textDocument = { uri };
                const before = performance.now();
                const times = new Map<string, number>();
                const timed = <T>(name: string, promise: Promise<T>): [string, Promise<T>] =>
                    [name, promise.finally(() => times.set(name, performance.now() - before))];
                const requests: Array<[string, Promise<unknown>]> = (<Array<[string, Promise<unknown>]>>[
                    resultId && random.chance(0.5)
                        ? ['semanticTokens/delta', server.connection.sendRequest(SemanticTokensDeltaRequest.type, { textDocument, previousResultId: resultId })]
                        : ['semanticTokens/full', server.connection.sendRequest(SemanticTokensRequest.type, { textDocument }).then(r => { resultId = r?.resultId; return r; })],
                    ['documentSymbol', server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument })],
                    ['codeLens', server.connection.sendRequest(CodeLensRequest.type, { textDocument })],
                    ['foldingRange', server.connection.sendRequest(FoldingRangeRequest.type, { textDocument })],
                    ['hover', server.connection.sendRequest(HoverRequest.type, { textDocument, position: elsewhere })],
                    ['completion', server.connection.sendRequest(CompletionRequest.type, { textDocument, position: cursor })],
                    ['flowGraph', server.connection.sendRequest(FlowGraphRequest, { uri })]
                ]).map(([name, promise]) => timed(name, promise));
                if (options.db) {
                    requests.push(timed('boxStats', server.connection.sendRequest(BoxStatsRequest, { uri })));
                    requests.push(timed('analyticsOverview', server.connection.sendRequest(AnalyticsOverviewRequest, { uri })));
                    if (random.chance(0.2)) {
                        requests.push(timed('chats', server.connection.sendRequest(ChatsRequest, { uri, drill: { metric: 'dropOuts', box: random.pick(tools.tokens(document.text).map(t => t.image)) ?? 'x' }, limit: 5 })));
                        requests.push(timed('transcript', server.connection.sendRequest(TranscriptRequest, { chat: 'no-such-chat' })));
                    }
                }
                const answers = await withTimeout(Promise.allSettled(requests.map(([, promise]) => promise)), ROUND_TIMEOUT_MS);
                const ms = performance.now() - before;
                const slowest = [...times].reduce((a, b) => (b[1] > a[1] ? b : a), ['none', 0] as [string, number]);
                noteTime(summary, { source: `${name} edit ${e} (${edit.mutator})`, bytes: Buffer.byteLength(document.text), ms, service: slowest[0], index: summary.mutants });
                if (!answers) {
                    summary.exceptions++;
                    record('round', 'hang', `no answer within ${ROUND_TIMEOUT_MS} ms`, document.text);
                    continue;
                }
                answers.forEach((answer, i) => {
                    if (answer.status === 'fulfilled') return;
                    const error = answer.reason as { code?: number; message?: string };
                    if (error.code === ErrorCodes.InternalError) {
                        summary.internalErrorResponses++;
                        record(requests[i][0], 'internal-error-response', error.message ?? '', document.text);
                    } else if (server.exited) {
                        summary.crashes++;
                    }
                });
                drainLog(logged, summary, (kind, message) => record('log', kind, message, document.text));
            }
        }
        drainLog(logged, summary, (kind, message) => record('log', kind, message, ''));
        if (server.exited) {
            summary.crashes = Math.max(summary.crashes, 1);
            record('server', 'crash', server.log.split('\n').slice(-5).join(' '), '');
        }
        for (const line of server.log.split('\n').filter(l => /error/i.test(l))) {
            summary.loggedErrors++;
            record('stderr', 'stderr-error', line, '');
        }
    } finally {
        await server.stop();
        workspace.remove();
    }
    summary.ms = performance.now() - started;
    options.progress?.(summary);
    return summary;
}

function drainLog(logged: Array<{ type: number; message: string }>, summary: Summary, record: (kind: string, message: string) => void): void {
    for (const entry of logged.splice(0)) {
        if (entry.message.includes('Attempted reference resolution before document reached')) {
            summary.earlyResolutions++;
            record('early-resolution', entry.message);
        } else if (entry.type === MessageType.Error) {
            summary.loggedErrors++;
            record('logged-error', entry.message.split('\n')[0]);
        }
    }
}

/** A small edit as people make them, or now and then one of the mutators' bigger ones. */
function randomEdit(text: string, random: Random, tools: MutationTools): { start: number; end: number; insert: string; mutator: string } {
    const start = random.int(text.length + 1);
    // Edits add more than they delete: past 200 KB, a big cut keeps the document the size people edit.
    if (text.length > 200_000) return { start: Math.floor(start / 2), end: Math.floor(start / 2) + Math.floor(text.length / 2), insert: '', mutator: 'cut' };
    const roll = random.next();
    if (roll < 0.35) return { start, end: Math.min(text.length, start + random.int(8)), insert: '', mutator: 'delete' };
    if (roll < 0.6) return { start, end: start, insert: random.pick(['a', ' ', '\n', '"', '{', '}', '-', '>', '.', '_']), mutator: 'type' };
    if (roll < 0.8) return { start, end: start, insert: ` ${random.pick(tools.keywords)} `, mutator: 'keyword' };
    if (roll < 0.97) {
        const tokens = tools.tokens(text);
        return { start, end: start, insert: tokens.length ? ` ${random.pick(tokens).image} ` : 'x', mutator: 'token' };
    }
    // A mutator's whole-text result as one edit: the changed stretch only, as an editor would send it.
    const name = random.pick(Object.keys(MUTATORS));
    const mutated = MUTATORS[name](text, random, tools);
    let prefix = 0;
    while (prefix < text.length && prefix < mutated.length && text[prefix] === mutated[prefix]) prefix++;
    let suffix = 0;
    while (suffix < text.length - prefix && suffix < mutated.length - prefix && text[text.length - 1 - suffix] === mutated[mutated.length - 1 - suffix]) suffix++;
    return { start: prefix, end: text.length - suffix, insert: mutated.substring(prefix, mutated.length - suffix), mutator: name };
}

/** The position as the server counts it: \r, \n and \r\n end lines; UTF-16 code units. */
function positionAt(text: string, offset: number): Position {
    return TextDocument.create('file:///position', 'chatflow', 0, text).positionAt(offset);
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
    let timer: NodeJS.Timeout;
    return Promise.race([promise, new Promise<undefined>(resolve => { timer = setTimeout(() => resolve(undefined), ms); })]).finally(() => clearTimeout(timer));
}
