/**
 * The ordinal that tells apart identical events of one file: the same chat, time, type, box and
 * goal (a user sending "yes" twice in the same second). The first gets 0, the next 1... Counted
 * per chat while its timestamp stays the same, which is every log we know (events of a chat are
 * written in time order); a re-export numbers them the same way, so it dedupes line for line.
 *
 * Nearly every event is the only one of its chat at its time, so a chat keeps just the key of
 * its first event at the current time, and a map only once a second event shares that time.
 */
export class IdentityOrdinals {
    private readonly chats = new Map<string, { ts: number; first: string; seen?: Map<string, number> }>();

    next(chat: string, ts: number, type: string, box: string, goal: string): number {
        const key = `${type}\u0000${box}\u0000${goal}`;
        const state = this.chats.get(chat);
        if (!state) {
            this.chats.set(chat, { ts, first: key });
            return 0;
        }
        if (state.ts !== ts) {
            state.ts = ts;
            state.first = key;
            state.seen = undefined;
            return 0;
        }
        state.seen ??= new Map([[state.first, 1]]);
        const ordinal = state.seen.get(key) ?? 0;
        state.seen.set(key, ordinal + 1);
        return ordinal;
    }
}
