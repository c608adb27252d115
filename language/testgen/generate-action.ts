import { AstUtils, type LangiumDocument } from 'langium';
import { CodeActionKind, DiagnosticSeverity, type CodeAction, type Range } from 'vscode-languageserver';
import { isFlow, isTestCase, type Flow } from '../generated/ast.js';
import type { FlowGraphCache } from '../flow-graph-cache.js';
import { generateTests } from './generate.js';
import { insertionFor } from './insert-tests.js';

export const GENERATE_TESTS_TITLE = 'Generate tests for untested transitions';

/** The last answers, per document: the lightbulb asks on every cursor move, generating takes a while. */
const cache = new WeakMap<LangiumDocument, { version: number; flow: Flow; action: CodeAction | undefined }>();

/**
 * "Generate tests for untested transitions" on a flow: offered where one thinks about a flow's
 * tests, on the flow's first line (`flow Name {`) and on its test blocks, when the document has
 * no errors and the generator finds tests to add. The edit inserts them after the flow's last test.
 */
export function generateTestsAction(document: LangiumDocument, range: Range, graphs: FlowGraphCache): CodeAction | undefined {
    const flow = flowAt(document, range);
    if (!flow || (document.diagnostics ?? []).some(d => d.severity === DiagnosticSeverity.Error)) return undefined;
    const cached = cache.get(document);
    if (cached && cached.version === document.textDocument.version && cached.flow === flow) return cached.action;
    const text = document.textDocument.getText();
    const graph = graphs.of(document).find(g => g.flow === flow.name);
    if (!graph) return undefined;
    const generation = generateTests(graph);
    const insertion = insertionFor(text, graph, generation.tests);
    const position = insertion && document.textDocument.positionAt(insertion.offset);
    const action: CodeAction | undefined = insertion && position && {
        title: GENERATE_TESTS_TITLE,
        kind: CodeActionKind.Refactor,
        edit: { changes: { [document.textDocument.uri]: [{ range: { start: position, end: position }, newText: insertion.text }] } }
    };
    cache.set(document, { version: document.textDocument.version, flow, action });
    return action;
}

function flowAt(document: LangiumDocument, range: Range): Flow | undefined {
    const root = document.parseResult.value;
    const offset = document.textDocument.offsetAt(range.start);
    for (const node of AstUtils.streamAst(root)) {
        if (isFlow(node) && node.$cstNode) {
            const start = node.$cstNode.range.start.line;
            if (range.start.line === start) return node;
        }
        if (isTestCase(node) && node.$cstNode && node.$cstNode.offset <= offset && offset <= node.$cstNode.end) {
            return AstUtils.getContainerOfType(node, isFlow);
        }
    }
    return undefined;
}
