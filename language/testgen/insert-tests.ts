import type { FlowGraph, Position } from '../flow-model.js';
import type { GeneratedTest } from './generated-test.js';
import { printTests, type Layout } from './print-tests.js';

/** Where generated tests go in a file's text, and the text that goes there. */
export interface Insertion {
    offset: number;
    text: string;
}

/**
 * Inserts `blocks` (printed test blocks) into a flow: after its last `test`, or, when it has
 * none, on a line of its own before the flow's closing brace. Only text is added; the rest of
 * the file stays byte for byte as it was.
 */
export function testInsertion(text: string, graph: FlowGraph, blocks: string, layout: Layout): Insertion {
    const { eol } = layout;
    const lastTest = graph.tests.at(-1);
    if (lastTest) return { offset: offsetAt(text, lastTest.range.end), text: eol + eol + blocks };
    const end = offsetAt(text, graph.range.end);
    const brace = text.lastIndexOf('}', end - 1);
    const lineStart = Math.max(text.lastIndexOf('\n', brace - 1) + 1, 0);
    if (text.slice(lineStart, brace).trim() === '') {
        // `}` alone on its line: the tests go on lines before it, after a blank line.
        const previous = text.slice(0, lineStart).trimEnd();
        const blank = previous.endsWith('{') ? '' : eol;
        return { offset: lineStart, text: blank + blocks + eol };
    }
    return { offset: brace, text: eol + blocks + eol };
}

/** The file's layout: its line ends, and the indentation of the flow's first member line. */
export function layoutOf(text: string, graph: FlowGraph): Layout {
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const lines = text.split(/\r?\n/);
    for (let line = graph.range.start.line + 1; line < Math.min(lines.length, graph.range.end.line); line++) {
        const match = /^([ \t]+)\S/.exec(lines[line]);
        if (match && !lines[line].trimStart().startsWith('//')) return { indent: match[1], eol };
    }
    return { indent: '    ', eol };
}

/** Applies insertions to a text, last first so earlier offsets stay valid. */
export function applyInsertions(text: string, insertions: readonly Insertion[]): string {
    let result = text;
    for (const insertion of [...insertions].sort((a, b) => b.offset - a.offset)) {
        result = result.slice(0, insertion.offset) + insertion.text + result.slice(insertion.offset);
    }
    return result;
}

/** The offset of an LSP position (UTF-16 code units, lines split at \n, \r\n or \r). */
export function offsetAt(text: string, position: Position): number {
    const lineEnd = /\r\n|\r|\n/g;
    let offset = 0;
    for (let line = 0; line < position.line; line++) {
        lineEnd.lastIndex = offset;
        const found = lineEnd.exec(text);
        if (!found) return text.length;
        offset = found.index + found[0].length;
    }
    return Math.min(offset + position.character, text.length);
}

/** The insertion that adds these tests to the flow, laid out like the file; none for no tests. */
export function insertionFor(text: string, graph: FlowGraph, tests: readonly GeneratedTest[]): Insertion | undefined {
    if (tests.length === 0) return undefined;
    const layout = layoutOf(text, graph);
    return testInsertion(text, graph, printTests(tests, graph, layout), layout);
}
