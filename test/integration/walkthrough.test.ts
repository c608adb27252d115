import * as assert from 'node:assert';
import * as vscode from 'vscode';
import type { ChatflowExtensionApi } from '../../extension/main.js';
import { activateExtension } from './helpers.js';
import { waitFor } from './wait-for.js';

/**
 * Runs after the other suites (files run in name order): they opened the preview and the
 * Analytics panel and imported logs, without the walkthrough ever being open.
 */
describe('the walkthrough ticks what was done before it was opened', function () {
    this.timeout(60_000);
    let api: ChatflowExtensionApi;

    before(async () => {
        api = await activateExtension();
    });

    it('remembers the preview, the import and the Analytics panel, and each step completes on that key', async () => {
        const wanted = ['openExample', 'preview', 'importLogs', 'analytics'] as const;
        await waitFor('the open flow, preview, import and analytics steps ticked', () => (wanted.every(step => api.walkthrough.done().includes(step)) ? true : undefined),
            { lastSeen: () => api.walkthrough.done() });
        const manifest = vscode.extensions.getExtension('chatflow.chatflow-studio')!.packageJSON as {
            contributes: { walkthroughs: Array<{ steps: Array<{ id: string; completionEvents: string[] }> }> };
        };
        const steps = manifest.contributes.walkthroughs[0].steps;
        for (const [id, key] of [['openExample', 'openExample'], ['preview', 'preview'], ['simulate', 'preview'], ['importLogs', 'importLogs'], ['analytics', 'analytics']]) {
            const step = steps.find(s => s.id === id);
            // Both halves of the tick flip (see walkthrough-progress.ts): one of them becomes true after the walkthrough registers the step.
            for (const tick of ['chatflow.walkthrough.tick', '!chatflow.walkthrough.tick']) {
                const event = `onContext:chatflow.walkthrough.${key} && ${tick}`;
                assert.ok(step?.completionEvents.includes(event), `step ${id} completes on ${event}`);
            }
        }
    });
});
