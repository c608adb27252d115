import * as vscode from 'vscode';
import { SHOW_CHATS_COMMAND, type ShowChatsArgs, type TranscriptEntry } from '../../server/protocol.js';
import type { FlowClient } from '../flow-client.js';

const SCHEME = 'chatflow-transcript';
/** A QuickPick lists this many chats at most; the title says when there are more. */
const LISTED = 1000;

/**
 * The command behind a box's code lens: pick one of its numbers, then one of the chats behind it;
 * the chat's transcript opens as a read-only document.
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
                detail: c.count > 1 ? `${c.count} times` : undefined
            }));
            const more = page.total > items.length ? ` (first ${items.length} of ${page.total})` : ` (${page.total})`;
            const picked = await vscode.window.showQuickPick(items, { title: `${number.label}${more}`, placeHolder: 'Pick a chat to read its transcript', matchOnDescription: true });
            if (!picked) return;
            const uri = vscode.Uri.from({ scheme: SCHEME, path: `/${picked.label}.transcript`, query: new URLSearchParams({ chat: picked.label }).toString() });
            await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: true });
        })
    );
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
