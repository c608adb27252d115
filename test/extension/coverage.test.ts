import * as assert from 'node:assert';
import { testCoverage } from '../../extension/preview/coverage.js';
import { exampleText, flowsOf } from './example-graphs.js';

describe('transition coverage posted to the preview', () => {
    it('marks the clinic edges the example tests take as covered and the others as uncovered', async () => {
        const flows = (await flowsOf({ 'clinic.chatflow': exampleText('clinic.chatflow') })).get('clinic.chatflow')!;
        const coverage = testCoverage(flows);
        assert.strictEqual(coverage.type, 'coverage');
        for (const taken of ['Clinic.main_menu:choice:Book an appointment', 'Clinic.book_slot:outcome:booked', 'Clinic.slot_full:choice:Call me back instead']) {
            assert.ok(coverage.covered.includes(taken), `${taken} is covered`);
        }
        for (const missed of ['Clinic.main_menu:choice:Insurance questions', 'Clinic.urgent_check:choice:Yes', 'Clinic.book_slot:outcome:error']) {
            assert.ok(coverage.uncovered.includes(missed), `${missed} is uncovered`);
        }
        const edges = flows.flatMap(f => f.edges.map(e => e.id));
        assert.deepStrictEqual([...coverage.covered, ...coverage.uncovered].sort(), [...new Set(edges)].sort(),
            'every edge is either covered or uncovered, never both');
    });

    it('uncovers the edges a test stops taking when it is edited', async () => {
        const text = exampleText('clinic.chatflow').replace('choose "Opening hours and address"', 'choose "Insurance questions"');
        const flows = (await flowsOf({ 'clinic.chatflow': text })).get('clinic.chatflow')!;
        const coverage = testCoverage(flows);
        assert.ok(coverage.uncovered.includes('Clinic.main_menu:choice:Opening hours and address'));
        assert.ok(coverage.covered.includes('Clinic.main_menu:choice:Insurance questions'));
    });
});
