import * as assert from 'node:assert';
import * as vscode from 'vscode';
import type { ToAnalytics } from '../../extension/webview-protocol.js';
import type { DocumentFlows } from '../../language/flow-model.js';
import { BoxStatsRequest, FlowGraphRequest, type BoxStatsResult } from '../../server/protocol.js';
import type { ChatflowExtensionApi } from '../../extension/main.js';
import { activateExtension, openInEditor, workspaceUri } from './helpers.js';

/** The next message posted to the Analytics panel of `uri` that `accept` takes. */
function nextPost<T extends ToAnalytics>(api: ChatflowExtensionApi, uri: vscode.Uri, accept: (m: ToAnalytics) => m is T, timeoutMs = 30_000): Promise<T> {
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => { listener.dispose(); reject(new Error(`No matching message to the Analytics panel within ${timeoutMs} ms`)); }, timeoutMs);
        const listener = api.analytics.onDidPost(({ uri: to, message }) => {
            if (to !== uri.toString() || !accept(message)) return;
            clearTimeout(timer);
            listener.dispose();
            resolve(message);
        });
    });
}

type Overview = Extract<ToAnalytics, { type: 'overview' }>;
const isOverview = (available: boolean) => (m: ToAnalytics): m is Overview => m.type === 'overview' && m.result.available === available;

describe('the Analytics panel in VS Code', function () {
    this.timeout(120_000);
    let api: ChatflowExtensionApi;
    const clinic = () => workspaceUri('clinic.chatflow');

    before(async () => {
        api = await activateExtension();
        await openInEditor(clinic());
    });
    after(async () => {
        api.analytics.close(clinic());
        await openInEditor(clinic()); // leave the editor as the next suites expect it
    });

    it('opens for the active document, says there is no data, then shows the numbers once logs are imported', async () => {
        const store = workspaceUri('.chatflow', 'analytics.db');
        const hadStore = await vscode.workspace.fs.stat(store).then(() => true, () => false);
        const first = nextPost(api, clinic(), (m): m is Overview => m.type === 'overview');
        await vscode.commands.executeCommand('chatflow.openAnalytics');
        const opened = await first;
        assert.deepStrictEqual(api.analytics.openDocuments().map(u => u.toString()), [clinic().toString()]);
        if (!hadStore) assert.strictEqual(opened.result.available, false, 'no store before the first import');
        await vscode.commands.executeCommand('chatflow.openAnalytics', clinic());
        assert.strictEqual(api.analytics.openDocuments().length, 1, 'one panel per document');

        const logs = ['clinic-2026-11.jsonl', 'pharmacy-refill-2026-11.csv'].map(name => workspaceUri('logs', name).fsPath);
        const duringImport = nextPost(api, clinic(), isOverview(true));
        await vscode.commands.executeCommand('chatflow.importLogs', logs);
        await duringImport; // the panel shows numbers once the first batch is stored, and re-pulls as more land
        // The numbers once everything is stored (a re-pull started mid-import may still be in flight: ask again).
        const numbers = nextPost(api, clinic(), isOverview(true));
        await api.analytics.deliver(clinic(), { type: 'ready' });
        const overview = (await numbers).result;
        assert.ok(overview.available);
        assert.deepStrictEqual(overview.conversions.map(c => c.goal).sort(), ['appointment', 'callback_requested', 'question_answered']);

        const top = overview.dropOuts[0];
        const answer = nextPost(api, clinic(), (m): m is Extract<ToAnalytics, { type: 'chats' }> => m.type === 'chats' && m.requestId === 7);
        await api.analytics.deliver(clinic(), { type: 'chats', requestId: 7, drill: { metric: 'dropOuts', box: top.box }, offset: 0, limit: 50 });
        const page = (await answer).page;
        assert.strictEqual(page.total, top.dropOuts, 'the chats behind the number add up to it');
        assert.strictEqual(page.chats.length, Math.min(50, top.dropOuts));

        const transcript = nextPost(api, clinic(), (m): m is Extract<ToAnalytics, { type: 'transcript' }> => m.type === 'transcript');
        await api.analytics.deliver(clinic(), { type: 'transcript', requestId: 8, chat: page.chats[0].chat });
        const entries = (await transcript).entries;
        assert.ok(entries.some(e => e.box === top.box), `the transcript of ${page.chats[0].chat} passes ${top.box}`);

        await api.analytics.deliver(clinic(), { type: 'reveal', boxId: top.box });
        const editor = vscode.window.activeTextEditor;
        assert.strictEqual(editor?.document.uri.toString(), clinic().toString());
        assert.strictEqual(editor.document.getText(editor.selection), top.box.split('.').pop(), 'the box name is selected');
    });

    it('makes its filter the code lenses\' scope: a lens reads the filtered number and says so, until the filter is cleared', async () => {
        const uri = clinic().toString();
        // By method name: the suite bundle's RequestType objects are not the extension bundle's.
        const graph = await api.client.sendRequest<DocumentFlows | null>(FlowGraphRequest.method, { uri });
        const menu = graph!.flows!.flatMap(g => g.boxes).find(b => b.id === 'Clinic.main_menu')!;
        const flowLine = graph!.flows!.find(g => g.flow === 'Clinic')!.range.start.line;
        const visits = async (filter: object) => {
            const stats = await api.client.sendRequest<BoxStatsResult>(BoxStatsRequest.method, { uri, filter });
            assert.ok(stats.available);
            return stats.stats['Clinic.main_menu'].visits;
        };
        const [all, oneDay] = [await visits({}), await visits({ from: '2026-11-12', to: '2026-11-12' })];
        assert.ok(oneDay > 0 && oneDay < all, `one day's chats (${oneDay}) are some of all (${all})`);
        const lensTitles = async (line: number) => ((await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', clinic(), 100)) ?? [])
            .filter(l => l.range.start.line === line).map(l => l.command?.title ?? '');
        try {
            const filtered = nextPost(api, clinic(), (m): m is Overview => m.type === 'overview' && m.filter?.from === '2026-11-12');
            await api.analytics.deliver(clinic(), { type: 'filter', filter: { from: '2026-11-12', to: '2026-11-12' } });
            await filtered;
            // Right after the panel shows the filtered numbers, without waiting: the lens reads them too.
            assert.match((await lensTitles(menu.range.start.line))[0], new RegExp(`^${oneDay} chats · `));
            assert.deepStrictEqual((await lensTitles(flowLine))[0], 'Filtered: chats started 2026-11-12 to 2026-11-12 · clear');
        } finally {
            const cleared = nextPost(api, clinic(), (m): m is Overview => m.type === 'overview' && m.filter?.from === undefined);
            await vscode.commands.executeCommand('chatflow.clearAnalyticsFilter');
            // The panel follows the cleared scope (it was cleared from the lens, not in the panel).
            await cleared;
        }
        assert.match((await lensTitles(menu.range.start.line))[0], new RegExp(`^${all} chats · `));
        assert.ok(!(await lensTitles(flowLine)).some(t => t.startsWith('Filtered')));
    });
});
