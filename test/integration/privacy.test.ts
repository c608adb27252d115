import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ImportSummary, TranscriptEntry } from '../../analytics/model.js';
import { TranscriptRequest, type AnalyticsOverviewResult, type ReapplyPrivacyResult } from '../../server/protocol.js';
import type { ChatflowExtensionApi } from '../../extension/main.js';
import { activateExtension, openInEditor, workspaceUri } from './helpers.js';

const TYPED = 'Dana Whitfield here, 45 years old, DOB 03/14/1985, call (617) 555-0142';

describe('Privacy: the keep policy, the Analytics warning and re-applying the policy', function () {
    this.timeout(90_000);
    let api: ChatflowExtensionApi;
    const clinic = () => workspaceUri('clinic.chatflow');
    const log = path.join(os.tmpdir(), `chatflow-privacy-${process.pid}.jsonl`);
    const settings = () => vscode.workspace.getConfiguration('chatflow.privacy');

    /** The next overview the Analytics panel of the clinic flow is sent that satisfies `accept`. */
    const overview = (accept: (result: AnalyticsOverviewResult) => boolean) => new Promise<AnalyticsOverviewResult>(resolve => {
        const listening = api.analytics.onDidPost(({ uri, message }) => {
            if (uri !== clinic().toString() || message.type !== 'overview' || !accept(message.result)) return;
            listening.dispose();
            resolve(message.result);
        });
    });
    const transcript = (chat: string) => api.client.sendRequest<TranscriptEntry[]>(TranscriptRequest.method, { chat });

    before(async () => {
        api = await activateExtension();
        await openInEditor(clinic());
        const events = [
            { box: 'welcome', type: 'enter' }, { box: 'ask_age', type: 'enter' }, { box: 'ask_age', type: 'answer', text: TYPED }
        ].map((e, i) => JSON.stringify({ chat: 'privacy-it-1', ts: `2026-11-19T16:00:0${i}Z`, flow: 'Clinic', version: 'v2', ...e }));
        fs.writeFileSync(log, events.join('\n') + '\n');
    });

    after(async () => {
        await settings().update('policy', undefined, vscode.ConfigurationTarget.Workspace);
        await settings().update('policy', undefined, vscode.ConfigurationTarget.Global);
        api?.analytics.close(clinic());
        fs.rmSync(log, { force: true });
    });

    it('imports under keep with a warning in the panel, and "Re-apply Privacy Policy to Database" clears it', async () => {
        const opened = overview(() => true);
        await vscode.commands.executeCommand('chatflow.openAnalytics', clinic());
        await opened;
        // The server hears about the setting and tells the panel to pull again: then it imports under keep.
        const settingSeen = overview(() => true);
        await settings().update('policy', 'keep', vscode.ConfigurationTarget.Workspace);
        await settingSeen;

        const warned = overview(result => result.available && result.privacy?.keptText === true);
        const summary = await vscode.commands.executeCommand<ImportSummary | undefined>('chatflow.importLogs', [log]);
        assert.ok(summary, 'the import command resolves to its summary');
        assert.deepStrictEqual([summary.policy, summary.imported], ['keep', 3]);
        await warned;
        const kept = (await transcript('privacy-it-1')).find(e => e.type === 'answer');
        assert.strictEqual(kept?.text, 'Dana Whitfield here, 45 years old, DOB [redacted:date], call [redacted:phone]');

        const cleared = overview(result => result.available && result.privacy?.keptText === false);
        const result = await vscode.commands.executeCommand<ReapplyPrivacyResult | undefined>('chatflow.reapplyPrivacy', { policy: 'redact', confirm: false });
        assert.ok(result && result.changed >= 1, `re-applied: ${JSON.stringify(result)}`);
        await cleared;
        assert.strictEqual((await transcript('privacy-it-1')).find(e => e.type === 'answer')?.text, '[redacted]');
        const db = workspaceUri('.chatflow', 'analytics.db').fsPath;
        const bytes = Buffer.concat([db, `${db}-wal`].filter(f => fs.existsSync(f)).map(f => fs.readFileSync(f)));
        assert.ok(!bytes.includes(Buffer.from('Dana Whitfield')), 'the kept name is gone from the database file');
    });

    it('does not keep typed answers for a keep in the user settings: keep is an opt-in of the workspace', async () => {
        await settings().update('policy', undefined, vscode.ConfigurationTarget.Workspace);
        const settingSeen = overview(() => true);
        await settings().update('policy', 'keep', vscode.ConfigurationTarget.Global);
        await settingSeen;
        const userLog = log.replace('.jsonl', '-user.jsonl');
        fs.writeFileSync(userLog, JSON.stringify({ chat: 'privacy-it-2', ts: '2026-11-19T17:00:00Z', flow: 'Clinic', version: 'v2', box: 'ask_age', type: 'answer', text: TYPED }) + '\n');
        try {
            const summary = await vscode.commands.executeCommand<ImportSummary | undefined>('chatflow.importLogs', [userLog]);
            assert.deepStrictEqual([summary?.policy, summary?.imported], ['redact', 1]);
            assert.strictEqual((await transcript('privacy-it-2')).find(e => e.type === 'answer')?.text, '[redacted]');
        } finally {
            fs.rmSync(userLog, { force: true });
        }
    });
});
