import * as assert from 'node:assert';
import { DocumentState } from 'langium';
import { AnalyticsService } from '../../server/analytics/analytics-service.js';
import { captureConsole } from '../fuzz/console-capture.js';
import { fixture, loadWorkspace } from '../language/lsp-workspace.js';

/**
 * The analytics handlers read a document's graphs after awaiting the settings or the store. An
 * edit arriving meanwhile resets the document (its references unlinked until the next build), and
 * building its graphs then resolved references too early: 225-292 Langium warnings per 2,000 edits.
 */
describe('analytics graphs of a document in the middle of an edit', () => {
    it('answers with the graphs last built, resolving no reference, until the document is linked again', async () => {
        const workspace = await loadWorkspace({ 'clinic.chatflow': fixture('examples/clinic.chatflow') });
        const shared = workspace.services.shared;
        const analytics = new AnalyticsService(shared, () => undefined);
        analytics.attach(workspace.services);
        const document = workspace.document('clinic.chatflow');
        const linked = analytics.graphsOf(document);
        assert.ok(linked[0].boxes.length > 10);

        shared.workspace.DocumentBuilder.resetToState(document, DocumentState.Changed);
        const logged = captureConsole();
        let midEdit;
        try {
            midEdit = analytics.graphsOf(document);
            analytics.workspaceContext();
        } finally {
            logged.restore();
        }
        assert.deepStrictEqual(logged.entries.map(e => e.text), [], 'no early reference resolution');
        assert.deepStrictEqual(midEdit, linked);
    });
});
