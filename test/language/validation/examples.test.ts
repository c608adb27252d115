import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import { fixture, listDiagnostics, validate, validateWorkspace } from './validate.js';

describe('validation: realistic flows are clean', () => {
    it('examples/clinic.chatflow has zero issues', async () => {
        const clinic = await validate(readFileSync('examples/clinic.chatflow', 'utf8'), 'clinic.chatflow');
        assert.deepStrictEqual(clinic.diagnostics, [], listDiagnostics(clinic));
    });

    it('the dental lead-capture fixture has zero issues', async () => {
        const dental = await validate(fixture('dental.chatflow'), 'dental.chatflow');
        assert.deepStrictEqual(dental.diagnostics, [], listDiagnostics(dental));
    });

    it('the pharmacy flow spread over two files has zero issues in either file', async () => {
        const [refill, delivery] = await validateWorkspace({
            'refill.chatflow': fixture('pharmacy/refill.chatflow'),
            'delivery.chatflow': fixture('pharmacy/delivery.chatflow')
        });
        assert.deepStrictEqual(refill.diagnostics, [], listDiagnostics(refill));
        assert.deepStrictEqual(delivery.diagnostics, [], listDiagnostics(delivery));
    });
});
