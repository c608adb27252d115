import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import { runFlowTests, uncoveredEdges } from '../../language/conversation-tests.js';
import { graphOf } from './build-graph.js';

const clinicText = readFileSync('examples/clinic.chatflow', 'utf8');

describe('conversation tests', () => {
    it('plays every test of the clinic example and they pass', async () => {
        const outcomes = runFlowTests(await graphOf(clinicText));
        assert.deepStrictEqual(outcomes.map(o => [o.name, o.passed, o.failure?.message]), [
            ['an insured adult books on Wednesday', true, undefined],
            ['a minor without insurance hears both notices', true, undefined],
            ['opening hours answer the question', true, undefined],
            ['a full day falls back to a callback', true, undefined]
        ]);
    });

    it('reports the failing step with its line and what the chat did instead', async () => {
        const broken = clinicText.replace('expect preferred_day == "Wednesday"', 'expect preferred_day == "Friday"');
        const failing = runFlowTests(await graphOf(broken)).find(o => !o.passed)!;
        assert.strictEqual(failing.name, 'an insured adult books on Wednesday');
        const line = broken.split('\n').findIndex(l => l.includes('expect preferred_day == "Friday"'));
        assert.strictEqual(failing.failure!.range.start.line, line);
        assert.strictEqual(failing.failure!.message, 'expected preferred_day == "Friday", but it is "Wednesday"');
    });

    it('fails a step that the chat is not waiting for', async () => {
        const broken = clinicText.replace('choose "Opening hours and address"', 'answer "hours"');
        const failing = runFlowTests(await graphOf(broken)).find(o => o.name === 'opening hours answer the question')!;
        assert.strictEqual(failing.passed, false);
        assert.strictEqual(failing.failure!.step, 0);
        assert.match(failing.failure!.message, /Clinic.main_menu is waiting for a choice/);
    });

    it('lists the transitions no test takes', async () => {
        const graph = await graphOf(clinicText);
        const uncovered = uncoveredEdges(graph, runFlowTests(graph));
        assert.ok(uncovered.includes('Clinic.main_menu:choice:Insurance questions'));
        assert.ok(uncovered.includes('Clinic.urgent_check:choice:Yes'));
        assert.ok(!uncovered.includes('Clinic.main_menu:choice:Book an appointment'));
        assert.ok(!uncovered.includes('Clinic.book_slot:outcome:booked'));
        assert.ok(uncovered.length < graph.edges.length);
    });
});
