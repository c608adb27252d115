import { chatsInScope, type Scope } from './scope.js';
import type { SqlRunner } from './sql.js';

/** A path real chats took (the boxes they entered, in order), how many took it, and one of them. */
export interface FrequentPath {
    boxes: string[];
    chats: number;
    /** The first chat (by id) that took it: its transcript becomes the test. */
    example: string;
}

/**
 * The most frequent paths of the chats that started in `flow`: chats grouped by the exact
 * sequence of boxes they entered (matched boxes only; a box entered twice in a row counts once,
 * as a retry). Most chats first, then shorter paths.
 */
export async function frequentPaths(db: SqlRunner, scope: Scope, flow: string, top: number): Promise<FrequentPath[]> {
    const inScope = chatsInScope(scope, 'f', 'first_ts');
    const rows = await db.all<{ chat: string; box: string }>(
        `SELECT e.chat AS chat, e.box AS box FROM events e JOIN chat_facts f ON f.chat = e.chat
         WHERE f.flow = ? AND e.type = 'enter' AND e.matched = 1 AND ${inScope.sql}
         ORDER BY e.chat, e.ts, e.id`,
        [flow, ...inScope.params]);
    const paths = new Map<string, FrequentPath>();
    let chat: string | undefined;
    let boxes: string[] = [];
    const flush = () => {
        if (chat === undefined || boxes.length === 0) return;
        const key = boxes.join('\u001e');
        const found = paths.get(key);
        if (found) found.chats++;
        else paths.set(key, { boxes, chats: 1, example: chat });
    };
    for (const row of rows) {
        if (row.chat !== chat) {
            flush();
            chat = row.chat;
            boxes = [];
        }
        if (boxes.at(-1) !== row.box) boxes.push(row.box);
    }
    flush();
    return [...paths.values()].sort((a, b) => b.chats - a.chats || a.boxes.length - b.boxes.length || (a.example < b.example ? -1 : 1)).slice(0, top);
}
