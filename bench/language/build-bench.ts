/**
 * One size, one fresh process: parse+link+validate cold (first build in this process), then warm
 * (rebuild after an edit inside a box, as the server does per keystroke: the text document
 * changes and the builder updates it, re-parsing only that box), the same edit with the whole
 * file parsed again, and the peer: parsing alone.
 * Prints one JSON line. Run by bench/language/run.ts.
 */
import { DocumentState, EmptyFileSystem, URI } from 'langium';
import type { NormalizedTextDocuments } from 'langium/lsp';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createChatflowServices } from '../../language/chatflow-module.js';
import { generateFlow, countBoxes } from './generate-flow.js';

const size = Number(process.argv[2] ?? 1000);
const text = generateFlow(size);
const { shared, Chatflow } = createChatflowServices(EmptyFileSystem);
const documents = shared.workspace.LangiumDocuments;
const factory = shared.workspace.LangiumDocumentFactory;
const builder = shared.workspace.DocumentBuilder;
const uri = URI.parse('file:///bench/big.chatflow');

/** Milliseconds from the start of a build to each phase the document reached. */
let phases: Record<string, number> = {};
let phaseStart = 0;
for (const state of [DocumentState.IndexedContent, DocumentState.ComputedScopes, DocumentState.Linked, DocumentState.IndexedReferences, DocumentState.Validated]) {
    builder.onDocumentPhase(state, () => { phases[DocumentState[state]] = performance.now() - phaseStart; });
}

async function buildOnce(source: string): Promise<{ ms: number; cpuMs: number; diagnostics: number }> {
    const cpu = process.cpuUsage();
    const started = performance.now();
    phases = {};
    phaseStart = started;
    if (documents.hasDocument(uri)) documents.deleteDocument(uri);
    const document = factory.fromString(source, uri);
    documents.addDocument(document);
    await builder.build([document], { validation: true });
    const used = process.cpuUsage(cpu);
    return { ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000, diagnostics: document.diagnostics?.length ?? 0 };
}

/** As the server does on a keystroke: the open document's text changes, then the builder updates it. */
const textDocuments = shared.workspace.TextDocuments as NormalizedTextDocuments<TextDocument>;
let textDocument = TextDocument.create(uri.toString(), 'chatflow', 1, text);
async function editOnce(source: string): Promise<{ ms: number; cpuMs: number }> {
    const cpu = process.cpuUsage();
    const started = performance.now();
    phases = {};
    phaseStart = started;
    textDocument = TextDocument.update(textDocument, [{ text: source }], textDocument.version + 1);
    textDocuments.set(textDocument);
    await builder.update([uri], []);
    const used = process.cpuUsage(cpu);
    return { ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
}

const cold = await buildOnce(text);
const coldPhases = phases;
// The peer of the warm figure: the whole file parsed again after the same edit (the way before incremental re-parsing).
const full: number[] = [];
for (let i = 0; i < 7; i++) full.push((await buildOnce(text.replace('We are open 8-6.', `We are open 8-${i}.`))).ms);
textDocuments.set(textDocument);
documents.deleteDocument(uri);
const open = factory.fromTextDocument(textDocument, uri);
documents.addDocument(open);
await builder.build([open], { validation: true });
const warm: number[] = [];
const warmCpu: number[] = [];
for (let i = 0; i < 7; i++) {
    const build = await editOnce(text.replace('We are open 8-6.', `We are open 8-${i}.`));
    warm.push(build.ms);
    warmCpu.push(build.cpuMs);
}
const parse: number[] = [];
for (let i = 0; i < 7; i++) {
    const started = performance.now();
    Chatflow.parser.LangiumParser.parse(text);
    parse.push(performance.now() - started);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(JSON.stringify({
    boxes: countBoxes(text), lines: text.split('\n').length,
    coldMs: cold.ms, warmMs: median(warm), warmFullParseMs: median(full), coldCpuMs: cold.cpuMs, warmCpuMs: median(warmCpu), parseMs: median(parse), diagnostics: cold.diagnostics,
    coldPhases, lastWarmPhases: phases
}));
