import * as assert from 'node:assert';
import { AnalyticsOverviewRequest, ChatsRequest } from '../../server/protocol.js';
import { writeChannelLog } from '../analytics/channel-log.js';
import { openDentalWorkspace, type DentalWorkspace } from './dental-workspace.js';
import type { LspServer } from './lsp-harness.js';

describe('what to fix first over LSP: the overview\'s outcomes, fix-first list and segments', function () {
    this.timeout(90_000);
    let workspace: DentalWorkspace;
    let server: LspServer;
    let uri: string;

    before(async () => {
        workspace = await openDentalWorkspace('chatflow-insight-', dir => [writeChannelLog(dir)]);
        ({ server, uri } = workspace);
    });

    after(async () => {
        await workspace?.remove();
    });

    it('answers outcomes, the ranked boxes and the channels side by side, and lists a column\'s chats within its channel', async () => {
        const overview = await server.request(AnalyticsOverviewRequest, { uri, segmentBy: 'channel' });
        assert.ok(overview.available && overview.insight);
        const { outcomes, fixFirst, segments, segmentVariables } = overview.insight;
        // test/analytics/channel-log.ts, counted by hand.
        assert.deepStrictEqual([outcomes.chats, outcomes.contained, outcomes.escalated, outcomes.abandoned, outcomes.inProgress], [6, 2, 1, 2, 1]);
        assert.deepStrictEqual(fixFirst.map(r => r.box), ['Dental.ask_name', 'Dental.ask_insured']);
        assert.deepStrictEqual(segmentVariables, ['insured']);
        assert.ok(segments && 'columns' in segments);
        assert.deepStrictEqual(segments.columns.map(c => [c.value, c.chats, c.outcomes.abandoned]), [['sms', 2, 1], ['web', 2, 1], ['whatsapp', 1, 0], [null, 1, 0]]);
        const page = await server.request(ChatsRequest, { uri, drill: { metric: 'outcome', outcome: 'abandoned' }, filter: { segment: { by: 'channel', value: 'web' } } });
        assert.deepStrictEqual([page.total, page.chats.map(c => c.chat)], [1, ['k2']]);
    });

    it('says why a sensitive variable cannot segment, and still answers the rest of the overview', async () => {
        const overview = await server.request(AnalyticsOverviewRequest, { uri, segmentBy: 'var:phone' });
        assert.ok(overview.available && overview.insight);
        assert.deepStrictEqual(overview.insight.segments, {
            by: 'var:phone',
            refused: "variable 'phone' is sensitive (PHI): its values are never shown, so chats cannot be segmented by it. Pick a variable that is not marked sensitive"
        });
        assert.strictEqual(overview.insight.outcomes.chats, 6);
    });
});
