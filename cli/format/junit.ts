import type { BrokenFile, FlowRun } from '../commands/test-run.js';
import { stepText } from '../commands/test-run.js';

/**
 * The run as JUnit XML, the format GitHub (test reporter actions), GitLab (artifacts:reports:junit)
 * and Jenkins (junit step) read: <testsuites> with one <testsuite> per flow, one <testcase> per
 * test (name, classname = the flow, file and line of the test block, time), a <failure> naming the
 * failing step. A file whose errors kept its tests from running is a suite with one <error>.
 */
export function junitXml(flows: readonly FlowRun[], broken: readonly BrokenFile[], now = new Date(), hostname = 'localhost'): string {
    const timestamp = now.toISOString().slice(0, 19);
    const suites: string[] = [];
    let tests = 0, failures = 0, errors = 0, total = 0;
    for (const run of flows) {
        const failed = run.outcomes.filter(o => !o.passed).length;
        const time = run.outcomes.reduce((sum, o) => sum + o.ms, 0) / 1000;
        tests += run.outcomes.length;
        failures += failed;
        total += time;
        const cases = run.outcomes.map(outcome => {
            const attributes = attrs({
                name: outcome.name, classname: run.graph.flow, file: run.file, line: outcome.range.start.line + 1, time: seconds(outcome.ms / 1000)
            });
            if (outcome.passed) return `    <testcase ${attributes}/>`;
            const failure = outcome.failure!;
            const step = stepText(run.document, failure.range);
            const at = `${run.file}:${failure.range.start.line + 1}:${failure.range.start.character + 1}`;
            return [
                `    <testcase ${attributes}>`,
                `      <failure ${attrs({ message: `step ${failure.step + 1}: ${step}: ${failure.message}`, type: 'AssertionError' })}>${text(`${at} step ${failure.step + 1}: ${step}\n${failure.message}`)}</failure>`,
                '    </testcase>'
            ].join('\n');
        });
        suites.push(suite({ name: run.graph.flow, tests: run.outcomes.length, failures: failed, errors: 0, skipped: 0, time: seconds(time), timestamp, hostname, file: run.file }, cases));
    }
    for (const file of broken) {
        tests += 1;
        errors += 1;
        const message = `${file.file} has errors; its tests were not run`;
        const detail = file.errors.map(e => `${e.file}:${e.line}:${e.column} ${e.code} ${e.message}`).join('\n');
        const testcase = [
            `    <testcase ${attrs({ name: 'the file builds without errors', classname: file.file, file: file.file, time: seconds(0) })}>`,
            `      <error ${attrs({ message, type: 'FlowError' })}>${text(detail)}</error>`,
            '    </testcase>'
        ].join('\n');
        suites.push(suite({ name: file.file, tests: 1, failures: 0, errors: 1, skipped: 0, time: seconds(0), timestamp, hostname, file: file.file }, [testcase]));
    }
    return [
        '<?xml version="1.0" encoding="UTF-8"?>',
        `<testsuites ${attrs({ name: 'chatflow test', tests, failures, errors, time: seconds(total) })}>`,
        ...suites,
        '</testsuites>',
        ''
    ].join('\n');
}

function suite(attributes: Record<string, string | number>, cases: string[]): string {
    return cases.length === 0 ? `  <testsuite ${attrs(attributes)}/>` : [`  <testsuite ${attrs(attributes)}>`, ...cases, '  </testsuite>'].join('\n');
}

function attrs(values: Record<string, string | number>): string {
    return Object.entries(values).map(([name, value]) => `${name}="${escape(String(value), true)}"`).join(' ');
}

function text(value: string): string {
    return escape(value, false);
}

/** XML escaping; characters XML 1.0 cannot hold at all (most control characters) become U+FFFD. */
function escape(value: string, attribute: boolean): string {
    const cleaned = value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '\uFFFD');
    const escaped = cleaned.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    // In attributes, line ends and tabs would be normalised to spaces by the reader: keep them.
    return attribute ? escaped.replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;') : escaped;
}

function seconds(value: number): string {
    return value.toFixed(3);
}
