import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
    CompletionRequest, DefinitionRequest, DiagnosticSeverity, HoverRequest, RenameRequest,
    type CompletionItem, type CompletionList, type Diagnostic, type LocationLink, type Position
} from 'vscode-languageserver-protocol/node.js';
import { DocumentsChangedNotification, FlowGraphRequest, WorkspaceFlowsRequest } from '../../server/protocol.js';
import { copyWorkspace, LspServer, startServer } from './lsp-harness.js';

/** Position of `delta` characters into the first `needle` of `text`. */
function positionOf(text: string, needle: string, delta = 0): Position {
    const offset = text.indexOf(needle);
    assert.ok(offset >= 0, `'${needle}' not in the text`);
    const before = text.substring(0, offset + delta).split('\n');
    return { line: before.length - 1, character: before[before.length - 1].length };
}

const errorsOf = (diagnostics: Diagnostic[]) => diagnostics.filter(d => d.severity === DiagnosticSeverity.Error);
const codeOf = (diagnostic: Diagnostic) => String(diagnostic.code ?? (diagnostic.data as { code?: string } | undefined)?.code ?? '');

describe('language server over stdio (bundled dist/server/main.cjs)', function () {
    this.timeout(30_000);
    let workspace: ReturnType<typeof copyWorkspace>;
    let server: LspServer;
    let clinicUri: string;
    let clinic: string;
    let refillUri: string;
    let commonUri: string;

    before(async () => {
        workspace = copyWorkspace('examples');
        server = await startServer(workspace.dir);
        clinicUri = LspServer.uri(workspace.dir, 'clinic.chatflow');
        refillUri = LspServer.uri(workspace.dir, 'pharmacy-refill.chatflow');
        commonUri = LspServer.uri(workspace.dir, 'pharmacy-common.chatflow');
        clinic = readFileSync(join(workspace.dir, 'clinic.chatflow'), 'utf8');
        // The server indexes the whole folder; it validates (and publishes diagnostics for) open documents.
        for (const [uri, name] of [[clinicUri, 'clinic.chatflow'], [refillUri, 'pharmacy-refill.chatflow'], [commonUri, 'pharmacy-common.chatflow']]) {
            await server.open(uri, readFileSync(join(workspace.dir, name), 'utf8'));
        }
        for (const uri of [clinicUri, refillUri, commonUri]) await server.waitForDiagnostics(uri);
    });

    after(async () => {
        await server?.stop();
        workspace?.remove();
    });

    it('publishes no errors for the example flows', async () => {
        for (const uri of [clinicUri, refillUri, commonUri]) {
            const errors = errorsOf(await server.waitForDiagnostics(uri));
            assert.deepStrictEqual(errors.map(e => `${e.range.start.line + 1}: ${e.message}`), [], uri);
        }
    });

    it('lists the flows of every workspace file from its model, with their labels and files', async () => {
        const flows = await server.connection.sendRequest(WorkspaceFlowsRequest);
        assert.deepStrictEqual(flows.map(f => f.name), ['Clinic', 'Common', 'Dental', 'Refill']);
        assert.strictEqual(flows.find(f => f.name === 'Common')?.uri, commonUri);
        assert.ok(flows.every(f => typeof f.label === 'string' && f.label.length > 0), 'each example flow has a label');
    });

    it('reports an unresolved box name on its line with a code, and clears it after the fix', async () => {
        const broken = clinic.replace('        -> main_menu\n', '        -> main_mneu\n');
        const line = positionOf(broken, '-> main_mneu').line;
        await server.change(clinicUri, broken);
        const diagnostics = await server.waitForDiagnostics(clinicUri, ds => errorsOf(ds).length > 0);
        const error = errorsOf(diagnostics).find(d => d.message.includes('main_mneu'));
        assert.ok(error, `an error naming main_mneu; got ${diagnostics.map(d => d.message).join(' | ')}`);
        assert.strictEqual(error.range.start.line, line);
        assert.match(codeOf(error), /unresolved|linking/);

        await server.change(clinicUri, clinic);
        const fixed = await server.waitForDiagnostics(clinicUri, ds => !ds.some(d => d.message.includes('main_mneu')));
        assert.deepStrictEqual(errorsOf(fixed), []);
    });

    it('completes box names after ->', async () => {
        const text = clinic.replace('        -> main_menu\n', '        -> \n');
        await server.change(clinicUri, text);
        await server.waitForDiagnostics(clinicUri, ds => errorsOf(ds).length > 0); // the box lacks a target
        try {
            const position = positionOf(text, '-> \n', 3);
            const result = await server.request(CompletionRequest.type, { textDocument: { uri: clinicUri }, position });
            const items: CompletionItem[] = Array.isArray(result) ? result : (result as CompletionList).items;
            const labels = items.map(item => item.label);
            for (const box of ['main_menu', 'ask_returning', 'goodbye', 'front_desk']) assert.ok(labels.includes(box), `${box} in ${labels.join(', ')}`);
            assert.ok(!labels.includes('patient_name'), 'variables are not boxes');
        } finally {
            await server.change(clinicUri, clinic);
            await server.waitForDiagnostics(clinicUri, ds => errorsOf(ds).length === 0);
        }
    });

    it('hovers a box with its kind, text and ways in', async () => {
        const hover = await server.request(HoverRequest.type, { textDocument: { uri: clinicUri }, position: positionOf(clinic, '-> ask_returning', 5) });
        assert.ok(hover && typeof hover.contents === 'object' && 'value' in hover.contents, `a Markdown hover, got ${JSON.stringify(hover)}`);
        const value = hover.contents.value;
        assert.ok(value.startsWith('**input** `ask_returning` in flow `Clinic`'), value);
        assert.ok(value.includes('> Have you visited us before?'));
        assert.ok(value.includes('`main_menu` ("Book an appointment")'));
    });

    it('goes to a box defined in another file from Flow.box', async () => {
        const refill = readFileSync(join(workspace.dir, 'pharmacy-refill.chatflow'), 'utf8');
        const result = await server.request(DefinitionRequest.type, { textDocument: { uri: refillUri }, position: positionOf(refill, 'Common.pharmacist', 'Common.'.length + 2) });
        const links = (result ?? []) as LocationLink[];
        assert.strictEqual(links.length, 1);
        assert.strictEqual(links[0].targetUri, commonUri);
        const common = readFileSync(join(workspace.dir, 'pharmacy-common.chatflow'), 'utf8');
        assert.strictEqual(links[0].targetSelectionRange.start.line, positionOf(common, 'handoff pharmacist').line);
    });

    it('renames a box across two files', async () => {
        const common = readFileSync(join(workspace.dir, 'pharmacy-common.chatflow'), 'utf8');
        const edit = await server.request(RenameRequest.type, {
            textDocument: { uri: commonUri }, position: positionOf(common, 'handoff pharmacist', 'handoff '.length + 1), newName: 'on_call_pharmacist'
        });
        assert.ok(edit?.changes, 'a workspace edit');
        assert.deepStrictEqual(Object.keys(edit.changes).sort(), [commonUri, refillUri].sort());
        const refillEdits = edit.changes[refillUri];
        assert.ok(refillEdits.length >= 3, 'every Common.pharmacist in the refill flow');
        assert.ok(refillEdits.every(e => e.newText === 'on_call_pharmacist' && e.range.end.character - e.range.start.character === 'pharmacist'.length),
            'only the box segment of Common.pharmacist changes');
    });

    it('serves the FlowGraph of a document with ids from qualified names', async () => {
        const graph = await server.request(FlowGraphRequest, { uri: clinicUri });
        assert.ok(graph?.flows, `flows of a valid document; errors: ${JSON.stringify(graph?.errors)}`);
        const flow = graph.flows.find(f => f.flow === 'Clinic');
        assert.ok(flow);
        assert.strictEqual(flow.start, 'Clinic.welcome');
        const ids = flow.boxes.map(box => box.id);
        assert.ok(ids.includes('Clinic.ask_returning') && ids.includes('Clinic.goodbye'), ids.join(', '));
        assert.deepStrictEqual(graph.errors, []);
    });

    it('keeps box ids stable across an unrelated edit, and serves only the errors while a document has errors', async () => {
        const before = await server.request(FlowGraphRequest, { uri: clinicUri });
        const reworded = clinic.replace("Hi! I'm the Riverside Family Clinic assistant.", 'Hello and welcome to Riverside Family Clinic!');
        await server.change(clinicUri, reworded);
        await server.waitForDiagnostics(clinicUri, ds => errorsOf(ds).length === 0);
        const after = await server.request(FlowGraphRequest, { uri: clinicUri });
        assert.deepStrictEqual(after?.flows?.[0].boxes.map(b => b.id), before?.flows?.[0].boxes.map(b => b.id));
        assert.strictEqual(after?.flows?.[0].boxes.find(b => b.id === 'Clinic.welcome')?.text, 'Hello and welcome to Riverside Family Clinic!');

        const broken = clinic.replace('        -> main_menu\n', '        -> main_mneu\n');
        await server.change(clinicUri, broken);
        await server.waitForDiagnostics(clinicUri, ds => errorsOf(ds).length > 0);
        const withErrors = await server.request(FlowGraphRequest, { uri: clinicUri });
        assert.ok(withErrors, 'a document with errors still answers');
        assert.strictEqual(withErrors.flows, undefined);
        const error = withErrors.errors.find(e => e.message.includes('main_mneu'));
        assert.ok(error, JSON.stringify(withErrors.errors));
        assert.strictEqual(error.line, positionOf(broken, '-> main_mneu').line);

        await server.change(clinicUri, clinic);
        await server.waitForDiagnostics(clinicUri, ds => errorsOf(ds).length === 0);
    });

    it('notifies which documents changed after an edit', async () => {
        const changed = server.waitForNotification(DocumentsChangedNotification, params => params.uris.includes(clinicUri));
        await server.change(clinicUri, clinic.replace('Take care!', 'Take good care!'));
        const params = await changed;
        assert.ok(params.uris.includes(clinicUri));
        await server.change(clinicUri, clinic);
        await server.waitForDiagnostics(clinicUri, ds => errorsOf(ds).length === 0);
    });
});
