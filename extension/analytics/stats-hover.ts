import * as vscode from 'vscode';
import { closesChat } from '../../language/flow-model.js';
import type { FlowClient } from '../flow-client.js';
import { overlayEnabled } from './analytics-overlay.js';
import { shadingHover } from './drop-out-shading.js';

/**
 * Hovering the first line of a box shows its numbers and a link that lists the chats behind them
 * (the code lens's command; the link is trusted for that command only). Every box with chats gets
 * it, shaded or not; none while the overlay is off or there is no store.
 */
export function registerStatsHover(flows: FlowClient): vscode.Disposable {
    return vscode.languages.registerHoverProvider({ language: 'chatflow' }, {
        provideHover: async (document, position) => {
            if (!overlayEnabled()) return undefined;
            const uri = document.uri.toString();
            const graphs = (await flows.pull(document.uri)).flows ?? [];
            const box = graphs.flatMap(g => g.boxes).find(b => !b.external && b.range.uri === uri && b.range.start.line === position.line);
            if (!box) return undefined;
            const result = await flows.boxStats({ uri });
            if (!result.available || !result.stats[box.id]) return undefined;
            const line = document.lineAt(position.line).range;
            return new vscode.Hover(shadingHover(result.stats[box.id], uri, !closesChat(box.kind), result.scope), line);
        }
    });
}
