import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { LangiumDocument } from 'langium';
import { parseArgs, type CommandSpec } from '../args.js';
import { displayPath } from '../diagnostics.js';
import { ExitCode, UsageError } from '../errors.js';
import { findChatflowFiles } from '../files.js';
import { junitXml } from '../format/junit.js';
import { TEST_HELP } from '../help.js';
import { loadWorkspace } from '../workspace.js';
import type { CommandIO } from './io.js';
import { addTraffic, belowThreshold, coverageJson, coverageOf, parseMinCoverage, printCoverage, type FlowCoverage } from './test-coverage.js';
import { generateCommand, requireGenerate } from './test-generate.js';
import { location, playTests, stepText, type TimedOutcome } from './test-run.js';

export const testSpec: CommandSpec = {
    name: 'test',
    options: {
        coverage: 'flag', format: ['text', 'json'], reporter: ['text', 'junit'], output: 'any', 'min-coverage': 'any', db: 'any',
        generate: 'flag', write: 'flag', help: 'flag'
    }
};

/**
 * `chatflow test <files or folders...> [--coverage [--db file]] [--min-coverage N] [--format text|json]
 * [--reporter junit --output file] | --generate [--write]`
 */
export async function testCommand(argv: readonly string[], io: CommandIO): Promise<number> {
    const { positionals, options } = parseArgs(argv, testSpec);
    if (options.help) {
        io.out(TEST_HELP);
        return ExitCode.Ok;
    }
    requireGenerate(options);
    const minCoverage = typeof options['min-coverage'] === 'string' ? parseMinCoverage(options['min-coverage']) : undefined;
    const junit = options.reporter === 'junit';
    if (options.output !== undefined && !junit) throw new UsageError("--output names the file the JUnit report goes to: add '--reporter junit'.");
    const workspace = await loadWorkspace(findChatflowFiles(positionals, io.cwd));
    if (options.generate) return generateCommand(workspace, { write: options.write === true, json: options.format === 'json' }, io);

    const { flows, broken } = playTests(workspace, io);
    const outcomes = flows.flatMap(r => r.outcomes);
    const passed = outcomes.filter(o => o.passed).length;
    const failed = outcomes.length - passed + broken.length;
    const wantCoverage = options.coverage === true || minCoverage !== undefined || typeof options.db === 'string';
    const coverages: FlowCoverage[] = wantCoverage ? flows.map(coverageOf) : [];
    if (typeof options.db === 'string') await addTraffic(coverages, flows, options.db, io);
    // A JUnit report without --output takes stdout; everything else then goes to stderr.
    const out = junit && options.output === undefined ? io.err : io.out;
    if (junit) {
        const xml = junitXml(flows, broken, new Date(), os.hostname());
        if (typeof options.output === 'string') writeReport(path.resolve(io.cwd, options.output), xml, io);
        else io.out(xml.trimEnd());
    }
    if (options.format === 'json') {
        out(JSON.stringify({
            passed, failed,
            tests: flows.flatMap(r => r.outcomes.map(o => jsonOutcome(o, r.document, io.cwd))),
            uncovered: options.coverage ? coverages.flatMap(c => c.untaken).map(e => ({ ...e, at: location(e.range, io.cwd) })) : undefined,
            coverage: wantCoverage ? coverageJson(coverages, io.cwd) : undefined
        }, null, 2));
    } else {
        for (const run of flows) for (const outcome of run.outcomes) printOutcome(outcome, run.document, io, out);
        if (options.coverage || typeof options.db === 'string') printCoverage(coverages, io, out);
        out(`${passed} passed, ${failed} failed`);
    }
    const below = minCoverage === undefined ? [] : belowThreshold(coverages, minCoverage, io);
    return failed > 0 || below.length > 0 ? ExitCode.Problems : ExitCode.Ok;
}

function printOutcome(outcome: TimedOutcome, document: LangiumDocument, io: CommandIO, out: (line: string) => void): void {
    if (outcome.passed) {
        out(`  ✔ ${outcome.flow} › ${outcome.name}`);
        return;
    }
    const failure = outcome.failure!;
    out(`  ✘ ${outcome.flow} › ${outcome.name}`);
    out(`      ${location(failure.range, io.cwd)} step ${failure.step + 1}: ${stepText(document, failure.range)}`);
    out(`      ${failure.message}`);
}

function jsonOutcome(outcome: TimedOutcome, document: LangiumDocument, cwd: string) {
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

function writeReport(file: string, xml: string, io: CommandIO): void {
    try {
        fs.writeFileSync(file, xml);
    } catch (error) {
        throw new UsageError(`cannot write ${displayPath(file, io.cwd)} (${(error as NodeJS.ErrnoException).code ?? String(error)}). Check that its folder exists and is writable.`);
    }
    io.err(`wrote ${displayPath(file, io.cwd)}`);
}
