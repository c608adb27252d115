import * as assert from 'node:assert';
import { runTest } from '../../language/conversation-tests.js';
import { Simulator } from '../../language/simulator.js';
import { describeErrors, findFlowTest, testItemId } from '../../extension/testing/test-data.js';
import { exampleText, exampleUri, flowsOf } from './example-graphs.js';

describe('Test Explorer items of conversation tests', () => {
    it('finds a test by flow and name, and runs it as the Test Explorer does', async () => {
        const flows = (await flowsOf({ 'dental.chatflow': exampleText('dental.chatflow') })).get('dental.chatflow')!;
        const lookup = findFlowTest(flows, 'Dental', 'a whitening lead leaves a phone number', 'dental.chatflow');
        assert.ok(lookup.found, 'the dental test is found');
        assert.strictEqual(runTest(new Simulator(lookup.graph), lookup.test).passed, true);
    });

    it('says why a test is gone after an edit renamed it or its flow', async () => {
        const flows = (await flowsOf({ 'dental.chatflow': exampleText('dental.chatflow') })).get('dental.chatflow')!;
        const renamed = findFlowTest(flows, 'Dental', 'a whitening lead leaves an email', 'dental.chatflow');
        assert.deepStrictEqual(renamed, { found: false,
            reason: 'Flow Dental in dental.chatflow no longer has a test named "a whitening lead leaves an email"; the test list will refresh.' });
        const noFlow = findFlowTest(flows, 'Orthodontics', 'a whitening lead leaves a phone number', 'dental.chatflow');
        assert.strictEqual(noFlow.found, false);
        assert.match(noFlow.found ? '' : noFlow.reason, /dental.chatflow no longer has a flow named Orthodontics/);
    });

    it('keeps test ids stable across an unrelated edit, and distinct per test', async () => {
        const uri = exampleUri('clinic.chatflow');
        const ids = async (text: string) => (await flowsOf({ 'clinic.chatflow': text })).get('clinic.chatflow')!
            .flatMap(flow => flow.tests.map(test => testItemId(uri, flow.flow, test.name)));
        const before = await ids(exampleText('clinic.chatflow'));
        const after = await ids(exampleText('clinic.chatflow').replace('    message hours', '    message parking "Free parking behind the clinic." {\n        -> anything_else\n    }\n\n    message hours'));
        assert.strictEqual(new Set(before).size, 4);
        assert.deepStrictEqual(after, before);
    });

    it('describes a document\'s first errors with 1-based lines, as the editor shows them', () => {
        const errors = [
            { message: "Could not resolve reference to Box named 'confirm_refil'.", line: 26, character: 30 },
            { message: "Goal 'refill_ordered' is not declared.", line: 40, character: 13 },
            { message: 'Expecting token "}".', line: 55, character: 0 },
            { message: 'Unknown variable pickup_store.', line: 60, character: 8 }
        ];
        assert.deepStrictEqual(describeErrors(errors), [
            "line 27: Could not resolve reference to Box named 'confirm_refil'.",
            "line 41: Goal 'refill_ordered' is not declared.",
            'line 56: Expecting token "}".',
            '... and 1 more'
        ]);
    });
});
