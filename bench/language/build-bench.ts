/**
 * One size, one fresh process: parse+link+validate cold (first build in this process), then warm
 * (rebuild after an edit, as the server does per keystroke), and the peer: parsing alone.
 * Prints one JSON line. Run by bench/language/run.ts.
 */
import { DocumentState, EmptyFileSystem, URI } from 'langium';
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

const cold = await buildOnce(text);
const coldPhases = phases;
const warm: number[] = [];
const warmCpu: number[] = [];
for (let i = 0; i < 7; i++) {
    const build = await buildOnce(text.replace('We are open 8-6.', `We are open 8-${i}.`));
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
    coldMs: cold.ms, warmMs: median(warm), coldCpuMs: cold.cpuMs, warmCpuMs: median(warmCpu), parseMs: median(parse), diagnostics: cold.diagnostics,
    coldPhases, lastWarmPhases: phases
}));
