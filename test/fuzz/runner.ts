import { EditorSession, serviceFamily, type Finding, type WorkspaceFile } from './editor-session.js';
import { loadCorpus, type CorpusEntry } from './corpus.js';
import { DEFAULT_OUT, saveFailure, signatureOf, type SavedFailure } from './findings-store.js';
import { mutate, mutationTools } from './mutators.js';
import { mutantSeed, Random } from './random.js';
import { shrink } from './shrink.js';
import { emptySummary, noteTime, type Summary } from './summary.js';

/** Slow documents saved (timing is not shrunk: it depends on the machine's load). */
const MAX_SLOW_SAVED = 5;

export interface RunOptions {
    seed: number;
    count: number;
    /** Where failures go; nothing is written when undefined. */
    out?: string;
    shrink?: boolean;
    /** A session whose services a test has broken on purpose. */
    session?: EditorSession;
    corpus?: CorpusEntry[];
    /** Called every `progressEvery` mutants (the CLI prints the rate). */
    progress?: (summary: Summary) => void;
    progressEvery?: number;
}

/**
 * The in-process fuzzer: mutates the corpus with grammar-aware edits and serves each mutant like an
 * editor (editor-session.ts). Mutant `i` of seed `s` is the same on every machine: replay one with
 * `--seed s --from i --count 1`.
 */
export async function runInProcess(options: RunOptions & { from?: number }): Promise<Summary> {
    const started = performance.now();
    const summary = emptySummary('in-process', options.seed);
    const session = options.session ?? new EditorSession();
    const corpus = options.corpus ?? loadCorpus();
    const tools = mutationTools();
    const out = options.out === undefined ? undefined : options.out || DEFAULT_OUT;
    // One unmeasured document first: the first call of each service compiles it.
    await session.serve([{ name: 'warmup.chatflow', text: corpus[0].text }], 'warmup.chatflow', new Random(0));
    const from = options.from ?? 0;
    for (let index = from; index < from + options.count; index++) {
        const random = new Random(mutantSeed(options.seed, index));
        const entry = random.pick(corpus);
        const { text, mutations } = mutate(entry.text, random, tools);
        const target = entry.path.split('/').pop()!;
        const files: WorkspaceFile[] = [{ name: target, text }, ...entry.siblings];
        const report = await session.serve(files, target, random);
        summary.mutants++;
        const slowBefore = summary.slow;
        noteTime(summary, { source: `${entry.path} ${mutations.join('+')}`, bytes: Buffer.byteLength(text), ms: report.ms, service: report.slowest.service, index });
        if (summary.slow > slowBefore && out !== undefined && summary.slow <= MAX_SLOW_SAVED) {
            const message = `${report.ms.toFixed(0)} ms, most in ${report.slowest.service} (${report.slowest.ms.toFixed(0)} ms)`;
            summary.saved.push(saveFailure(out, summary.saved.length + 1, {
                signature: `slow ${serviceFamily(report.slowest.service)}`, mode: 'in-process', seed: options.seed, index, source: entry.path, mutations,
                service: report.slowest.service, kind: 'slow', message
            }, text, entry.siblings));
        }
        for (const finding of report.findings) {
            count(summary, finding);
            const signature = signatureOf(finding.kind, finding.service, finding.message);
            summary.signatures[signature] = (summary.signatures[signature] ?? 0) + 1;
            if (summary.signatures[signature] > 1 || out === undefined) continue;
            const failure: SavedFailure = {
                signature, mode: 'in-process', seed: options.seed, index, source: entry.path, mutations,
                service: finding.service, kind: finding.kind, message: finding.message, stack: finding.stack, offset: offsetOf(finding)
            };
            const shrunk = options.shrink === false ? undefined : await shrinkFinding(session, failure, text, entry.siblings, target);
            if (shrunk) failure.shrunkOffset = shrunk.offset;
            summary.saved.push(saveFailure(out, summary.saved.length + 1, failure, text, entry.siblings, shrunk?.text));
        }
        if (options.progress && (index - from + 1) % (options.progressEvery ?? 100) === 0) {
            summary.ms = performance.now() - started;
            options.progress(summary);
        }
    }
    summary.ms = performance.now() - started;
    return summary;
}

function count(summary: Summary, finding: Finding): void {
    if (finding.kind === 'exception') summary.exceptions++;
    else if (finding.kind === 'internal-error') summary.internalErrors++;
    else if (finding.kind === 'logged-error') summary.loggedErrors++;
    else summary.earlyResolutions++;
}

function offsetOf(finding: Finding): number | undefined {
    const at = finding.service.split('@')[1];
    return at === undefined ? undefined : Number(at);
}

/** The smallest input that still gives a finding of the same signature from the same service. */
async function shrinkFinding(session: EditorSession, failure: SavedFailure, text: string, siblings: WorkspaceFile[], target: string) {
    const family = serviceFamily(failure.service);
    const only = family === 'build' || family === 'validation' ? undefined : family;
    const reproduces = async (candidate: string, offset: number | undefined, withSiblings: WorkspaceFile[]) => {
        const report = await session.serve([{ name: target, text: candidate }, ...withSiblings], target, new Random(failure.seed), {
            only, offsets: offset === undefined ? undefined : [offset]
        });
        return report.findings.some(f => signatureOf(f.kind, f.service, f.message) === failure.signature);
    };
    // Alone if it fails alone; otherwise its sibling files stay as they are.
    const keep = siblings.length > 0 && !(await reproduces(text, failure.offset, [])) ? siblings : [];
    if (!(await reproduces(text, failure.offset, keep))) return undefined; // depends on the random offsets of other requests
    return shrink(text, failure.offset, (candidate, offset) => reproduces(candidate, offset, keep));
}
