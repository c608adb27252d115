import * as fs from 'node:fs';
import type { LangiumDocument } from 'langium';
import type { FlowGraph } from '../../language/flow-model.js';
import { generateTests, type Generation } from '../../language/testgen/generate.js';
import { applyInsertions, insertionFor, layoutOf, type Insertion } from '../../language/testgen/insert-tests.js';
import { printTests } from '../../language/testgen/print-tests.js';
import { displayPath, formatProblem, problemsOf } from '../diagnostics.js';
import { ExitCode, UsageError } from '../errors.js';
import type { LoadedWorkspace } from '../workspace.js';
import type { CommandIO } from './io.js';
import { describeEdge } from './test-coverage.js';
import { location } from './test-run.js';

interface FlowGeneration { graph: FlowGraph; generation: Generation; ms: number; insertion?: Insertion }

/**
 * `chatflow test --generate [--write] [--format json]`: tests that take the transitions no test
 * takes yet. Printed as test blocks (stdout), or with --write inserted into each flow after its
 * last test. What cannot be taken goes to stderr with the reason; a file with errors is skipped.
 */
export function generateCommand(workspace: LoadedWorkspace, options: { write: boolean; json: boolean }, io: CommandIO): number {
    const graphs = workspace.services.flow.FlowGraphs;
    let broken = 0;
    const all: Array<{ document: LangiumDocument; file: string; flows: FlowGeneration[] }> = [];
    for (const document of workspace.documents) {
        const file = displayPath(document.uri.fsPath, io.cwd);
        const errors = problemsOf(document, io.cwd).filter(p => p.severity === 'error');
        if (errors.length > 0) {
            broken++;
            io.err(`${file} has errors; no tests were generated for it:`);
            errors.slice(0, 5).forEach(problem => io.err(`  ${formatProblem(problem)}`));
            continue;
        }
        const text = document.textDocument.getText();
        const flows = graphs.of(document).map(graph => {
            const started = performance.now();
            const generation = generateTests(graph);
            const ms = performance.now() - started;
            return { graph, generation, ms, insertion: insertionFor(text, graph, generation.tests) };
        });
        all.push({ document, file, flows });
    }
    if (options.write) {
        for (const { document, file, flows } of all) {
            const insertions = flows.flatMap(f => (f.insertion ? [f.insertion] : []));
            if (insertions.length === 0) continue;
            try {
                fs.writeFileSync(document.uri.fsPath, applyInsertions(document.textDocument.getText(), insertions));
            } catch (error) {
                throw new UsageError(`cannot write ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)}). Check that it is writable.`);
            }
        }
    }
    if (options.json) {
        io.out(JSON.stringify({
            written: options.write,
            flows: all.flatMap(({ document, file, flows }) => flows.map(({ graph, generation, ms }) => ({
                flow: graph.flow, file, ms: Math.round(ms),
                targets: generation.targets.length, covered: generation.covered.length,
                tests: generation.tests.map(test => ({ name: test.name, text: printTests([test], graph, layoutOf(document.textDocument.getText(), graph)), edges: test.edges })),
                untaken: generation.untaken.map(u => ({ ...u, at: atOf(graph, u.edge, io.cwd) }))
            })))
        }, null, 2));
    } else {
        for (const { document, file, flows } of all) {
            for (const { graph, generation, ms } of flows) {
                const summary = summaryOf(graph, generation, file, ms);
                if (options.write) io.out(summary);
                else {
                    io.out(`// ${summary}`);
                    if (generation.tests.length > 0) io.out(printTests(generation.tests, graph, { ...layoutOf(document.textDocument.getText(), graph), eol: '\n' }) + '\n');
                }
                for (const untaken of generation.untaken) {
                    const edge = graph.edges.find(e => e.id === untaken.edge)!;
                    const what = untaken.infeasible ? 'no chat can take' : 'no test found for';
                    io.err(`${location(edge.range, io.cwd)} ${graph.flow}: ${what} ${describeEdge(edge)}: ${untaken.reason}`);
                }
            }
        }
    }
    return broken > 0 ? ExitCode.Problems : ExitCode.Ok;
}

function summaryOf(graph: FlowGraph, generation: Generation, file: string, ms: number): string {
    const tests = generation.tests.length;
    const time = `(${Math.round(ms)} ms)`;
    if (generation.targets.length === 0) return `${graph.flow} (${file}): every transition is taken by a test already ${time}`;
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    return `${graph.flow} (${file}): ${plural(tests, 'test')} taking ${generation.covered.length} of the ${plural(generation.targets.length, 'transition')} no test took ${time}`;
}

function atOf(graph: FlowGraph, edgeId: string, cwd: string): string | undefined {
    const edge = graph.edges.find(e => e.id === edgeId);
    return edge && location(edge.range, cwd);
}

export function requireGenerate(options: Record<string, string | true>): void {
    if (options.write && !options.generate) throw new UsageError("--write goes with --generate: 'chatflow test --generate --write <files>' inserts generated tests into the flows.");
}
