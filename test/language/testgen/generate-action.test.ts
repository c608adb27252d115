import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import { TextDocument } from 'langium';
import type { CodeAction } from 'vscode-languageserver';
import { runFlowTests, uncoveredEdges } from '../../../language/conversation-tests.js';
import { GENERATE_TESTS_TITLE } from '../../../language/testgen/generate-action.js';
import { services, validate, type Doc } from '../validation/validate.js';
import { graphOf } from '../build-graph.js';

const clinic = readFileSync('examples/clinic.chatflow', 'utf8');

async function actionsAt(document: Doc, line: number, character = 0, only?: string[]): Promise<CodeAction[]> {
    const position = { line, character };
    const actions = await services.lsp.CodeActionProvider!.getCodeActions(document, {
        textDocument: { uri: document.textDocument.uri },
        range: { start: position, end: position },
        context: { diagnostics: [], ...(only ? { only } : {}) }
    });
    return (actions ?? []) as CodeAction[];
}

describe('code action: generate tests for untested transitions', () => {
    it('is offered on the flow\'s first line and inserts tests that take every untested transition', async () => {
        const document = await validate(clinic, 'clinic.chatflow');
        const flowLine = clinic.split('\n').findIndex(l => l.startsWith('flow Clinic'));
        const action = (await actionsAt(document, flowLine, 5)).find(a => a.title === GENERATE_TESTS_TITLE);
        assert.ok(action, 'offered on the flow line');
        assert.strictEqual(action.kind, 'refactor');
        const edits = action.edit!.changes![document.textDocument.uri];
        assert.strictEqual(edits.length, 1);
        const written = TextDocument.applyEdits(document.textDocument, edits);
        const graph = await graphOf(written);
        const outcomes = runFlowTests(graph);
        assert.ok(outcomes.every(o => o.passed));
        assert.deepStrictEqual(uncoveredEdges(graph, outcomes), []);
    });

    it('is offered inside a test block, but not in the middle of a box or when only quick fixes are asked for', async () => {
        const document = await validate(clinic, 'clinic.chatflow');
        const lines = clinic.split('\n');
        const inTest = lines.findIndex(l => l.includes('answer "Jane Doe"'));
        const inBox = lines.findIndex(l => l.includes('save patient_name'));
        assert.ok((await actionsAt(document, inTest, 9)).some(a => a.title === GENERATE_TESTS_TITLE));
        assert.ok(!(await actionsAt(document, inBox, 9)).some(a => a.title === GENERATE_TESTS_TITLE));
        assert.ok(!(await actionsAt(document, inTest, 9, ['quickfix'])).some(a => a.title === GENERATE_TESTS_TITLE));
    });

    it('is not offered when every transition is tested, or while the document has errors', async () => {
        const document = await validate(clinic, 'clinic.chatflow');
        const flowLine = clinic.split('\n').findIndex(l => l.startsWith('flow Clinic'));
        const action = (await actionsAt(document, flowLine)).find(a => a.title === GENERATE_TESTS_TITLE)!;
        const complete = await validate(TextDocument.applyEdits(document.textDocument, action.edit!.changes![document.textDocument.uri]), 'clinic.chatflow');
        assert.ok(!(await actionsAt(complete, flowLine)).some(a => a.title === GENERATE_TESTS_TITLE));
        const broken = await validate(clinic.replace('-> main_menu', '-> main_menuu'), 'clinic.chatflow');
        assert.ok(!(await actionsAt(broken, flowLine)).some(a => a.title === GENERATE_TESTS_TITLE));
    });
});
