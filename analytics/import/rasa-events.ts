import type { LogEvent, ReaderOptions } from './log-event.js';
import { parseTimestamp } from './timestamps.js';

/**
 * Rasa's events (tracker `events` and event-broker lines) mapped to canonical events:
 * - `action` (not one of Rasa's own, like action_listen) -> `enter` at the box named or aliased
 *   by the action (`utter_ask_date`, `action_book_slot`);
 * - `bot` with `metadata.utter_action` -> the same, unless that action was just entered;
 * - `user` -> `answer` at the box the chat is at;
 * - `session_started` -> a new chat for the same sender (`sender#2`, `sender#3`...);
 * - anything else (slots, loops, featurization...) carries no step of the flow and is ignored:
 *   slot values may hold PHI and are never stored.
 * The mapping is stateful per sender, so events must arrive in each sender's order.
 */
export const RASA_OWN_ACTIONS = new Set([
    'action_listen', 'action_session_start', 'action_restart', 'action_back', 'action_extract_slots',
    'action_deactivate_loop', 'action_deactivate_form', 'action_unlikely_intent', 'action_two_stage_fallback'
]);

interface SenderState {
    sessions: number;
    chat: string;
    /** Events of the current session so far. */
    events: number;
    /** Box name of the last step (action or utterance), where a user message lands. */
    current: string;
    /** The action event just before, so its `bot` utterance does not count twice. */
    lastAction?: string;
}

export type RasaResult = { event: LogEvent } | { ignored: true } | { malformed: string };

export class RasaEventMapper {
    private readonly senders = new Map<string, SenderState>();

    constructor(private readonly options: ReaderOptions) {}

    map(raw: unknown, senderId: unknown, line: number): RasaResult {
        if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { malformed: 'a Rasa event must be a JSON object: fix the event, or remove it' };
        const event = raw as Record<string, unknown>;
        const kind = event.event;
        if (typeof kind !== 'string' || kind === '') return { malformed: 'missing "event": add its kind (user, bot, action, slot, session_started...)' };
        const sender = typeof senderId === 'string' || typeof senderId === 'number' ? String(senderId) : '';
        if (sender === '') return { malformed: 'missing "sender_id": add the conversation id the event belongs to' };
        const state = this.state(sender);
        if (kind === 'session_started') {
            if (state.events > 0) {
                state.sessions++;
                state.chat = `${sender}#${state.sessions}`;
                state.events = 0;
                state.current = '';
                state.lastAction = undefined;
            }
            return { ignored: true };
        }
        if (kind !== 'action' && kind !== 'bot' && kind !== 'user') return { ignored: true };
        const ts = parseTimestamp(event.timestamp);
        if (typeof ts === 'string') return { malformed: `"timestamp": ${ts}` };
        const base = { chat: state.chat, ts, flow: this.options.defaultFlow ?? '', version: this.versionOf(event), goal: '', line };
        if (kind === 'user') {
            state.lastAction = undefined;
            state.events++;
            const text = typeof event.text === 'string' && event.text !== '' ? event.text : null;
            return { event: { ...base, type: 'answer', box: state.current, text } };
        }
        const name = kind === 'action' ? event.name : utterAction(event.metadata);
        if (typeof name !== 'string' || name === '') {
            if (kind === 'action') return { malformed: 'an "action" event needs a "name": add the action that ran' };
            return { ignored: true };
        }
        if (RASA_OWN_ACTIONS.has(name)) return { ignored: true };
        if (kind === 'bot' && state.lastAction === name) {
            state.lastAction = undefined;
            return { ignored: true };
        }
        state.lastAction = kind === 'action' ? name : undefined;
        state.current = name;
        state.events++;
        return { event: { ...base, type: 'enter', box: name, text: null } };
    }

    private state(sender: string): SenderState {
        let state = this.senders.get(sender);
        if (!state) {
            state = { sessions: 1, chat: sender, events: 0, current: '' };
            this.senders.set(sender, state);
        }
        return state;
    }

    private versionOf(event: Record<string, unknown>): string {
        const metadata = event.metadata as Record<string, unknown> | undefined;
        if (typeof metadata?.model_id === 'string' && metadata.model_id !== '') return metadata.model_id;
        return this.options.defaultVersion ?? '';
    }
}

function utterAction(metadata: unknown): unknown {
    if (typeof metadata !== 'object' || metadata === null) return undefined;
    const m = metadata as Record<string, unknown>;
    return m.utter_action ?? m.template_name;
}
