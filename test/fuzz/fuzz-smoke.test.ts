import * as assert from 'node:assert';
import { EditorSession } from './editor-session.js';
import { runInProcess } from './runner.js';
import { failures, formatSummary, NONE } from './summary.js';

/** A seeded smoke run of both fuzzer modes (`npm run fuzz` runs them long). */
describe('fuzzing smoke run (fixed seeds)', function () {
    this.timeout(60_000);

    it('serves 150 mutants in-process with no exception, internal error or logged error', async () => {
        const summary = await runInProcess({ seed: 1, count: 150, shrink: false });
        assert.strictEqual(summary.mutants, 150);
        assert.deepStrictEqual(failures(summary), NONE, formatSummary(summary));
    });

    it('reports a service that throws, with its name and message, and keeps going', async () => {
        const session = new EditorSession();
        session.services.lsp.HoverProvider!.getHoverContent = () => { throw new Error('hover is broken on purpose'); };
        const summary = await runInProcess({ seed: 1, count: 5, shrink: false, session });
        assert.strictEqual(summary.mutants, 5);
        assert.ok(summary.exceptions >= 5, formatSummary(summary));
        assert.deepStrictEqual(Object.keys(summary.signatures), ['exception hover: hover is broken on purpose']);
    });

    it('reports a validation that crashes as an internal-error diagnostic', async () => {
        const session = new EditorSession();
        const broken = { Flow: () => { throw new Error('check is broken on purpose'); } };
        session.services.validation.ValidationRegistry.register(broken as never);
        const summary = await runInProcess({ seed: 1, count: 3, shrink: false, session });
        assert.ok(summary.internalErrors > 0, formatSummary(summary));
    });
});
