import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { CancellationToken, ErrorCodes, ResponseError, type Diagnostic } from 'vscode-languageserver';
import { createChatflowServices, type ChatflowServices } from '../../language/chatflow-module.js';
import type { LangiumSharedServices } from 'langium/lsp';
import { captureConsole, type Logged } from './console-capture.js';
import { playFlows } from './play-flows.js';
import type { Random } from './random.js';

/** One problem found while serving a document. */
export interface Finding {
    /** The service that failed, e.g. `semanticTokens`, `validation`, `flowGraph`, or `completion@120` (at offset 120). */
    service: string;
    kind: 'exception' | 'internal-error' | 'logged-error' | 'early-resolution';
    message: string;
    stack?: string;
}

export interface DocumentReport {
    findings: Finding[];
    ms: number;
    /** The slowest service and its time, to say where a slow document spent it. */
    slowest: { service: string; ms: number };
    /** Milliseconds per service family (all completions together, …). */
    times: Record<string, number>;
}

/** A file of the workspace the mutant is served in; `target` is the one whose services are called. */
export interface WorkspaceFile { name: string; text: string }

/** To replay one finding: only that service (e.g. `completion`), at these offsets. */
export interface ServeOptions {
    only?: string;
    offsets?: number[];
}

/** `completion@3:14` -> `completion`. */
export function serviceFamily(service: string): string {
    return service.split('@')[0];
}

/** How many random positions each position-based request (hover, completion, …) is sent at. */
const POSITIONS = 3;
/** Code actions are asked for this many diagnostics at most (an editor asks per visible line). */
const MAX_CODE_ACTION_DIAGNOSTICS = 20;

/**
 * Calls every language service on a document in the order an editor does: semantic tokens as soon
 * as it opens, then symbols, folding, diagnostics, position requests, code actions, formatting,
 * then the FlowGraph builder, the simulator and the flow's tests. In-process and reused across
 * documents: one set of services, the workspace replaced per call.
 */
export class EditorSession {
    readonly shared: LangiumSharedServices;
    readonly services: ChatflowServices;
    private loaded: URI[] = [];

    constructor() {
        const { shared, Chatflow } = createChatflowServices(EmptyFileSystem);
        this.shared = shared;
        this.services = Chatflow;
    }

    async serve(files: readonly WorkspaceFile[], target: string, random: Random, options: ServeOptions = {}): Promise<DocumentReport> {
        const findings: Finding[] = [];
        const times = new Map<string, number>();
        const started = performance.now();
        const logged = captureConsole();
        let document: LangiumDocument | undefined;
        const step = async (service: string, call: () => unknown): Promise<void> => {
            if (options.only && service !== 'build' && serviceFamily(service) !== options.only) return;
            const before = performance.now();
            const mark = logged.entries.length;
            try {
                await call();
            } catch (error) {
                if (!isRefusal(error)) findings.push(exceptionFinding(service, error));
            }
            findings.push(...loggedFindings(service, logged.entries.slice(mark)));
            const ms = performance.now() - before;
            times.set(service, (times.get(service) ?? 0) + ms);
        };
        try {
            await step('build', async () => { document = await this.load(files, target); });
            if (document) await this.callServices(document, random, step, findings, options.offsets);
        } finally {
            logged.restore();
        }
        const slowest = [...times].reduce((a, b) => (b[1] > a[1] ? b : a), ['none', 0] as [string, number]);
        const families: Record<string, number> = {};
        for (const [service, ms] of times) families[serviceFamily(service)] = (families[serviceFamily(service)] ?? 0) + ms;
        return { findings, ms: performance.now() - started, slowest: { service: slowest[0], ms: slowest[1] }, times: families };
    }

    private async callServices(document: LangiumDocument, random: Random, step: Step, findings: Finding[], offsets?: number[]): Promise<void> {
        const lsp = this.services.lsp;
        const textDocument = { uri: document.uri.toString() };
        const none = CancellationToken.None;
        let resultId: string | undefined;
        await step('semanticTokens', async () => { resultId = (await lsp.SemanticTokenProvider!.semanticHighlight(document, { textDocument }, none)).resultId; });
        await step('documentSymbol', () => lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument }, none));
        await step('foldingRange', () => lsp.FoldingRangeProvider!.getFoldingRanges(document, { textDocument }, none));
        const diagnostics = document.diagnostics ?? [];
        for (const diagnostic of diagnostics) {
            if (diagnostic.message.startsWith('An error occurred')) {
                findings.push({ service: 'validation', kind: 'internal-error', message: diagnostic.message.split('\n')[0], stack: diagnostic.message });
            }
        }
        const at = offsets ?? randomOffsets(document.textDocument.getText(), random);
        for (const offset of at) {
            const position = document.textDocument.positionAt(offset);
            const at = { textDocument, position };
            const where = `@${offset}`;
            await step(`hover${where}`, () => lsp.HoverProvider!.getHoverContent(document, at, none));
            await step(`definition${where}`, () => lsp.DefinitionProvider!.getDefinition(document, at, none));
            await step(`references${where}`, () => lsp.ReferencesProvider!.findReferences(document, { ...at, context: { includeDeclaration: true } }, none));
            await step(`highlight${where}`, () => lsp.DocumentHighlightProvider!.getDocumentHighlight(document, at, none));
            await step(`prepareRename${where}`, () => lsp.RenameProvider!.prepareRename(document, at, none));
            await step(`rename${where}`, () => lsp.RenameProvider!.rename(document, { ...at, newName: 'fuzz_renamed' }, none));
            await step(`completion${where}`, () => lsp.CompletionProvider!.getCompletion(document, at, none));
            if (lsp.SignatureHelp) await step(`signatureHelp${where}`, () => lsp.SignatureHelp!.provideSignatureHelp(document, at, none));
        }
        for (const diagnostic of diagnostics.slice(0, MAX_CODE_ACTION_DIAGNOSTICS)) {
            await step('codeAction', () => lsp.CodeActionProvider!.getCodeActions(document, codeActionParams(textDocument, diagnostic), none));
        }
        await step('formatting', () => lsp.Formatter!.formatDocument(document, { textDocument, options: { tabSize: 4, insertSpaces: true } }, none));
        if (lsp.CodeLensProvider) await step('codeLens', () => lsp.CodeLensProvider!.provideCodeLens(document, { textDocument }, none));
        if (resultId) await step('semanticTokensDelta', () => lsp.SemanticTokenProvider!.semanticHighlightDelta(document, { textDocument, previousResultId: resultId! }, none));
        let graphs: ReturnType<ChatflowServices['flow']['FlowGraphBuilder']['buildDocument']> = [];
        await step('flowGraph', () => { graphs = this.services.flow.FlowGraphBuilder.buildDocument(document); });
        await step('simulator', () => playFlows(graphs, random));
    }

    /** Replaces the workspace by `files` and builds it like the language server (validation on). */
    private async load(files: readonly WorkspaceFile[], target: string): Promise<LangiumDocument | undefined> {
        const builder = this.shared.workspace.DocumentBuilder;
        await builder.update([], this.loaded);
        const documents = files.map(file => this.shared.workspace.LangiumDocumentFactory.fromString(file.text, URI.parse(`file:///fuzz/${file.name}`)));
        for (const document of documents) this.shared.workspace.LangiumDocuments.addDocument(document);
        this.loaded = documents.map(document => document.uri);
        await builder.build(documents, { validation: true });
        return documents.find(document => document.uri.path === `/fuzz/${target}`);
    }
}

type Step = (service: string, call: () => unknown) => Promise<void>;

/** A request the server refuses on purpose (e.g. a rename to a taken name) answers the user: not a bug. */
function isRefusal(error: unknown): boolean {
    return error instanceof ResponseError && error.code !== ErrorCodes.InternalError;
}

function exceptionFinding(service: string, error: unknown): Finding {
    const err = error instanceof Error ? error : new Error(String(error));
    return { service, kind: 'exception', message: err.message.split('\n')[0], stack: err.stack };
}

function loggedFindings(service: string, entries: readonly Logged[]): Finding[] {
    return entries.flatMap((entry): Finding[] => {
        if (entry.text.includes('Attempted reference resolution before document reached')) {
            return [{ service, kind: 'early-resolution', message: entry.text.split('\n')[0] }];
        }
        if (entry.level === 'error') return [{ service, kind: 'logged-error', message: entry.text.split('\n')[0], stack: entry.text }];
        return [];
    });
}

/** Random offsets, half of them at line ends (where people type and complete). */
export function randomOffsets(text: string, random: Random): number[] {
    const result: number[] = [];
    for (let i = 0; i < POSITIONS; i++) {
        let offset = random.int(text.length + 1);
        if (random.chance(0.5)) {
            const end = text.indexOf('\n', offset);
            offset = end < 0 ? text.length : end;
        }
        result.push(offset);
    }
    return result;
}

function codeActionParams(textDocument: { uri: string }, diagnostic: Diagnostic) {
    return { textDocument, range: diagnostic.range, context: { diagnostics: [diagnostic] } };
}
