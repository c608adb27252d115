import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import { EmptyFileSystem, TextDocument } from 'langium';
import { parseHelper } from 'langium/test';
import { createChatflowServices } from '../../../language/chatflow-module.js';
import { runFlowTests, uncoveredEdges } from '../../../language/conversation-tests.js';
import { generateTests } from '../../../language/testgen/generate.js';
import { applyInsertions, insertionFor } from '../../../language/testgen/insert-tests.js';
import { graphOf } from '../build-graph.js';
import { loadWorkspace, pharmacyFiles } from '../lsp-workspace.js';

const services = createChatflowServices(EmptyFileSystem).Chatflow;
const clinic = readFileSync('examples/clinic.chatflow', 'utf8');

async function formatted(text: string): Promise<string> {
    const document = await parseHelper(services)(text);
    const edits = await services.lsp.Formatter!.formatDocument(document, { textDocument: { uri: document.uri.toString() }, options: { insertSpaces: true, tabSize: 4 } });
    return TextDocument.applyEdits(document.textDocument, edits);
}

describe('test generation: generateTests', () => {
    it('takes every transition the clinic\'s own tests leave out, with tests that pass', async () => {
        const graph = await graphOf(clinic);
        const before = uncoveredEdges(graph, runFlowTests(graph));
        const generation = generateTests(graph);
        assert.deepStrictEqual(generation.targets, before);
        assert.deepStrictEqual(generation.covered, before);
        assert.deepStrictEqual(generation.untaken, []);
        assert.ok(generation.tests.length <= before.length / 2, `${generation.tests.length} tests for ${before.length} transitions`);
        const text = applyInsertions(clinic, [insertionFor(clinic, graph, generation.tests)!]);
        const after = await graphOf(text);
        const outcomes = runFlowTests(after);
        assert.ok(outcomes.every(o => o.passed), JSON.stringify(outcomes.filter(o => !o.passed).map(o => o.failure)));
        assert.deepStrictEqual(uncoveredEdges(after, outcomes), []);
    });

    it('writes the tests after the flow\'s last test, formatted as the formatter would, and leaves every other byte alone', async () => {
        const graph = await graphOf(clinic);
        const insertion = insertionFor(clinic, graph, generateTests(graph).tests)!;
        const text = applyInsertions(clinic, [insertion]);
        assert.strictEqual(text.slice(0, insertion.offset), clinic.slice(0, insertion.offset));
        assert.strictEqual(text.slice(insertion.offset + insertion.text.length), clinic.slice(insertion.offset));
        assert.ok(clinic.slice(0, insertion.offset).endsWith('expect goal callback_requested\n    }'));
        assert.strictEqual(await formatted(text), text);
        assert.match(insertion.text, /^\n\n {4}test "generated: /);
    });

    it('chooses answers that satisfy the conditions on the way: 17 and 18 around `age < 18`, no for the else of `insured == yes`', async () => {
        const graph = await graphOf(clinic);
        const all = generateTests(graph, { cover: 'all' });
        assert.deepStrictEqual(all.untaken, []);
        const answers = all.tests.flatMap(t => t.steps).filter(s => s.kind === 'answer').map(s => (s as { value: unknown }).value);
        assert.ok(answers.includes(17) && answers.includes(18), JSON.stringify(answers));
        assert.ok(answers.includes(true) && answers.includes(false));
    });

    it('inserts before the closing brace of a flow with no tests, keeping its CRLF line ends and tab indentation', async () => {
        const text = 'flow Tiny {\r\n\tstart ask\r\n\tvar ok: yesno\r\n\tinput ask "Ok?" {\r\n\t\tsave ok\r\n\t\t-> check\r\n\t}\r\n\tcondition check {\r\n\t\twhen ok -> yes_end\r\n\t\telse -> no_end\r\n\t}\r\n\tend yes_end\r\n\tend no_end\r\n}\r\n';
        const graph = await graphOf(text);
        const generation = generateTests(graph);
        assert.strictEqual(generation.tests.length, 2);
        const written = applyInsertions(text, [insertionFor(text, graph, generation.tests)!]);
        assert.ok(!/[^\r]\n/.test(written), 'only CRLF line ends');
        assert.ok(written.endsWith('\tend no_end\r\n\r\n\ttest "generated: -> yes_end" {\r\n\t\tanswer yes\r\n\t\texpect box yes_end\r\n\t\texpect end\r\n\t}\r\n\r\n\ttest "generated: -> no_end" {\r\n\t\tanswer no\r\n\t\texpect box no_end\r\n\t\texpect end\r\n\t}\r\n}\r\n'), JSON.stringify(written.slice(-200)));
    });

    it('reports a transition no chat can take, with the reason, instead of a test', async () => {
        const text = clinic.replace('when age < 18 -> minor_notice', 'when age > 130 -> minor_notice');
        const generation = generateTests(await graphOf(text), { cover: 'all' });
        assert.deepStrictEqual(generation.untaken.map(u => [u.edge, u.infeasible]), [
            ['Clinic.check_age:branch:age > 130', true],
            ['Clinic.minor_notice:next:Clinic.ask_insured', true]
        ]);
        assert.match(generation.untaken[0].reason, /age can only be the answer to ask_age \(a number between 0 and 120\)/);
        assert.strictEqual(generation.untaken[1].reason, 'no chat from the start reaches minor_notice: every way there passes a transition no chat can take');
    });

    it('finds the path-sensitive infeasibility the flow-wide analysis misses: a set on one path, a different one on another', async () => {
        const text = [
            'flow Pick {', '    start menu', '    var kind: text', '    var n: number',
            '    choice menu "?" {', '        "A" -> set_a', '        "B" -> set_b', '    }',
            '    message set_a {', '        set kind = "a"', '        -> ask', '    }',
            '    message set_b {', '        set kind = "b"', '        -> ask', '    }',
            '    input ask "n?" {', '        save n', '        -> check', '    }',
            '    condition check {', '        when kind == "a" and kind == "b" -> odd', '        else -> done', '    }',
            '    end odd', '    end done', '}'
        ].join('\n');
        const generation = generateTests(await graphOf(text));
        assert.deepStrictEqual(generation.untaken.map(u => [u.to, u.infeasible]), [['Pick.odd', true]]);
        assert.strictEqual(generation.covered.length, generation.targets.length - 1);
    });

    it('plays through boxes of other flows and expects them by their qualified name', async () => {
        const workspace = await loadWorkspace(pharmacyFiles());
        const graph = services.flow.FlowGraphBuilder.buildDocument(workspace.document('refill.chatflow'))[0];
        const generation = generateTests(graph);
        assert.deepStrictEqual(generation.untaken, []);
        assert.ok(generation.tests.some(t => t.steps.some(s => s.kind === 'expectBox' && s.box.includes('.') && !s.box.startsWith('Refill.'))));
    });
});

describe('test generation: split experiments', () => {
    it('takes each arm of a split, asking for it before the chat reaches the split, with tests that pass', async () => {
        // The pricing experiment without its tests: the split comes right after the welcome.
        const pricing = readFileSync('test/fixtures/experiments/pricing.chatflow', 'utf8').replace(/\n {4}test "[\s\S]*?\n {4}\}\n/g, '\n');
        const graph = await graphOf(pricing);
        const generation = generateTests(graph);
        assert.deepStrictEqual(generation.untaken, []);
        assert.ok(generation.covered.includes('Offers.pricing:arm:a') && generation.covered.includes('Offers.pricing:arm:b'), generation.covered.join(', '));
        const arms = generation.tests.map(t => t.steps.find(s => s.kind === 'arm'));
        assert.ok(arms.every(step => step !== undefined), 'every test says which arm it takes');
        assert.ok(generation.tests.every(t => t.steps[0].kind === 'arm'), 'the arm first: the chat reaches the split before any action');
        const text = applyInsertions(pricing, [insertionFor(pricing, graph, generation.tests)!]);
        const outcomes = runFlowTests(await graphOf(text));
        assert.ok(outcomes.length === generation.tests.length && outcomes.every(o => o.passed), JSON.stringify(outcomes.map(o => [o.name, o.failure?.message])));
        assert.match(text, /\n {8}arm a\n/);
        assert.match(text, /\n {8}arm b\n/);
    });
});
