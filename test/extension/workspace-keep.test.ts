import * as assert from 'node:assert';
import { effectivePolicy, restrictKeep } from '../../extension/analytics/workspace-keep.js';

describe('chatflow.privacy.policy: keep is an opt-in of the workspace', () => {
    it('keeps typed answers only when the workspace or folder settings say keep', () => {
        assert.strictEqual(effectivePolicy('keep', { workspaceValue: 'keep' }), 'keep');
        assert.strictEqual(effectivePolicy('keep', { globalValue: 'redact', workspaceFolderValue: 'keep' }), 'keep');
        assert.strictEqual(effectivePolicy('keep', { globalValue: 'keep' }), 'redact', 'a user-level keep would apply to every workspace');
        assert.strictEqual(effectivePolicy('keep', undefined), 'redact');
    });

    it('takes redact and hash from any level', () => {
        assert.strictEqual(effectivePolicy('hash', { globalValue: 'hash' }), 'hash');
        assert.strictEqual(effectivePolicy('redact', { workspaceValue: 'redact' }), 'redact');
        assert.strictEqual(effectivePolicy(undefined, {}), undefined);
    });

    it('applies to what the language server pulls: the chatflow section, its privacy part, the policy', () => {
        const user = () => ({ globalValue: 'keep' });
        const section = { analytics: { overlay: true }, privacy: { policy: 'keep', saltFile: '' } };
        assert.deepStrictEqual(restrictKeep('chatflow', section, user), { analytics: { overlay: true }, privacy: { policy: 'redact', saltFile: '' } });
        assert.deepStrictEqual(restrictKeep('chatflow.privacy', { policy: 'keep' }, user), { policy: 'redact' });
        assert.strictEqual(restrictKeep('chatflow.privacy.policy', 'keep', user), 'redact');
        assert.strictEqual(restrictKeep('chatflow.privacy.policy', 'keep', () => ({ workspaceValue: 'keep' })), 'keep');
        assert.deepStrictEqual(restrictKeep('editor', { tabSize: 4 }, user), { tabSize: 4 });
        assert.deepStrictEqual(restrictKeep('chatflow', { privacy: { policy: 'hash' } }, user), { privacy: { policy: 'hash' } });
    });
});
