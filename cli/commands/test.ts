import { URI, type LangiumDocument } from 'langium';
import { runFlowTests, uncoveredEdges, type TestOutcome } from '../../language/conversation-tests.js';
import type { FlowEdge, FlowGraph, SourceRange } from '../../language/flow-model.js';
import { parseArgs, type CommandSpec } from '../args.js';
import { displayPath, formatProblem, problemsOf } from '../diagnostics.js';
import { ExitCode } from '../errors.js';
import { findChatflowFiles } from '../files.js';
import { TEST_HELP } from '../help.js';
import { loadWorkspace } from '../workspace.js';
import type { CommandIO } from './io.js';

export const testSpec: CommandSpec = {
    name: 'test',
    options: { coverage: 'flag', format: ['text', 'json'], help: 'flag' }
};

/** `chatflow test <files or folders...> [--coverage] [--format text|json]` */
export async function testCommand(argv: readonly string[], io: CommandIO): Promise<number> {
    const { positionals, options } = parseArgs(argv, testSpec);
    if (options.help) {
        io.out(TEST_HELP);
        return ExitCode.Ok;
    }
    const files = findChatflowFiles(positionals, io.cwd);
    const workspace = await loadWorkspace(files);
    const graphs = workspace.services.flow.FlowGraphs;
    const results: Array<{ document: LangiumDocument; graph: FlowGraph; outcomes: TestOutcome[] }> = [];
    let broken = 0;
    for (const document of workspace.documents) {
        const errors = problemsOf(document, io.cwd).filter(p => p.severity === 'error');
        if (errors.length > 0) {
            // A flow with errors cannot be played: say so, and count it as a failure.
            broken++;
            io.err(`${displayPath(document.uri.fsPath, io.cwd)} has errors; its tests were not run:`);
            errors.slice(0, 5).forEach(problem => io.err(`  ${formatProblem(problem)}`));
            continue;
        }
        for (const graph of graphs.of(document)) {
            results.push({ document, graph, outcomes: runFlowTests(graph) });
        }
    }
    const outcomes = results.flatMap(r => r.outcomes);
    const passed = outcomes.filter(o => o.passed).length;
    const failed = outcomes.length - passed + broken;
    const uncovered = options.coverage ? results.flatMap(r => uncoveredOf(r.graph, r.outcomes)) : [];
    if (options.format === 'json') {
        io.out(JSON.stringify({
            passed, failed,
            tests: results.flatMap(r => r.outcomes.map(o => jsonOutcome(o, r.document, io.cwd))),
            uncovered: options.coverage ? uncovered.map(e => ({ ...e, at: location(e.range, io.cwd) })) : undefined
        }, null, 2));
    } else {
        for (const { document, outcomes: flowOutcomes } of results) {
            for (const outcome of flowOutcomes) printOutcome(outcome, document, io);
        }
        if (options.coverage) printCoverage(results.map(r => ({ graph: r.graph, uncovered: uncoveredOf(r.graph, r.outcomes) })), io);
        io.out(`${passed} passed, ${failed} failed`);
    }
    return failed > 0 ? ExitCode.Problems : ExitCode.Ok;
}

function printOutcome(outcome: TestOutcome, document: LangiumDocument, io: CommandIO): void {
    if (outcome.passed) {
        io.out(`  ✔ ${outcome.flow} › ${outcome.name}`);
        return;
    }
    const failure = outcome.failure!;
    io.out(`  ✘ ${outcome.flow} › ${outcome.name}`);
    io.out(`      ${location(failure.range, io.cwd)} step ${failure.step + 1}: ${stepText(document, failure.range)}`);
    io.out(`      ${failure.message}`);
}

function printCoverage(flows: Array<{ graph: FlowGraph; uncovered: FlowEdge[] }>, io: CommandIO): void {
    for (const { graph, uncovered } of flows) {
        const own = graph.edges.filter(e => !graph.boxes.find(b => b.id === e.from)?.external).length;
        io.out(`Coverage of ${graph.flow}: ${own - uncovered.length} of ${own} transitions taken by a test.`);
        for (const edge of uncovered) {
            const label = edge.label && edge.kind !== 'else' ? ` "${edge.label}"` : edge.kind === 'else' ? ' (else)' : '';
            io.out(`  not taken: ${edge.from} -> ${edge.to}${label}  ${location(edge.range, io.cwd)}`);
        }
    }
}

function uncoveredOf(graph: FlowGraph, outcomes: readonly TestOutcome[]): FlowEdge[] {
    const ids = new Set(uncoveredEdges(graph, outcomes));
    return graph.edges.filter(e => ids.has(e.id));
}

function jsonOutcome(outcome: TestOutcome, document: LangiumDocument, cwd: string) {
    return {
        flow: outcome.flow,
        name: outcome.name,
        passed: outcome.passed,
        at: location(outcome.range, cwd),
        failure: outcome.failure && {
            at: location(outcome.failure.range, cwd),
            step: outcome.failure.step + 1,
            text: stepText(document, outcome.failure.range),
            message: outcome.failure.message
        }
    };
}

function stepText(document: LangiumDocument, range: SourceRange): string {
    return document.textDocument.getText({ start: range.start, end: range.end }).trim();
}

/** `file:line:col`, 1-based, relative to the working folder. */
function location(range: SourceRange, cwd: string): string {
    const file = displayPath(URI.parse(range.uri).fsPath, cwd);
    return `${file}:${range.start.line + 1}:${range.start.character + 1}`;
}
