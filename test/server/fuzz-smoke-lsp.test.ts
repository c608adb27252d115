import * as assert from 'node:assert';
import { runLsp } from '../fuzz/lsp-mode.js';
import { failures, formatSummary, NONE } from '../fuzz/summary.js';

/** The LSP mode of the fuzzer's smoke run: it drives the built server (`dist/`), so it runs in the bundles tier. */
describe('fuzzing smoke run over LSP (fixed seeds)', function () {
    this.timeout(60_000);

    it('edits documents in the built server (with imported logs) with no InternalError, crash or early resolution', async () => {
        const summary = await runLsp({ seed: 1, edits: 60, documents: 2, db: true });
        assert.strictEqual(summary.mutants, 120);
        assert.deepStrictEqual(failures(summary), NONE, formatSummary(summary));
    });
});
