/**
 * The ordinal that tells apart identical events of one file: the same chat, time, type, box and
 * goal (a user sending "yes" twice in the same second). The first gets 0, the next 1... Counted
 * per chat while its timestamp stays the same, which is every log we know (events of a chat are
 * written in time order); a re-export numbers them the same way, so it dedupes line for line.
 */
export class IdentityOrdinals {
    private readonly chats = new Map<string, { ts: number; seen: Map<string, number> }>();

    next(chat: string, ts: number, type: string, box: string, goal: string): number {
        let state = this.chats.get(chat);
        if (!state || state.ts !== ts) {
            state = { ts, seen: new Map() };
            this.chats.set(chat, state);
        }
        const key = `${type}\u0000${box}\u0000${goal}`;
        const ordinal = state.seen.get(key) ?? 0;
        state.seen.set(key, ordinal + 1);
        return ordinal;
    }
}
