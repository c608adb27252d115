import * as assert from 'node:assert';
import * as vscode from 'vscode';
import type { ToAnalytics } from '../../extension/webview-protocol.js';
import type { ChatflowExtensionApi } from '../../extension/main.js';
import type { ChatPage } from '../../analytics/model.js';
import { BoxStatsRequest, ChatsRequest, type BoxStatsResult, type ShowChatsArgs } from '../../server/protocol.js';
import { startClean } from './clean-start.js';
import { activateExtension, openInEditor, positionOf, workspaceUri } from './helpers.js';
import { closeAllPreviews, PostedMessages } from './preview-messages.js';

type Overview = Extract<ToAnalytics, { type: 'overview' }>;

/** The next overview posted to the Analytics panel of `uri` that `accept` takes. */
function nextOverview(api: ChatflowExtensionApi, uri: vscode.Uri, accept: (m: Overview) => boolean, timeoutMs = 30_000): Promise<Overview> {
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => { listener.dispose(); reject(new Error(`No matching overview within ${timeoutMs} ms`)); }, timeoutMs);
        const listener = api.analytics.onDidPost(({ uri: to, message }) => {
            if (to !== uri.toString() || message.type !== 'overview' || !accept(message)) return;
            clearTimeout(timer);
            listener.dispose();
            resolve(message);
        });
    });
}

describe('Analytics on the preview graph, in the hover and filtered in the panel', function () {
    this.timeout(120_000);
    let api: ChatflowExtensionApi;
    let posted: PostedMessages;
    let stats: Extract<BoxStatsResult, { available: true }>;
    const clinic = () => workspaceUri('clinic.chatflow');

    before(async () => {
        api = await activateExtension();
        await startClean(clinic());
        await openInEditor(clinic());
        posted = new PostedMessages(api.preview);
        // Idempotent: adds nothing when an earlier suite imported the same logs.
        const logs = ['clinic-2026-11.jsonl', 'pharmacy-refill-2026-11.csv'].map(name => workspaceUri('logs', name).fsPath);
        assert.ok(await vscode.commands.executeCommand('chatflow.importLogs', logs), 'the sample logs import');
        // By method name: the suite bundle's RequestType objects are not the extension bundle's.
        const result = await api.client.sendRequest<BoxStatsResult>(BoxStatsRequest.method, { uri: clinic().toString() });
        assert.ok(result.available, 'the store has numbers after the import');
        stats = result;
    });

    after(async () => {
        posted.dispose();
        api.analytics.close(clinic());
        await closeAllPreviews(api.preview);
    });

    it('sends the preview the clinic flow\'s numbers, and clears and restores them with the overlay toggle', async () => {
        const from = posted.mark();
        await vscode.commands.executeCommand('chatflow.openPreviewToSide', clinic());
        const message = await posted.next('stats', clinic(), from, m => m.overlay !== undefined, 60_000);
        const overlay = message.overlay!;
        const menu = stats.stats['Clinic.main_menu'];
        assert.deepStrictEqual(overlay.boxes['Clinic.main_menu'], { chats: menu.visits, dropped: menu.dropOuts, rate: menu.dropOutRate, shade: overlay.boxes['Clinic.main_menu'].shade, goals: {} });
        assert.strictEqual(overlay.boxes['Clinic.confirmed'].goals.appointment, stats.stats['Clinic.confirmed'].conversions.appointment, 'the goal box carries its conversions');
        const welcomeToMenu = stats.edges.find(e => e.from === 'Clinic.welcome' && e.to === 'Clinic.main_menu')!;
        const edge = Object.entries(overlay.edges).find(([id]) => id.startsWith('Clinic.welcome:'))!;
        assert.strictEqual(edge[1].chats, welcomeToMenu.chats);
        assert.ok(edge[1].weight >= 1);
        assert.ok(Object.keys(overlay.edges).length > 10 && Object.values(overlay.edges).some(e => e.weight === 6), 'every clinic edge, the busiest at full weight');

        const off = posted.mark();
        assert.strictEqual(await vscode.commands.executeCommand<boolean>('chatflow.toggleOverlay'), false);
        try {
            await posted.next('stats', clinic(), off, m => m.overlay === undefined);
        } finally {
            const on = posted.mark();
            assert.strictEqual(await vscode.commands.executeCommand<boolean>('chatflow.toggleOverlay'), true);
            await posted.next('stats', clinic(), on, m => m.overlay !== undefined);
        }
    });

    it('hovers a box with its numbers and a trusted link whose chats add up to them', async () => {
        const editor = await openInEditor(clinic());
        const position = positionOf(editor.document, 'choice main_menu', 9);
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', clinic(), position);
        const contents = hovers.flatMap(h => h.contents).filter((c): c is vscode.MarkdownString => c instanceof vscode.MarkdownString && c.value.includes('List the chats'));
        assert.strictEqual(contents.length, 1, `one analytics hover; got ${JSON.stringify(hovers.flatMap(h => h.contents))}`);
        const menu = stats.stats['Clinic.main_menu'];
        assert.ok(contents[0].value.includes(`${menu.visits} chats, ${menu.dropOuts} dropped out here (${(menu.dropOutRate * 100).toFixed(1)}%)`), contents[0].value);
        const link = /\(command:chatflow\.showChats\?([^)]+)\)/.exec(contents[0].value);
        assert.ok(link, `a command link in ${contents[0].value}`);
        const [args] = JSON.parse(decodeURIComponent(link[1])) as [ShowChatsArgs];
        assert.strictEqual(args.box, 'Clinic.main_menu');
        const expected = [menu.visits, menu.dropOuts];
        for (const [i, number] of args.numbers.slice(0, 2).entries()) {
            const page = await api.client.sendRequest<ChatPage>(ChatsRequest.method, { uri: args.uri, drill: number.drill, limit: 5 });
            assert.strictEqual(page.total, expected[i], `'${number.label}' lists ${expected[i]} chats`);
        }
        // An unshaded box (no drop-outs to speak of) has the hover too.
        const goodbye = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', clinic(), positionOf(editor.document, 'end goodbye', 5));
        assert.ok(goodbye.flatMap(h => h.contents).some(c => c instanceof vscode.MarkdownString && c.value.includes(`${stats.stats['Clinic.goodbye'].visits} chats`)));
    });

    it('filters every number of the Analytics panel by flow version', async () => {
        await openInEditor(clinic());
        const opened = nextOverview(api, clinic(), m => m.result.available);
        await vscode.commands.executeCommand('chatflow.openAnalytics', clinic());
        const all = (await opened).result;
        assert.ok(all.available && all.versions.length >= 2, 'the sample logs hold two flow versions');
        const version = all.versions[0];
        const filtered = nextOverview(api, clinic(), m => m.filter?.version === version.version);
        await api.analytics.deliver(clinic(), { type: 'filter', filter: { version: version.version } });
        const result = (await filtered).result;
        assert.ok(result.available);
        assert.deepStrictEqual(result.storeVersions, all.versions.map(v => v.version), 'the picker still offers every version');
        const start = result.funnels[0].steps[0];
        assert.strictEqual(start.chats, version.chats, `the funnel starts with the ${version.chats} chats of ${version.version}`);
        assert.ok(start.chats < all.funnels[0].steps[0].chats);
        const top = result.dropOuts[0];
        const answer = new Promise<ChatPage>(resolve => {
            const listener = api.analytics.onDidPost(({ message }) => {
                if (message.type === 'chats' && message.requestId === 31) { listener.dispose(); resolve(message.page); }
            });
        });
        await api.analytics.deliver(clinic(), { type: 'chats', requestId: 31, drill: { metric: 'dropOuts', box: top.box }, offset: 0, limit: 50 });
        assert.strictEqual((await answer).total, top.dropOuts, 'the chats behind a filtered number add up to it');
    });
});
