import * as fs from 'node:fs';
import { chatToTest } from '../../analytics/chat-test/chat-to-test.js';
import type { MetricStore } from '../../analytics/metric-store.js';
import type { FlowGraph } from '../../language/flow-model.js';
import type { GeneratedTest } from '../../language/testgen/generated-test.js';
import { applyInsertions, insertionFor, layoutOf, type Insertion } from '../../language/testgen/insert-tests.js';
import { printTests } from '../../language/testgen/print-tests.js';
import { testName, uniqueNames } from '../../language/testgen/test-names.js';
import { parseArgs, type CommandSpec } from '../args.js';
import { displayPath, formatProblem, problemsOf } from '../diagnostics.js';
import { ExitCode, UsageError } from '../errors.js';
import { findChatflowFiles } from '../files.js';
import { TESTS_FROM_LOGS_HELP } from '../help.js';
import { loadWorkspace } from '../workspace.js';
import { openCliStore, storeLocation } from '../store-args.js';
import type { CommandIO } from './io.js';

export const testsFromLogsSpec: CommandSpec = {
    name: 'tests-from-logs',
    options: { db: 'any', flow: 'any', top: 'any', write: 'flag', help: 'flag' }
};

/** Paths looked at per test wanted: some replay the same steps as another, some no longer fit the flow. */
const PATHS_PER_TEST = 4;

/** `chatflow tests-from-logs --db <path> --flow <files,folders> [--top N] [--write]` */
export async function testsFromLogsCommand(argv: readonly string[], io: CommandIO): Promise<number> {
    const { positionals, options } = parseArgs(argv, testsFromLogsSpec);
    if (options.help) {
        io.out(TESTS_FROM_LOGS_HELP);
        return ExitCode.Ok;
    }
    if (typeof options.flow !== 'string') throw new UsageError('tests-from-logs needs --flow with the .chatflow files or folders of the flows, e.g. --flow examples');
    if (positionals.length > 0) throw new UsageError(`tests-from-logs takes no files of its own ('${positionals[0]}'): pass the flows with --flow.`);
    const top = typeof options.top === 'string' ? Number(options.top) : 5;
    if (!Number.isInteger(top) || top < 1) throw new UsageError(`--top takes a whole number of tests per flow, like --top 5, not '${options.top}'.`);
    const location = storeLocation(options, io.cwd);
    const workspace = await loadWorkspace(findChatflowFiles(options.flow.split(',').filter(f => f !== ''), io.cwd));
    const errors = workspace.documents.flatMap(d => problemsOf(d, io.cwd)).filter(p => p.severity === 'error');
    if (errors.length > 0) {
        errors.forEach(problem => io.err(formatProblem(problem)));
        io.err(`the flows have ${errors.length} error${errors.length === 1 ? '' : 's'}: fix them first (chatflow validate lists them).`);
        return ExitCode.Problems;
    }
    const store = await openCliStore(location, 'existing', io.cwd);
    try {
        for (const document of workspace.documents) {
            const file = displayPath(document.uri.fsPath, io.cwd);
            const text = document.textDocument.getText();
            const insertions: Insertion[] = [];
            for (const graph of workspace.services.flow.FlowGraphs.of(document)) {
                const tests = await testsOf(store, graph, top, io);
                if (tests.length === 0) continue;
                const summary = `${graph.flow} (${file}): ${tests.length} test${tests.length === 1 ? '' : 's'} from the most frequent paths of real chats`;
                if (options.write) {
                    insertions.push(insertionFor(text, graph, tests)!);
                    io.out(summary);
                } else {
                    io.out(`// ${summary}`);
                    io.out(printTests(tests, graph, { ...layoutOf(text, graph), eol: '\n' }) + '\n');
                }
            }
            if (options.write && insertions.length > 0) fs.writeFileSync(document.uri.fsPath, applyInsertions(text, insertions));
        }
    } finally {
        await store.close();
    }
    return ExitCode.Ok;
}

/** Tests for the flow's most frequent real paths, each replaying one chat of the path, none repeating an existing test's steps. */
async function testsOf(store: MetricStore, graph: FlowGraph, top: number, io: CommandIO): Promise<GeneratedTest[]> {
    const seen = new Set(graph.tests.map(t => actionsKey(t.from, t.steps)));
    const name = uniqueNames(graph.tests.map(t => t.name));
    const tests: GeneratedTest[] = [];
    for (const frequent of await store.frequentPaths(graph.flow, top * PATHS_PER_TEST)) {
        if (tests.length >= top) break;
        const chats = `${frequent.chats.toLocaleString('en-US')} chat${frequent.chats === 1 ? '' : 's'}`;
        const made = chatToTest(graph, frequent.example, await store.transcript(frequent.example));
        if (!made.ok) {
            io.err(`${graph.flow}: the path of ${chats} (e.g. chat ${frequent.example}) is not a test: ${made.reason}`);
            continue;
        }
        const key = actionsKey(made.test.from, made.test.steps);
        if (seen.has(key)) continue;
        seen.add(key);
        const last = made.test.steps.find(s => s.kind === 'expectBox') as { box: string } | undefined;
        made.test.name = name(testName(graph, made.test.steps, last?.box ?? '', `from logs, ${chats}`));
        tests.push(made.test);
    }
    return tests;
}

/** What a test does (where it starts, its choices, answers and outcomes), to tell tests apart. */
function actionsKey(from: string | undefined, steps: ReadonlyArray<{ kind: string; label?: string; value?: unknown; outcome?: string }>): string {
    return JSON.stringify([from ?? '', ...steps.filter(s => s.kind === 'choose' || s.kind === 'answer' || s.kind === 'outcome').map(s => [s.kind, s.label ?? s.value ?? s.outcome])]);
}
