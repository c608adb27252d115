import type { LogEvent, ReadBatch, ReaderOptions } from '../log-event.js';
import { labelOf, type BotTurn, type Button, type UserTurn } from './platform-turns.js';

export type { BotTurn, Button, UserTurn } from './platform-turns.js';

/** Chats whose state is kept at once (a few hundred bytes each). */
export const CHATS_KEPT = 100_000;

interface ChatState {
    /** The box the chat is at: its id when matched, else the step key ('' when unknown). */
    box: string;
    step?: string;
    kind: string;
    prompt: string | null;
    buttons?: readonly Button[];
    /** The user spoke since the bot entered `box`. */
    answered: boolean;
    /** The user's last turn, held until the bot's next turn tells an answer from a rejected one. */
    pending?: LogEvent;
    started: boolean;
    channel?: string;
    source?: string;
}

/**
 * Turns a platform's bot and user turns into canonical events, per chat, the same way for every
 * platform: a bot turn enters the box its step maps to (StepResolver); a user turn is an `answer`
 * at the box that asked, or a `retry` when the platform rejected it or the bot then asks the same
 * box again (a re-prompt enters nothing new); a second message of the same box in one turn (text,
 * then a card) is one entry. Events carry the chat's channel, and its source on its first event.
 * Turns of one chat must come in order; chats may interleave.
 *
 * Memory stays bounded whatever the log's size: past `limit` chats, the tenth idle longest is let
 * go (their held answers stored first). A log in time order never notices; a chat that comes back
 * after 100,000 others were active starts over at no box.
 */
export class PlatformChats {
    private readonly chats = new Map<string, ChatState>();

    constructor(private readonly options: ReaderOptions, private readonly limit = CHATS_KEPT) {}

    /** Channel and entry source, once the log tells them (the first one told is kept). */
    describe(chat: string, info: { channel?: string; source?: string }, batch: ReadBatch): void {
        const state = this.state(chat, batch);
        if (info.channel) state.channel ??= info.channel;
        if (info.source) state.source ??= info.source;
    }

    bot(chat: string, turn: BotTurn, batch: ReadBatch): void {
        const state = this.state(chat, batch);
        const flow = this.options.defaultFlow ?? '';
        const resolver = this.options.resolver;
        let match = turn.textFirst ? resolver?.resolve(flow, undefined, turn.text) : undefined;
        // A message of an earlier page of the turn, found by its text: the turn's step is not its own.
        const step = match && 'box' in match ? undefined : turn.step;
        if (!match || !('box' in match)) match = resolver?.resolve(flow, turn.step, turn.text);
        if (match && 'tie' in match) this.options.resolver!.noteTie(match.tie);
        const box = match && 'box' in match ? match.box : step ?? '';
        // After an input the platform rejected, a reply with no step of its own is the re-prompt (Lex logs no intent then).
        const again = (box !== '' && box === state.box) || (box === '' && state.pending?.type === 'retry');
        if (again && (state.pending || !state.answered)) {
            // A re-prompt of the box that asked: the answer before it was rejected. Or the same box's next message.
            if (state.pending) {
                state.pending.type = 'retry';
                this.emit(state, state.pending, batch);
                state.pending = undefined;
            } else {
                batch.ignored++;
            }
            if (turn.buttons) state.buttons = turn.buttons;
            return;
        }
        if (state.pending) this.emit(state, state.pending, batch);
        state.pending = undefined;
        this.emit(state, {
            chat, ts: turn.ts, flow, version: turn.version ?? this.options.defaultVersion ?? '', type: 'enter', box, text: turn.text, goal: '', line: turn.line,
            ...(step ? { step } : {}), platform: { kind: turn.kind, prompt: turn.text }
        }, batch);
        Object.assign(state, { box, step, kind: turn.kind, prompt: turn.text, buttons: turn.buttons, answered: false });
    }

    /** Buttons shown after the bot's message (a separate choice record): a click answers with their titles. */
    offer(chat: string, buttons: readonly Button[], batch: ReadBatch): void {
        if (buttons.length > 0) this.state(chat, batch).buttons = buttons;
    }

    user(chat: string, turn: UserTurn, batch: ReadBatch): void {
        const state = this.state(chat, batch);
        if (state.pending) this.emit(state, state.pending, batch);
        state.pending = {
            chat, ts: turn.ts, flow: this.options.defaultFlow ?? '', version: this.options.defaultVersion ?? '', type: turn.rejected ? 'retry' : 'answer',
            box: state.box, text: labelOf(turn.text, state.buttons), goal: '', line: turn.line,
            ...(state.step ? { step: state.step } : {}), platform: { kind: state.kind, prompt: state.prompt }
        };
        state.answered = true;
    }

    /** At the end of the log: the user turns still held. */
    end(batch: ReadBatch): void {
        for (const state of this.chats.values()) {
            if (state.pending) this.emit(state, state.pending, batch);
            state.pending = undefined;
        }
    }

    private emit(state: ChatState, event: LogEvent, batch: ReadBatch): void {
        if (state.channel) event.channel = state.channel;
        if (!state.started) {
            if (state.source) event.source = state.source;
            state.started = true;
        }
        batch.events.push(event);
    }

    private state(chat: string, batch: ReadBatch): ChatState {
        let state = this.chats.get(chat);
        if (state) {
            // Most recently used last: the chats let go are those idle longest.
            this.chats.delete(chat);
        } else {
            if (this.chats.size >= this.limit) this.forget(batch);
            state = { box: '', kind: '', prompt: null, answered: false, started: false };
        }
        this.chats.set(chat, state);
        return state;
    }

    /** Lets the tenth of the chats idle longest go, storing what they still hold. */
    private forget(batch: ReadBatch): void {
        let n = Math.ceil(this.limit / 10);
        for (const [chat, state] of this.chats) {
            if (n-- <= 0) break;
            if (state.pending) this.emit(state, state.pending, batch);
            this.chats.delete(chat);
        }
    }
}
