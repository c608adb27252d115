import * as assert from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { EmptyFileSystem } from 'langium';
import { parseHelper } from 'langium/test';
import { createChatflowServices } from '../../language/chatflow-module.js';
import { Simulator } from '../../language/simulator.js';
import { loadCorpus } from '../fuzz/corpus.js';
import { mutate, mutationTools } from '../fuzz/mutators.js';
import { Random } from '../fuzz/random.js';

const services = createChatflowServices(EmptyFileSystem).Chatflow;
const parse = parseHelper(services);
const graphsOf = async (text: string) => services.flow.FlowGraphBuilder.buildDocument(await parse(text));

/**
 * The analytics requests, the code lens and the CLI build FlowGraphs of documents with errors too.
 * The builder must be total over whatever partial AST Langium's error recovery makes.
 */
describe('FlowGraph of partly parsed documents', () => {
    it('builds the fuzzer\'s minimal inputs (start without box, expect alone, track and when without parts)', async () => {
        for (const name of readdirSync('test/fixtures/fuzz').filter(n => n.endsWith('.chatflow'))) {
            await assert.doesNotReject(graphsOf(readFileSync(`test/fixtures/fuzz/${name}`, 'utf8')), name);
        }
    });

    it('keeps the boxes of a flow whose start has no box, with no start', async () => {
        const [graph] = await graphsOf('flow F {\n    start\n    message hello "Hi" { -> bye }\n    end bye\n}\n');
        assert.deepStrictEqual(graph.boxes.map(b => b.id), ['F.hello', 'F.bye']);
        assert.strictEqual(graph.start, undefined);
        assert.deepStrictEqual(graph.edges.map(e => `${e.from}->${e.to}`), ['F.hello->F.bye']);
    });

    it('leaves out test steps the parser could not complete and keeps the others', async () => {
        const [graph] = await graphsOf('flow F {\n    end bye\n    test "t" { choose "A" expect }\n}\n');
        assert.deepStrictEqual(graph.tests[0].steps.map(s => s.kind), ['choose']);
    });

    it('never takes a branch whose condition is incomplete (`when s and`): the else is taken', async () => {
        const [graph] = await graphsOf('flow F {\n    var s: yesno = yes\n    start c\n    condition c { when s and -> a\n else -> b }\n    end a\n    end b\n}\n');
        const state = new Simulator(graph).start();
        assert.strictEqual(state.current, 'F.b');
    });

    it('builds every mutant of the fuzz corpus without throwing (seeded property test)', async () => {
        const corpus = loadCorpus();
        const tools = mutationTools();
        const failures: string[] = [];
        for (let i = 0; i < 150; i++) {
            const random = new Random(1000 + i);
            const entry = random.pick(corpus);
            const { text, mutations } = mutate(entry.text, random, tools);
            try {
                await graphsOf(text);
            } catch (error) {
                failures.push(`mutant ${i} of ${entry.path} (${mutations.join('+')}): ${(error as Error).message}`);
            }
        }
        assert.deepStrictEqual(failures, []);
    });

    it('builds every prefix of the clinic example without throwing', async () => {
        const clinic = readFileSync('examples/clinic.chatflow', 'utf8');
        for (let end = 0; end <= clinic.length; end += 37) {
            await assert.doesNotReject(graphsOf(clinic.slice(0, end)), `prefix of ${end} characters`);
        }
    });
});
