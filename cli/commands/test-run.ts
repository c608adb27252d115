import { URI, type LangiumDocument } from 'langium';
import { runTest, type TestOutcome } from '../../language/conversation-tests.js';
import type { FlowGraph, SourceRange } from '../../language/flow-model.js';
import { Simulator } from '../../language/simulator.js';
import { displayPath, formatProblem, problemsOf, type Problem } from '../diagnostics.js';
import type { LoadedWorkspace } from '../workspace.js';
import type { CommandIO } from './io.js';

/** A test played, with how long it took. */
export interface TimedOutcome extends TestOutcome { ms: number }

export interface FlowRun {
    document: LangiumDocument;
    /** The file, relative to the working folder. */
    file: string;
    graph: FlowGraph;
    outcomes: TimedOutcome[];
}

/** A file whose errors keep its tests from being played: a failure of the run. */
export interface BrokenFile { file: string; errors: Problem[] }

/**
 * Plays every test of the workspace's flows. A file with errors is not played: it is listed
 * (its first errors go to stderr) and counts as a failure.
 */
export function playTests(workspace: LoadedWorkspace, io: CommandIO): { flows: FlowRun[]; broken: BrokenFile[] } {
    const graphs = workspace.services.flow.FlowGraphs;
    const flows: FlowRun[] = [];
    const broken: BrokenFile[] = [];
    for (const document of workspace.documents) {
        const file = displayPath(document.uri.fsPath, io.cwd);
        const errors = problemsOf(document, io.cwd).filter(p => p.severity === 'error');
        if (errors.length > 0) {
            broken.push({ file, errors });
            io.err(`${file} has errors; its tests were not run:`);
            errors.slice(0, 5).forEach(problem => io.err(`  ${formatProblem(problem)}`));
            continue;
        }
        for (const graph of graphs.of(document)) {
            const simulator = new Simulator(graph);
            const outcomes = graph.tests.map(test => {
                const started = performance.now();
                const outcome = runTest(simulator, test);
                return { ...outcome, ms: performance.now() - started };
            });
            flows.push({ document, file, graph, outcomes });
        }
    }
    return { flows, broken };
}

/** The text of a test step, as written. */
export function stepText(document: LangiumDocument, range: SourceRange): string {
    return document.textDocument.getText({ start: range.start, end: range.end }).trim();
}

/** `file:line:col`, 1-based, relative to the working folder. */
export function location(range: SourceRange, cwd: string): string {
    const file = displayPath(URI.parse(range.uri).fsPath, cwd);
    return `${file}:${range.start.line + 1}:${range.start.character + 1}`;
}
