import * as assert from 'node:assert';
import * as vscode from 'vscode';
import type { ChatflowExtensionApi } from '../../extension/main.js';
import { openInEditor } from './helpers.js';
import { clinicPreviewSuite, closeAllPreviews, type PostedMessages } from './preview-messages.js';

/** The most taken booking through the clinic flow, as the Analytics panel lists it. */
const BOOKED = ['welcome', 'main_menu', 'ask_returning', 'ask_name', 'ask_dob', 'ask_age', 'check_age', 'ask_insured', 'check_insured',
    'ask_symptoms', 'pick_day', 'set_monday', 'ask_phone', 'book_slot', 'confirmed', 'goodbye'].map(box => `Clinic.${box}`);

describe('a path of the Analytics panel lit on the preview', function () {
    this.timeout(120_000);
    const suite = clinicPreviewSuite();
    let api: ChatflowExtensionApi;
    let posted: PostedMessages;
    const clinic = () => suite.clinic();

    before(async () => {
        ({ api, posted } = suite);
        await closeAllPreviews(api.preview);
        await openInEditor(clinic());
        await vscode.commands.executeCommand('chatflow.openAnalytics', clinic());
    });

    after(() => api.analytics.close(clinic()));

    it('opens the flow\'s preview with the path and the edges between its boxes, and keeps it lit until the user clears it', async () => {
        const from = posted.mark();
        await api.analytics.deliver(clinic(), { type: 'lightPath', boxes: BOOKED, chats: 104, converted: 104 });
        const lit = await posted.next('path', clinic(), from, m => m.path !== undefined, 60_000);
        assert.deepStrictEqual(api.preview.openDocuments().map(uri => uri.toString()), [clinic().toString()], 'the preview of clinic.chatflow opened');
        assert.deepStrictEqual(lit.path!.boxes, BOOKED);
        assert.strictEqual(lit.path!.edges.length, BOOKED.length - 1, 'one edge from each box to the next');
        assert.ok(lit.path!.edges.every((id, i) => id.startsWith(`${BOOKED[i]}:`)), lit.path!.edges.join(', '));
        assert.deepStrictEqual([lit.path!.chats, lit.path!.converted], [104, 104]);
        // A new graph (the webview reloads) lights it again, until the webview says it was cleared.
        const again = posted.mark();
        await api.preview.deliver(clinic(), { type: 'ready' });
        await posted.next('path', clinic(), again);
        await api.preview.deliver(clinic(), { type: 'clearPath' });
        const cleared = posted.mark();
        await api.preview.deliver(clinic(), { type: 'ready' });
        await posted.next('coverage', clinic(), cleared);
        assert.ok(!posted.all.slice(cleared).some(p => p.message.type === 'path'), 'a cleared path is not lit again');
    });
});
