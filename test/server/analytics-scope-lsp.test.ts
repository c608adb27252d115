import * as assert from 'node:assert';
import * as fs from 'node:fs';
import { join } from 'node:path';
import { CodeLensRequest, HoverRequest, type CodeLens, type Hover, type MarkupContent } from 'vscode-languageserver-protocol/node.js';
import { AnalyticsChangedNotification, BoxStatsRequest, ChatsRequest, SetAnalyticsScopeRequest, type AnalyticsScope } from '../../server/protocol.js';
import { writeChannelLog } from '../analytics/channel-log.js';
import { openDentalWorkspace, type DentalWorkspace } from './dental-workspace.js';
import type { LspServer } from './lsp-harness.js';

/**
 * Two chats of an older version, v2, the day before the six chats of test/analytics/channel-log.ts
 * (all v3): m1 goes to the front desk, m2 drops out at ask_insured.
 */
function writeOlderVersionLog(folder: string): string {
    const chats = { m1: ['welcome', 'main_menu', 'front_desk'], m2: ['welcome', 'main_menu', 'implant_info', 'ask_insured'] };
    const lines = Object.entries(chats).flatMap(([chat, boxes], index) => boxes.map((box, step) => JSON.stringify({
        chat, ts: new Date(Date.UTC(2026, 10, 9, 9 + index, 0, step * 10)).toISOString(), flow: 'Dental', version: 'v2', box, type: 'enter'
    })));
    const file = join(folder, 'older.jsonl');
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    return file;
}

describe('the shared analytics scope over LSP: code lenses, box stats and the fix-first hover follow the panel\'s filter', function () {
    this.timeout(90_000);
    let workspace: DentalWorkspace;
    let server: LspServer;
    let uri: string;
    let text: string;

    before(async () => {
        workspace = await openDentalWorkspace('chatflow-scope-', dir => [writeChannelLog(dir), writeOlderVersionLog(dir)]);
        ({ server, uri, text } = workspace);
    });

    after(async () => {
        await workspace?.remove();
    });

    const lineOf = (pattern: RegExp) => text.split('\n').findIndex(line => pattern.test(line));
    const lensesAt = async (line: number) => ((await server.request(CodeLensRequest.type, { textDocument: { uri } })) as CodeLens[]).filter(l => l.range.start.line === line);
    async function setScope(scope: AnalyticsScope): Promise<number> {
        const changed = server.waitForNotification(AnalyticsChangedNotification, n => n.cause === 'scope', 20_000);
        const answer = await server.request(SetAnalyticsScopeRequest, scope);
        const notified = await changed;
        assert.strictEqual(notified.generation, answer.generation, 'one notification carries the generation the answer names');
        return answer.generation;
    }
    async function hoverAt(box: string): Promise<string> {
        const line = lineOf(new RegExp(`^\\s*\\w+ ${box}\\b`));
        const hover = await server.request(HoverRequest.type, { textDocument: { uri }, position: { line, character: text.split('\n')[line].indexOf(box) + 1 } }) as Hover;
        return (hover.contents as MarkupContent).value;
    }

    it('reads the lenses, the box stats and their chats for the scope set, says so on the flow line, and reads all chats once it is cleared', async () => {
        const insured = lineOf(/^\s*input ask_insured\b/);
        const flowLine = lineOf(/^flow Dental\b/);
        await setScope({});
        // All eight chats: m2 (v2) also dropped out at ask_insured.
        assert.match((await lensesAt(insured))[0].command!.title, /^5 chats · 2 dropped \(40\.0%\)/);
        assert.ok(!(await lensesAt(flowLine)).some(l => l.command!.title.startsWith('Filtered')));

        const generation = await setScope({ version: 'v3' });
        const stats = await server.request(BoxStatsRequest, { uri });
        assert.ok(stats.available);
        assert.deepStrictEqual(stats.scope, { version: 'v3' });
        assert.ok(stats.generation >= generation);
        assert.deepStrictEqual([stats.stats['Dental.ask_insured'].visits, stats.stats['Dental.ask_insured'].dropOuts, stats.stats['Dental.welcome'].visits], [4, 1, 6]);
        assert.match((await lensesAt(insured))[0].command!.title, /^4 chats · 1 dropped \(25\.0%\)/);
        const flowLenses = await lensesAt(flowLine);
        assert.deepStrictEqual(flowLenses.map(l => [l.command!.title.split(' · ')[0], l.command!.command]).slice(0, 2),
            [['Filtered: flow version v3', 'chatflow.clearAnalyticsFilter'], ['6 chats', 'chatflow.showChats']]);
        // The chats behind a lens's number add up to it: the drill-down without a filter reads the scope too.
        const page = await server.request(ChatsRequest, { uri, drill: { metric: 'dropOuts', box: 'Dental.ask_insured' } });
        assert.deepStrictEqual(page.chats.map(c => c.chat), ['k2']);
        // The panel's own requests name their filter, whatever the scope.
        const explicit = await server.request(BoxStatsRequest, { uri, filter: {} });
        assert.ok(explicit.available && explicit.stats['Dental.ask_insured'].visits === 5);

        await setScope({});
        assert.match((await lensesAt(insured))[0].command!.title, /^5 chats · 2 dropped \(40\.0%\)/);
    });

    it('focuses the lenses and box stats on one segment value the panel picked, and refuses a segment it cannot focus on', async () => {
        const insured = lineOf(/^\s*input ask_insured\b/);
        const flowLine = lineOf(/^flow Dental\b/);
        // channel-log.ts by hand: the web chats are k1 and k2; both reached ask_insured, k2 dropped out there.
        await setScope({ segment: { by: 'channel', value: 'web' } });
        assert.match((await lensesAt(insured))[0].command!.title, /^2 chats · 1 dropped \(50\.0%\)/);
        assert.strictEqual((await lensesAt(flowLine))[0].command!.title.split(' · ')[0], 'Filtered: channel web');
        const stats = await server.request(BoxStatsRequest, { uri });
        assert.ok(stats.available && stats.stats['Dental.welcome'].visits === 2);
        // With the version too: the two v2 chats have no channel; of them only m2 reached ask_insured, and left there.
        await setScope({ version: 'v2', segment: { by: 'channel', value: null } });
        assert.match((await lensesAt(insured))[0].command!.title, /^1 chat · 1 dropped \(100\.0%\)/);
        await assert.rejects(server.request(SetAnalyticsScopeRequest, { segment: { by: 'var:insured', value: 'yes' } }), /can focus on a channel, source, weekday, hour value, not on var:insured/);
        await setScope({});
        assert.match((await lensesAt(insured))[0].command!.title, /^5 chats · 2 dropped \(40\.0%\)/);
    });

    it('ranks a box in its flow\'s fix-first list in the hover, with the conversions lost per goal, for the scope', async () => {
        await setScope({ version: 'v3' });
        // channel-log.ts by hand: ask_name lost k4 (1 drop-out); k1 and k5 went on, both captured a lead, k5 booked.
        const name = await hoverAt('ask_name');
        assert.ok(name.includes('**Fix first: #1 of 2** — about 1.5 conversions lost'), name);
        assert.ok(name.includes('- Lead captured: about 1.0 lost (1 drop-out × 100.0% conversion after this box)'), name);
        assert.ok(name.includes('- Consultation booked: about 0.5 lost (1 drop-out × 50.0% conversion after this box)'), name);
        assert.ok(name.includes('_Filtered: flow version v3_ · [Clear filter](command:chatflow.clearAnalyticsFilter)'), name);
        const link = /\[Show in Analytics\]\(command:chatflow\.openAnalytics\?([^)]+)\)/.exec(name);
        assert.ok(link, name);
        assert.deepStrictEqual(JSON.parse(decodeURIComponent(link[1])), [{ uri, box: 'Dental.ask_name' }]);
        // ask_insured lost k2; k1, k4, k5 went on: two leads (66.7%), one consultation (33.3%); k1 and k2 retried 3 times.
        const insured = await hoverAt('ask_insured');
        assert.ok(insured.includes('**Fix first: #2 of 2** — about 1.0 conversions lost, 3 retries'), insured);
        assert.ok(insured.includes('- Lead captured: about 0.7 lost (1 drop-out × 66.7% conversion after this box)'), insured);
        assert.ok(insured.includes('- Consultation booked: about 0.3 lost (1 drop-out × 33.3% conversion after this box)'), insured);
        // The language's own hover stays above it.
        assert.ok(insured.startsWith('**input** `ask_insured` in flow `Dental`'), insured);
        assert.ok(!(await hoverAt('welcome')).includes('Fix first'), 'a box nobody left, retried or repeated is not in the list');

        // All chats: m2 (v2) also dropped out at ask_insured, which now costs the most.
        await setScope({});
        const all = await hoverAt('ask_insured');
        assert.ok(all.includes('**Fix first: #1 of 2** — about 2.0 conversions lost, 3 retries'), all);
        assert.ok(all.includes('- Lead captured: about 1.3 lost (2 drop-outs × 66.7% conversion after this box)'), all);
        assert.ok(!all.includes('Filtered'), all);
    });
});
