/**
 * The ordinal that, with (chat, ts, type, box, goal), is an event's identity in the store (the
 * unique index `events_identity`). The rule, per chat, among its events at one timestamp:
 *
 * - A line that repeats the chat's previous event exactly (same time, type, box, goal, flow,
 *   version and text) is the SAME event written twice (a logger or shipper retrying) and gets
 *   that event's ordinal, so it is stored once. A line repeated elsewhere in the file (after the
 *   chat moved on to a later time) starts the count at that time again and is the same event too.
 * - Otherwise the first event with a (type, box, goal) gets 0, the next distinct one 1...: two
 *   answers at one box in the same second with different texts ("yes", then "no"), or a box
 *   entered again after something else happened in the same second (enter, answer, enter again
 *   on a retry), are different events and all are stored.
 *
 * The text compared is the text as logged, in memory only: the store keeps the text after the
 * privacy policy ([redacted]), where two different answers look alike. A re-export of the same
 * log numbers its lines the same way, so it dedupes line for line.
 *
 * Nearly every event is the only one of its chat at its time, so a chat keeps just its previous
 * event at the current time, and a map of counts only once a second distinct event shares it.
 */
export class IdentityOrdinals {
    private readonly chats = new Map<string, ChatState>();

    next(chat: string, ts: number, type: string, box: string, goal: string, content: string): number {
        const key = `${type}\u0000${box}\u0000${goal}`;
        const state = this.chats.get(chat);
        if (!state || state.ts !== ts) {
            this.chats.set(chat, { ts, key, content, ordinal: 0, firstKey: key });
            return 0;
        }
        if (state.key === key && state.content === content) return state.ordinal;
        // Until now only the first event at this time (and exact repeats of it) was seen.
        state.counts ??= new Map([[state.firstKey, 1]]);
        const ordinal = state.counts.get(key) ?? 0;
        state.counts.set(key, ordinal + 1);
        state.key = key;
        state.content = content;
        state.ordinal = ordinal;
        return ordinal;
    }
}

interface ChatState {
    ts: number;
    /** The chat's previous event at `ts`: its key, content and the ordinal it got. */
    key: string;
    content: string;
    ordinal: number;
    firstKey: string;
    /** Distinct events per key at `ts`, once there is more than one. */
    counts?: Map<string, number>;
}

/** What, besides the key, makes two lines the same event: everything else the line says. */
export function eventContent(event: { flow: string; version: string; text: string | null }): string {
    return `${event.flow}\u0000${event.version}\u0000${event.text ?? ''}`;
}
