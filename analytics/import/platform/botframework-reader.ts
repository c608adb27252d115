import type { ReadBatch } from '../log-event.js';
import { list, obj, sourceIn, str, timestampOf } from './fields.js';
import type { Button, PlatformChats } from './platform-chats.js';
import { platformReader, type RecordMapper, type RecordPlace } from './platform-reader.js';

/**
 * Bot Framework Activities (https://github.com/microsoft/botframework-sdk/blob/main/specs/botframework-activity/botframework-activity.md):
 * a `.transcript` (one JSON array, as the Emulator and the transcript logger middleware save it),
 * or the blob transcript store's folder of one activity per file.
 * - a `message` from the bot (`from.role` bot) enters the box its text maps to; the step key is
 *   the name of the event (or the label of the trace) the bot sent just before it in the same
 *   turn, which is a step of its own too: an `event` or `trace` from the bot enters its box;
 * - a `message` from the user answers (its `text`, else a string `value` a button posted);
 * - conversationUpdate, typing and the rest carry no step (ignored); a user `event`'s `value` may
 *   carry the entry source (`utm_source`), as Web Chat's join events do when the page sets it.
 * Chat: `conversation.id`; channel: `channelId`.
 */
const ANNOUNCED_KEPT = 10_000;

class BotFrameworkMapper implements RecordMapper {
    /** Per conversation: the step the bot announced in this turn (an event name, a trace label). */
    private readonly announced = new Map<string, string>();

    map(activity: Record<string, unknown>, place: RecordPlace, chats: PlatformChats, batch: ReadBatch): string | undefined {
        const type = str(activity.type);
        if (!type) return 'an activity needs a "type" (message, event, trace...): fix the record, or remove it';
        const chat = str(obj(activity.conversation)?.id);
        if (!chat) return 'an activity needs "conversation": {"id": ...}: add the conversation it belongs to';
        const channel = str(activity.channelId);
        if (channel) chats.describe(chat, { channel }, batch);
        if (type !== 'message' && type !== 'event' && type !== 'trace') {
            batch.ignored++;
            return undefined;
        }
        const ts = timestampOf(activity.timestamp ?? activity.localTimestamp, 'timestamp');
        if (typeof ts === 'string') return ts;
        const role = roleOf(activity);
        if (!role) return 'cannot tell who sent this activity: "from.role" is neither user nor bot';
        if (role === 'user') {
            this.announced.delete(chat);
            if (type === 'message') chats.user(chat, { ts, line: place.line, text: userText(activity) }, batch);
            else {
                chats.describe(chat, { source: sourceIn(activity.value) ?? sourceIn(activity.channelData) }, batch);
                batch.ignored++;
            }
            return undefined;
        }
        if (type !== 'message') {
            const step = type === 'event' ? str(activity.name) : str(activity.label) ?? str(activity.name);
            if (!step) {
                batch.ignored++;
                return undefined;
            }
            // Announcements last one turn: a chat that ends on one leaves it behind, so the map is bounded.
            if (this.announced.size >= ANNOUNCED_KEPT) this.announced.clear();
            this.announced.set(chat, step);
            chats.bot(chat, { ts, line: place.line, step, kind: type === 'event' ? 'Bot Framework event' : 'Bot Framework trace', text: null }, batch);
            return undefined;
        }
        const step = this.announced.get(chat);
        chats.bot(chat, { ts, line: place.line, step, kind: step ? 'Bot Framework event' : 'Bot Framework message', text: botText(activity), buttons: buttonsOf(activity) }, batch);
        return undefined;
    }
}

function roleOf(activity: Record<string, unknown>): 'user' | 'bot' | undefined {
    const from = str(obj(activity.from)?.role);
    if (from === 'user' || from === 'bot') return from;
    // Older transcripts leave `from.role` out; the recipient's role then tells.
    const to = str(obj(activity.recipient)?.role);
    return to === 'user' ? 'bot' : to === 'bot' ? 'user' : undefined;
}

function userText(activity: Record<string, unknown>): string | null {
    return str(activity.text) ?? str(activity.value) ?? str(obj(activity.value)?.text) ?? null;
}

/** The message's text, else the first card's text or title (a card without text is still the step's message). */
function botText(activity: Record<string, unknown>): string | null {
    const text = str(activity.text) ?? str(activity.speak);
    if (text) return text;
    for (const attachment of list(activity.attachments)) {
        const content = obj(obj(attachment)?.content);
        const said = str(content?.text) ?? str(content?.title) ?? str(content?.speak);
        if (said) return said;
    }
    return null;
}

/** Suggested actions and card buttons: a click posts the title (imBack) or only the value (postBack, messageBack). */
function buttonsOf(activity: Record<string, unknown>): Button[] | undefined {
    const actions = [
        ...list(obj(activity.suggestedActions)?.actions),
        ...list(activity.attachments).flatMap(a => list(obj(obj(a)?.content)?.buttons))
    ];
    const buttons = actions.map(obj).filter(a => a !== undefined).flatMap(a => {
        const title = str(a.title) ?? str(a.text) ?? str(a.displayText);
        return title ? [{ title, value: str(a.value) }] : [];
    });
    return buttons.length > 0 ? buttons : undefined;
}

export const readBotFramework = platformReader(() => new BotFrameworkMapper());
