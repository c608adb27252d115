import * as assert from 'node:assert';
import { importSummaryMessage } from '../../extension/analytics/import-summary.js';
import type { ImportSummary } from '../../analytics/model.js';

const summary = (policy: ImportSummary['policy']): ImportSummary => ({
    files: 1, read: 336, imported: 336, duplicates: 0, malformed: 0, problems: [], ignored: 0, unmatched: [], unknownGoals: [], redacted: 72, policy
});

describe('the import notification', () => {
    it('says when typed answers were kept as typed (the keep policy)', () => {
        assert.strictEqual(importSummaryMessage(summary('keep'), 1.24),
            "Imported 336 new events from 1 file in 1.2 s · 0 already stored (skipped) · no malformed lines · every event matched a box · typed answers KEPT as typed, minus Safe Harbor identifiers (chatflow.privacy.policy is 'keep').");
    });

    it('says nothing about privacy under redact and hash', () => {
        for (const policy of ['redact', 'hash'] as const) assert.doesNotMatch(importSummaryMessage(summary(policy), 1), /KEPT/);
    });
});
