import type { ReadBatch } from '../log-event.js';
import { list, obj, plainSpeech, sourceIn, str, timestampOf } from './fields.js';
import type { Button, PlatformChats } from './platform-chats.js';
import { platformReader, type RecordMapper, type RecordPlace } from './platform-reader.js';

/** The request attribute Lex sets when a bot runs on a channel integration (Slack, Facebook, Twilio SMS...). */
export const LEX_CHANNEL_ATTRIBUTE = 'x-amz-lex:channels:platform';

/**
 * Amazon Lex V2 conversation logs (https://docs.aws.amazon.com/lexv2/latest/dg/conversation-logs-cw.html),
 * one JSON entry per turn as CloudWatch Logs holds them or exports them to S3 (gzip, each line
 * prefixed by its time):
 * - `inputTranscript` answers the box that asked; `missedUtterance` true makes it a retry;
 * - `messages[]` (`content`, SSML read as text, a response card's title) are the bot at the step
 *   `sessionState`: `Intent.slot` while `dialogAction.type` is ElicitSlot (`slotToElicit`), else
 *   the intent's name; a turn without messages still enters its step;
 * - version: `bot.version`; channel: the request attribute x-amz-lex:channels:platform; source:
 *   `utm_source` among `requestAttributes` or `sessionState.sessionAttributes`.
 * Chat: `sessionId`. Entries of a session must come in time order (CloudWatch's order per stream).
 */
class LexV2Mapper implements RecordMapper {
    map(entry: Record<string, unknown>, place: RecordPlace, chats: PlatformChats, batch: ReadBatch): string | undefined {
        const chat = str(entry.sessionId);
        if (!chat) return 'a conversation log entry needs "sessionId": export whole log entries';
        const ts = timestampOf(entry.timestamp, 'timestamp');
        if (typeof ts === 'string') return ts;
        const session = obj(entry.sessionState);
        const attributes = obj(entry.requestAttributes);
        chats.describe(chat, {
            channel: str(attributes?.[LEX_CHANNEL_ATTRIBUTE])?.toLowerCase(),
            source: sourceIn(attributes) ?? sourceIn(session?.sessionAttributes)
        }, batch);
        const said = str(entry.inputTranscript);
        const missed = entry.missedUtterance === true || entry.missedUtterance === 'true';
        if (said !== undefined || missed) chats.user(chat, { ts, line: place.line, text: said ?? null, rejected: missed }, batch);
        const intent = str(obj(session?.intent)?.name);
        const action = obj(session?.dialogAction);
        const slot = str(action?.type) === 'ElicitSlot' ? str(action?.slotToElicit) : undefined;
        const step = intent && slot ? `${intent}.${slot}` : intent;
        const kind = slot ? 'Lex slot' : 'Lex intent';
        const version = str(obj(entry.bot)?.version);
        const messages = list(entry.messages).map(obj).filter(m => m !== undefined);
        const at = ts + 1; // the bot's reply sorts after the input it answers
        const buttons = messages.flatMap(m => list(obj(m.imageResponseCard)?.buttonsList).map(obj))
            .flatMap(b => (str(b?.text) ? [{ title: str(b!.text)!, value: str(b!.value) }] : [] as Button[]));
        const texts = messages.map(messageText).filter(t => t !== undefined);
        if (texts.length === 0) {
            if (step) chats.bot(chat, { ts: at, line: place.line, step, kind, text: null, version, buttons }, batch);
            else batch.ignored++;
        }
        texts.forEach((text, i) => chats.bot(chat, { ts: at, line: place.line, step, kind, text, version, buttons, textFirst: i < texts.length - 1 }, batch));
        return undefined;
    }
}

function messageText(message: Record<string, unknown>): string | undefined {
    const content = str(message.content);
    if (content) return str(message.contentType) === 'SSML' ? plainSpeech(content) : content;
    const card = obj(message.imageResponseCard);
    return str(card?.title) ?? str(card?.subtitle);
}

export const readLexV2 = platformReader(() => new LexV2Mapper());
