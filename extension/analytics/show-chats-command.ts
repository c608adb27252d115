import * as vscode from 'vscode';
import { CHAT_TO_TEST_COMMAND, SHOW_CHATS_COMMAND, type ShowChatsArgs, type TranscriptEntry } from '../../server/protocol.js';
import type { FlowClient } from '../flow-client.js';

const SCHEME = 'chatflow-transcript';
/** A QuickPick lists this many chats at most; the title says when there are more. */
const LISTED = 1000;

/**
 * The command behind a box's code lens: pick one of its numbers, then one of the chats behind it;
 * the chat's transcript opens as a read-only document, or (its button) the chat becomes a test.
 */
export function registerShowChats(flows: FlowClient): vscode.Disposable {
    const provider: vscode.TextDocumentContentProvider = {
        provideTextDocumentContent: async uri => {
            const chat = new URLSearchParams(uri.query).get('chat') ?? '';
            return formatTranscript(chat, await flows.transcript(chat));
        }
    };
    return vscode.Disposable.from(
        vscode.workspace.registerTextDocumentContentProvider(SCHEME, provider),
        vscode.commands.registerCommand(SHOW_CHATS_COMMAND, async (args: ShowChatsArgs) => {
            const number = args.numbers.length === 1 ? args.numbers[0]
                : await vscode.window.showQuickPick(args.numbers, { title: `Chats at ${args.box}`, placeHolder: 'Which number?' });
            if (!number) return;
            const page = await flows.chats({ uri: args.uri, drill: number.drill, limit: LISTED });
            const items = page.chats.map(c => ({
                label: c.chat,
                description: `${c.start.replace('T', ' ').slice(0, 16)} · ${c.flow} ${c.version}`,
                detail: c.count > 1 ? `${c.count} times` : undefined,
                flow: c.flow,
                buttons: [TURN_INTO_TEST]
            }));
            const more = page.total > items.length ? ` (first ${items.length} of ${page.total})` : ` (${page.total})`;
            const picked = await pickChat(items, `${number.label}${more}`);
            if (!picked) return;
            if (picked.button) {
                await vscode.commands.executeCommand(CHAT_TO_TEST_COMMAND, { chat: picked.item.label, flow: picked.item.flow });
                return;
            }
            const uri = vscode.Uri.from({ scheme: SCHEME, path: `/${picked.item.label}.transcript`, query: new URLSearchParams({ chat: picked.item.label }).toString() });
            await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: true });
        })
    );
}

const TURN_INTO_TEST: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('beaker'), tooltip: 'Turn into test' };

type ChatItem = vscode.QuickPickItem & { flow: string };

/** A chat picked to read (Enter), or to turn into a test (its button). */
function pickChat(items: ChatItem[], title: string): Promise<{ item: ChatItem; button: boolean } | undefined> {
    return new Promise(resolve => {
        const pick = vscode.window.createQuickPick<ChatItem>();
        pick.items = items;
        pick.title = title;
        pick.placeholder = 'Pick a chat to read its transcript, or turn it into a test with its button';
        pick.matchOnDescription = true;
        let chosen: { item: ChatItem; button: boolean } | undefined;
        pick.onDidAccept(() => { chosen = pick.selectedItems[0] && { item: pick.selectedItems[0], button: false }; pick.hide(); });
        pick.onDidTriggerItemButton(event => { chosen = { item: event.item, button: true }; pick.hide(); });
        pick.onDidHide(() => { pick.dispose(); resolve(chosen); });
        pick.show();
    });
}

function formatTranscript(chat: string, entries: TranscriptEntry[]): string {
    const lines = [`Chat ${chat}: ${entries.length} events`, ''];
    for (const e of entries) {
        const where = e.box ? (e.matched ? e.box : `${e.box} (not in the flow)`) : '';
        const what = e.type === 'goal' ? `goal ${e.goal ?? ''}` : e.type;
        lines.push(`${e.ts}  ${what.padEnd(7)} ${where}${e.text !== undefined ? `  "${e.text}"` : ''}`);
    }
    return lines.join('\n') + '\n';
}
