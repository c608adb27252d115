import * as assert from 'node:assert';
import { fixture, validate } from './validate.js';

const dental = fixture('dental.chatflow');

/**
 * While a user types, most documents are incomplete and the parser recovers with partial nodes
 * (a box without a name, a `set` without a variable...). No check may crash on them: a crash shows
 * up as "An error occurred during validation" instead of the real problem.
 */
describe('validation of documents being typed', () => {
    it('never crashes on any prefix of a realistic flow', async function () {
        this.timeout(120_000); // some 1,500 prefixes, each parsed and validated: long on a busy machine
        const crashes: string[] = [];
        for (let end = 1; end < dental.length; end += 5) {
            const document = await validate(dental.slice(0, end));
            for (const diagnostic of document.diagnostics ?? []) {
                if (diagnostic.message.includes('An error occurred')) crashes.push(`prefix of ${end} characters: ${diagnostic.message}`);
            }
        }
        assert.deepStrictEqual(crashes, []);
    });

    it('never crashes when a line of a realistic flow is missing', async () => {
        const lines = dental.split('\n');
        const crashes: string[] = [];
        for (let i = 0; i < lines.length; i++) {
            const document = await validate([...lines.slice(0, i), ...lines.slice(i + 1)].join('\n'));
            for (const diagnostic of document.diagnostics ?? []) {
                if (diagnostic.message.includes('An error occurred')) crashes.push(`without line ${i + 1}: ${diagnostic.message}`);
            }
        }
        assert.deepStrictEqual(crashes, []);
    });
});
