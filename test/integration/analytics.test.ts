import * as assert from 'node:assert';
import * as vscode from 'vscode';
import type { ImportSummary } from '../../analytics/model.js';
import type { DocumentFlows } from '../../language/flow-model.js';
import { BoxStatsRequest, FlowGraphRequest, type BoxStatsResult } from '../../server/protocol.js';
import type { ChatflowExtensionApi } from '../../extension/main.js';
import { activateExtension, openInEditor, workspaceUri } from './helpers.js';

/** Asks again every 100 ms until `accept` holds; fails with what it saw last. */
async function until<T>(what: string, ask: () => Thenable<T>, accept: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    let last: T | undefined;
    while (Date.now() < deadline) {
        last = await ask();
        if (accept(last)) return last;
        await new Promise(resolve => setTimeout(resolve, 100));
    }
    throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}; last: ${JSON.stringify(last)?.slice(0, 500)}`);
}

const lensesOf = (uri: vscode.Uri) => vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 100);

describe('Analytics in the editor', function () {
    this.timeout(90_000);
    let api: ChatflowExtensionApi;
    const clinic = () => workspaceUri('clinic.chatflow');

    before(async () => {
        api = await activateExtension();
        await openInEditor(clinic());
    });

    it('imports the sample logs through "Import Chat Logs…" and shows each clinic box\'s numbers in a code lens', async () => {
        const logs = ['clinic-2026-11.jsonl', 'pharmacy-refill-2026-11.csv'].map(name => workspaceUri('logs', name).fsPath);
        const started = Date.now();
        const summary = await vscode.commands.executeCommand<ImportSummary | undefined>('chatflow.importLogs', logs);
        const seconds = (Date.now() - started) / 1000;
        assert.ok(summary, 'the import command should resolve to its summary');
        assert.ok(summary.read > 10_000, `the sample logs hold many events; read ${summary.read}`);
        assert.strictEqual(summary.imported + summary.duplicates, summary.read);
        assert.strictEqual(summary.malformed, 0);
        // Right after the command resolves, without waiting: the code lenses read the imported
        // numbers, never "0 chats" from before the import (one notification, one generation).
        const right = await lensesOf(clinic());
        const titles = right.map(l => l.command?.title ?? '');
        assert.ok(titles.length > 10, `code lenses right after the import: ${JSON.stringify(titles)}`);
        assert.ok(titles.every(t => !t.startsWith('0 chats')), `a lens still reads the numbers from before the import: ${JSON.stringify(titles)}`);
        const welcomeVisits = Number(/^(\d+) chats/.exec(titles[0])?.[1]);
        assert.ok(welcomeVisits > 1000, `the first box's lens counts the sample's chats: '${titles[0]}'`);
        const dental = await vscode.commands.executeCommand<ImportSummary | undefined>('chatflow.importLogs', [workspaceUri('logs', 'dental-rasa-trackers.json').fsPath], { flowName: 'Dental' });
        assert.ok(dental && dental.read > 0);
        // The runner prints extension-host lines that carry its marker (test/integration/index.ts).
        console.log(`[chatflow-it]     import of clinic + pharmacy sample logs through the command: ${summary.read} events in ${seconds.toFixed(1)} s; dental Rasa trackers: ${dental.read} events`);

        // From the Explorer's context menu: the clicked resource, then the selection (already imported: all duplicates).
        const csv = workspaceUri('logs', 'pharmacy-refill-2026-11.csv');
        const again = await vscode.commands.executeCommand<ImportSummary | undefined>('chatflow.importLogs', csv, [csv]);
        assert.ok(again && again.read > 0 && again.duplicates === again.read, 'the Explorer\'s selection is imported (nothing new the second time)');

        const uri = clinic().toString();
        // By method name: the suite bundle's RequestType objects are not the extension bundle's.
        const stats = await api.client.sendRequest<BoxStatsResult>(BoxStatsRequest.method, { uri });
        assert.ok(stats.available, 'the store exists after the import');
        const graph = await api.client.sendRequest<DocumentFlows | null>(FlowGraphRequest.method, { uri });
        const boxes = graph!.flows!.flatMap(g => g.boxes).filter(b => !b.external && b.range.uri === uri);
        const flows = graph!.flows!.filter(g => g.range.uri === uri);
        const lenses = await until('a code lens per clinic box, and one on each flow', () => lensesOf(clinic()), l => l.length === boxes.length + flows.length && l.every(x => x.command));
        for (const flow of flows) {
            const lens = lenses.find(l => l.range.start.line === flow.range.start.line && l.command?.title.includes(' contained · '));
            assert.ok(lens, `no outcomes lens on flow ${flow.flow}`);
        }
        for (const box of boxes) {
            const s = stats.stats[box.id];
            const lens = lenses.find(l => l.range.start.line === box.range.start.line);
            assert.ok(lens?.command, `no code lens above ${box.id}`);
            const title = lens.command.title;
            assert.ok(title.startsWith(`${s.visits} chat`), `${box.id}: '${title}' should start with ${s.visits} chats`);
            if (box.kind !== 'end' && box.kind !== 'handoff') {
                assert.ok(title.includes(`${s.dropOuts} dropped (${(s.dropOutRate * 100).toFixed(1)}%)`), `${box.id}: '${title}' should say ${s.dropOuts} dropped`);
            }
            assert.strictEqual(lens.command.command, 'chatflow.showChats');
        }
        const menu = stats.stats['Clinic.main_menu'];
        assert.ok(menu.visits > 100 && menu.dropOuts > 0, 'the sample chats reach the main menu and some drop out there');
    });

    it('hides the code lenses when the overlay is toggled off, and shows them again', async () => {
        const on = await vscode.commands.executeCommand<boolean>('chatflow.toggleOverlay');
        assert.strictEqual(on, false);
        try {
            await until('no code lenses with the overlay off', () => lensesOf(clinic()), l => l.length === 0);
        } finally {
            assert.strictEqual(await vscode.commands.executeCommand<boolean>('chatflow.toggleOverlay'), true);
        }
        await until('code lenses back with the overlay on', () => lensesOf(clinic()), l => l.length > 0);
    });
});
