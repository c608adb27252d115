import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import { EmptyFileSystem, URI } from 'langium';
import { createChatflowServices } from '../../language/chatflow-module.js';
import type { ChatflowDocument } from '../../language/generated/ast.js';
import type { BoxKind, FlowGraph } from '../../language/flow-model.js';
import { runFlowTests } from '../../language/conversation-tests.js';

/** Builds the given files together in one in-memory workspace and returns the graphs of each file. */
async function buildGraphs(files: Record<string, string>): Promise<Map<string, FlowGraph[]>> {
    const { shared, Chatflow } = createChatflowServices(EmptyFileSystem);
    const documents = Object.entries(files).map(([name, text]) => {
        const document = shared.workspace.LangiumDocumentFactory.fromString<ChatflowDocument>(text, URI.parse(`file:///workspace/${name}`));
        shared.workspace.LangiumDocuments.addDocument(document);
        return [name, document] as const;
    });
    await shared.workspace.DocumentBuilder.build(documents.map(([, d]) => d), { validation: true });
    for (const [name, document] of documents) {
        const errors = (document.diagnostics ?? []).filter(d => d.severity === 1);
        assert.deepStrictEqual(errors.map(e => `${name}:${e.range.start.line + 1} ${e.message}`), [], `${name} should build without errors`);
    }
    return new Map(documents.map(([name, document]) => [name, Chatflow.flow.FlowGraphBuilder.buildDocument(document)]));
}

async function graphOf(files: Record<string, string>, file: string, flow: string): Promise<FlowGraph> {
    const graph = (await buildGraphs(files)).get(file)?.find(g => g.flow === flow);
    assert.ok(graph, `no flow ${flow} in ${file}`);
    return graph;
}

const example = (file: string): string => readFileSync(`examples/${file}`, 'utf8');
const pharmacy = (): Record<string, string> => ({
    'pharmacy-refill.chatflow': example('pharmacy-refill.chatflow'),
    'pharmacy-common.chatflow': example('pharmacy-common.chatflow')
});

function kindCounts(graph: FlowGraph, external = false): Partial<Record<BoxKind, number>> {
    const counts: Partial<Record<BoxKind, number>> = {};
    for (const box of graph.boxes.filter(b => (b.external ?? false) === external)) counts[box.kind] = (counts[box.kind] ?? 0) + 1;
    return counts;
}

function edge(graph: FlowGraph, from: string, to: string) {
    const found = graph.edges.filter(e => e.from === from && e.to === to);
    assert.strictEqual(found.length, 1, `expected one edge ${from} -> ${to}, found ${found.length}`);
    return found[0];
}

/** Every id of a graph: boxes and edges. */
function ids(graph: FlowGraph): string[] {
    return [...graph.boxes.map(b => b.id), ...graph.edges.map(e => e.id)].sort();
}

describe('FlowGraph of the dental example', () => {
    let dental: FlowGraph;
    before(async () => {
        dental = await graphOf({ 'dental.chatflow': example('dental.chatflow') }, 'dental.chatflow', 'Dental');
    });

    it('has its 20 boxes by kind, a start, and no external boxes', () => {
        assert.strictEqual(dental.boxes.length, 20);
        assert.deepStrictEqual(kindCounts(dental), { message: 8, choice: 3, input: 4, condition: 1, action: 2, handoff: 1, end: 1 });
        assert.strictEqual(dental.start, 'Dental.welcome');
        assert.strictEqual(dental.label, 'BrightSmile Dental lead capture');
        assert.ok(dental.boxes.every(b => b.id === `Dental.${b.name}` && !b.external));
    });

    it('labels choice edges with the button text and outcome edges with the outcome', () => {
        const menu = dental.edges.filter(e => e.from === 'Dental.main_menu');
        assert.deepStrictEqual(menu.map(e => [e.kind, e.label, e.to]), [
            ['choice', 'New patient special', 'Dental.new_patient_offer'],
            ['choice', 'Teeth whitening', 'Dental.whitening_info'],
            ['choice', 'Dental implants', 'Dental.implant_info'],
            ['choice', 'Insurance questions', 'Dental.ask_insured'],
            ['choice', 'Talk to our team', 'Dental.front_desk']
        ]);
        assert.deepStrictEqual(dental.edges.filter(e => e.from === 'Dental.save_lead').map(e => [e.kind, e.label, e.to]), [
            ['outcome', 'created', 'Dental.lead_thanks'],
            ['outcome', 'duplicate', 'Dental.lead_thanks'],
            ['outcome', 'error', 'Dental.front_desk']
        ]);
        assert.strictEqual(edge(dental, 'Dental.welcome', 'Dental.main_menu').kind, 'next');
    });

    it('keeps the condition as written and as a tree of and / not / contains', () => {
        const branch = edge(dental, 'Dental.check_coverage', 'Dental.insurance_accepted');
        assert.strictEqual(branch.kind, 'branch');
        assert.strictEqual(branch.label, 'insured == yes and not (interest contains "whitening")');
        assert.deepStrictEqual(branch.condition, {
            op: 'and',
            left: { op: 'compare', variable: 'insured', operator: '==', value: true },
            right: { op: 'not', operand: { op: 'compare', variable: 'interest', operator: 'contains', value: 'whitening' } }
        });
        const otherwise = edge(dental, 'Dental.check_coverage', 'Dental.membership_plan');
        assert.deepStrictEqual([otherwise.kind, otherwise.label], ['else', 'else']);
    });

    it('marks the goals on the boxes that reach them', () => {
        assert.deepStrictEqual(dental.goals.map(g => [g.name, g.label]), [
            ['lead_captured', 'Lead captured'], ['consult_booked', 'Consultation booked']
        ]);
        const marked = dental.boxes.filter(b => b.goals.length > 0).map(b => [b.id, b.goals]);
        assert.deepStrictEqual(marked, [['Dental.lead_thanks', ['lead_captured']], ['Dental.consult_confirmed', ['consult_booked']]]);
    });

    it('carries variables with their sensitive flags and defaults, and input specs', () => {
        assert.deepStrictEqual(dental.variables.map(v => [v.name, v.type, v.sensitive, v.default]), [
            ['patient_name', 'text', true, undefined],
            ['email', 'email', true, undefined],
            ['phone', 'phone', true, undefined],
            ['insured', 'yesno', false, undefined],
            ['interest', 'text', false, 'general checkup']
        ]);
        const askName = dental.boxes.find(b => b.id === 'Dental.ask_name');
        assert.deepStrictEqual(askName?.input, {
            variable: 'patient_name', type: 'text', sensitive: true,
            validation: { kind: 'pattern', pattern: "[A-Za-z][A-Za-z .'-]{1,60}" },
            retry: 'Please type your first name, or your first and last name.'
        });
        const whitening = dental.boxes.find(b => b.id === 'Dental.whitening_info');
        assert.deepStrictEqual(whitening?.assignments, [{ variable: 'interest', value: 'whitening' }]);
        assert.deepStrictEqual(whitening?.aliases, ['utter_whitening']);
        assert.strictEqual(dental.boxes.find(b => b.id === 'Dental.front_desk')?.queue, 'dental-front-desk');
        assert.strictEqual(dental.boxes.find(b => b.id === 'Dental.book_consult')?.call, 'calendar.bookConsultation');
    });

    it('carries the tests with their steps and start box, and they pass in the simulator', () => {
        assert.deepStrictEqual(dental.tests.map(t => [t.name, t.from]), [
            ['an insured new patient books a consultation', undefined],
            ['a whitening lead leaves a phone number', undefined],
            ['a bad email gets the retry text', 'Dental.ask_email']
        ]);
        assert.deepStrictEqual(dental.tests[0].steps.slice(0, 3).map(s => s.kind), ['choose', 'answer', 'expectBox']);
        assert.deepStrictEqual(dental.tests[0].steps[2], { ...dental.tests[0].steps[2], kind: 'expectBox', box: 'Dental.ask_name' });
        const failures = runFlowTests(dental).filter(o => !o.passed).map(o => `${o.name}: ${o.failure?.message}`);
        assert.deepStrictEqual(failures, []);
    });
});

describe('FlowGraph of the clinic example', () => {
    it('has a start, its goals and sensitive inputs, and its tests pass in the simulator', async () => {
        const clinic = await graphOf({ 'clinic.chatflow': example('clinic.chatflow') }, 'clinic.chatflow', 'Clinic');
        assert.strictEqual(clinic.start, 'Clinic.welcome');
        assert.deepStrictEqual(clinic.goals.map(g => g.name), ['appointment', 'question_answered', 'callback_requested']);
        assert.ok(clinic.boxes.length >= 25, `the clinic flow has ${clinic.boxes.length} boxes`);
        const sensitive = clinic.variables.filter(v => v.sensitive).map(v => v.name);
        assert.deepStrictEqual(sensitive, ['patient_name', 'date_of_birth', 'phone', 'email', 'symptoms']);
        assert.deepStrictEqual(edge(clinic, 'Clinic.check_age', 'Clinic.minor_notice').condition,
            { op: 'compare', variable: 'age', operator: '<', value: 18 });
        assert.deepStrictEqual(runFlowTests(clinic).filter(o => !o.passed).map(o => o.name), []);
    });
});

describe('FlowGraph of the pharmacy flow spread over two files', () => {
    let refill: FlowGraph;
    let common: FlowGraph;
    before(async () => {
        const graphs = await buildGraphs(pharmacy());
        refill = graphs.get('pharmacy-refill.chatflow')!.find(g => g.flow === 'Refill')!;
        common = graphs.get('pharmacy-common.chatflow')!.find(g => g.flow === 'Common')!;
    });

    it('includes the Common boxes Refill leads into, marked external', () => {
        assert.strictEqual(refill.boxes.length, 19);
        assert.deepStrictEqual(kindCounts(refill), { message: 5, choice: 2, input: 3, action: 2, condition: 1, split: 1 });
        const external = refill.boxes.filter(b => b.external).map(b => b.id).sort();
        assert.deepStrictEqual(external, ['Common.ask_dob', 'Common.check_identity', 'Common.goodbye', 'Common.identity_failed', 'Common.pharmacist']);
        assert.ok(refill.boxes.filter(b => b.external).every(b => b.flow === 'Common' && b.range.uri.endsWith('pharmacy-common.chatflow')));
        assert.strictEqual(refill.start, 'Refill.welcome');
    });

    it('has the edges across files in both directions, with their labels', () => {
        assert.deepStrictEqual(edge(refill, 'Refill.main_menu', 'Common.ask_dob').label, 'Refill a prescription');
        assert.deepStrictEqual(edge(refill, 'Common.check_identity', 'Refill.ask_rx_number').label, 'verified');
        assert.strictEqual(edge(refill, 'Refill.delivery_confirmed', 'Common.goodbye').kind, 'next');
    });

    it('collects goals reached in either file and the variables of both flows', () => {
        assert.deepStrictEqual(refill.goals.map(g => g.name).sort(), ['pharmacist_handoff', 'refill_requested']);
        assert.deepStrictEqual(refill.variables.map(v => [v.name, v.type, v.sensitive]), [
            ['rx_number', 'text', true], ['delivery', 'yesno', false], ['date_of_birth', 'date', true]
        ]);
        const rx = refill.boxes.find(b => b.id === 'Refill.ask_rx_number')?.input;
        assert.deepStrictEqual([rx?.sensitive, rx?.validation], [true, { kind: 'pattern', pattern: '[0-9]{7}' }]);
        const dob = refill.boxes.find(b => b.id === 'Common.ask_dob')?.input;
        assert.deepStrictEqual([dob?.type, dob?.sensitive], ['date', true]);
    });

    it('gives Common the Refill boxes it hands back to, but not the ones before verification', () => {
        const external = common.boxes.filter(b => b.external).map(b => b.name);
        assert.ok(external.includes('ask_rx_number') && external.includes('pickup_confirmed'));
        assert.ok(!external.includes('welcome') && !external.includes('main_menu'));
        assert.strictEqual(common.boxes.filter(b => !b.external).length, 5);
    });

    it('runs the tests of both files in the simulator across the file boundary', () => {
        assert.deepStrictEqual(refill.tests.map(t => t.name), [
            'a verified patient orders a refill for delivery', 'a mistyped prescription number is asked again',
            'the dated delivery offer gets a refill delivered', 'a refill the pharmacy system refuses goes to a pharmacist', 'store pickup is confirmed'
        ]);
        assert.deepStrictEqual(refill.tests[4].from, 'Refill.ask_delivery');
        const failures = [...runFlowTests(refill), ...runFlowTests(common)].filter(o => !o.passed).map(o => `${o.name}: ${o.failure?.message}`);
        assert.deepStrictEqual(failures, []);
    });
});

describe('FlowGraph ids are stable across unrelated edits', () => {
    const dentalText = example('dental.chatflow');

    async function dentalGraph(text: string): Promise<FlowGraph> {
        return graphOf({ 'dental.chatflow': text }, 'dental.chatflow', 'Dental');
    }

    it('keeps every id when a comment is added and a text is reworded', async () => {
        const before = await dentalGraph(dentalText);
        const edited = `// Reviewed by marketing, spring campaign.\n\n${dentalText}`
            .replace('"Hi, welcome to BrightSmile Dental!', '"Hello and welcome to BrightSmile Dental!');
        const after = await dentalGraph(edited);
        assert.notDeepStrictEqual(after.boxes[0].range, before.boxes[0].range, 'the edit should move the boxes');
        assert.deepStrictEqual(ids(after), ids(before));
    });

    it('adds only the new box and its edges when a box is inserted in the middle', async () => {
        const before = await dentalGraph(dentalText);
        const edited = dentalText.replace('    choice main_menu', [
            '    message spring_promo "This month only: free whitening touch-up with every new-patient exam." {',
            '        -> main_menu',
            '    }',
            '',
            '    choice main_menu'
        ].join('\n')).replace('"Talk to our team" -> front_desk', '"Talk to our team" -> front_desk\n        "Spring promo" -> spring_promo');
        const after = await dentalGraph(edited);
        const added = ids(after).filter(id => !ids(before).includes(id));
        assert.deepStrictEqual(added.sort(), ['Dental.main_menu:choice:Spring promo', 'Dental.spring_promo', 'Dental.spring_promo:next:Dental.main_menu']);
        assert.deepStrictEqual(ids(before).filter(id => !ids(after).includes(id)), []);
    });

    it('keeps the ids when boxes are reordered', async () => {
        const before = await dentalGraph(dentalText);
        const hours = /    handoff front_desk[\s\S]*?\n    }\n\n/.exec(dentalText)![0];
        const edited = dentalText.replace(hours, '').replace('    message welcome', `${hours}    message welcome`);
        const after = await dentalGraph(edited);
        assert.notStrictEqual(after.boxes[0].id, before.boxes[0].id, 'the box order should change');
        assert.deepStrictEqual(ids(after), ids(before));
    });

    it('keeps Refill ids when only the other file of the flow is edited', async () => {
        const files = pharmacy();
        const before = (await buildGraphs(files)).get('pharmacy-refill.chatflow')![0];
        files['pharmacy-common.chatflow'] = files['pharmacy-common.chatflow']
            .replace('    end goodbye', '    message holiday_hours "We close at 5pm on holidays." {\n        -> goodbye\n    }\n\n    end goodbye')
            .replace('Feel better soon!', 'Get well soon!');
        const after = (await buildGraphs(files)).get('pharmacy-refill.chatflow')![0];
        assert.deepStrictEqual(ids(after), ids(before));
        assert.strictEqual(after.boxes.find(b => b.id === 'Common.goodbye')?.text, 'Thanks for choosing Maple Street Pharmacy. Get well soon!');
    });
});
