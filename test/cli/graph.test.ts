import * as assert from 'node:assert';
import type { FlowGraph } from '../../language/flow-model.js';
import { ensureCliBuilt, runCli } from './run-cli.js';

describe('chatflow graph', () => {
    before(function () {
        this.timeout(120_000);
        ensureCliBuilt();
    });

    it('prints the FlowGraph of the dental example as JSON', () => {
        const result = runCli('graph', 'examples/dental.chatflow');
        assert.strictEqual(result.status, 0, result.stderr);
        const graphs = JSON.parse(result.stdout) as FlowGraph[];
        assert.deepStrictEqual(graphs.map(g => g.flow), ['Dental']);
        const [dental] = graphs;
        assert.strictEqual(dental.start, 'Dental.welcome');
        assert.strictEqual(dental.boxes.length, 20);
        const choice = dental.edges.find(e => e.from === 'Dental.main_menu' && e.to === 'Dental.whitening_info');
        assert.strictEqual(choice?.label, 'Teeth whitening');
    });

    it('resolves references into sibling files and marks those boxes external', () => {
        const result = runCli('graph', 'examples/pharmacy-refill.chatflow', '--format', 'json');
        assert.strictEqual(result.status, 0, result.stderr);
        const [refill] = JSON.parse(result.stdout) as FlowGraph[];
        const pharmacist = refill.boxes.find(b => b.id === 'Common.pharmacist');
        assert.strictEqual(pharmacist?.external, true);
        assert.strictEqual(pharmacist?.kind, 'handoff');
        assert.ok(refill.edges.some(e => e.from === 'Common.check_identity' && e.to === 'Refill.ask_rx_number' && e.label === 'verified'));
    });

    it('draws DOT with a shape per box kind, labelled edges and goal marks', () => {
        const result = runCli('graph', 'examples/clinic.chatflow', '--format', 'dot');
        assert.strictEqual(result.status, 0, result.stderr);
        const dot = result.stdout;
        assert.match(dot, /^digraph "Clinic" \{/);
        assert.match(dot, /"Clinic\.check_age" \[shape=diamond, label="check_age"\]/);
        assert.match(dot, /"Clinic\.main_menu" \[shape=hexagon, /);
        assert.match(dot, /"Clinic\.ask_name" \[shape=parallelogram, /);
        assert.match(dot, /"Clinic\.front_desk" \[shape=house, /);
        assert.match(dot, /"Clinic\.confirmed" \[[^\]]*★ appointment[^\]]*penwidth=2/);
        assert.match(dot, /"Clinic\.main_menu" -> "Clinic\.hours" \[label="Opening hours and address"\];/);
        assert.match(dot, /"Clinic\.check_age" -> "Clinic\.minor_notice" \[label="age < 18"\];/);
        assert.match(dot, /"Clinic\.book_slot" -> "Clinic\.slot_full" \[label="full"\];/);
        assert.match(dot, /"__start_0" -> "Clinic\.welcome";/);
        assert.match(dot, /\}\n?$/);
    });

    it('draws Mermaid with boxes, labelled edges and the other file\'s boxes in their own subgraph', () => {
        const result = runCli('graph', 'examples/pharmacy-refill.chatflow', '--flow', 'Refill', '--format', 'mermaid');
        assert.strictEqual(result.status, 0, result.stderr);
        const mermaid = result.stdout;
        assert.match(mermaid, /^flowchart TD\n/);
        assert.match(mermaid, /subgraph flow_Common\["Common"\]/);
        assert.match(mermaid, /Refill__check_delivery\{"check_delivery"\}/);
        assert.match(mermaid, /Refill__main_menu -->\|"Refill a prescription"\| Common__ask_dob/);
        assert.match(mermaid, /Refill__check_delivery -.->\|"else"\| Refill__pickup_confirmed/);
        assert.match(mermaid, /Common__check_identity -->\|"verified"\| Refill__ask_rx_number/);
        assert.match(mermaid, /class [^\n]*Refill__delivery_confirmed[^\n]* goal;/);
        assert.match(mermaid, /class [^\n]*Common__pharmacist[^\n]* external;/);
    });

    it('escapes characters Mermaid would misread in labels', () => {
        const result = runCli('graph', 'examples/clinic.chatflow', '--format', 'mermaid');
        assert.match(result.stdout, /Clinic__check_age -->\|"age #lt; 18"\| Clinic__minor_notice/);
    });

    it('prints the errors instead of a graph and exits 1 when the file has errors', () => {
        const result = runCli('graph', 'test/fixtures/cli/graph-errors/duplicate.chatflow', '--format', 'dot');
        assert.strictEqual(result.status, 1);
        assert.strictEqual(result.stdout, '');
        assert.match(result.stderr, /^test\/fixtures\/cli\/graph-errors\/duplicate\.chatflow:10:13 error duplicate-box /m);
    });

    it('exits 2 and lists the flows when --flow names none of them', () => {
        const result = runCli('graph', 'examples/pharmacy-refill.chatflow', '--flow', 'Refil');
        assert.strictEqual(result.status, 2);
        assert.match(result.stderr, /has no flow 'Refil'\. Its flows: Refill\./);
    });

    it('exits 2 naming a missing file', () => {
        const result = runCli('graph', 'examples/dentist.chatflow');
        assert.strictEqual(result.status, 2);
        assert.match(result.stderr, /'examples\/dentist\.chatflow' does not exist/);
    });
});
