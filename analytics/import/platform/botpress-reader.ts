import type { ReadBatch } from '../log-event.js';
import { list, obj, str, timestampOf } from './fields.js';
import type { Button, PlatformChats } from './platform-chats.js';
import { platformReader, type RecordMapper, type RecordPlace } from './platform-reader.js';

/**
 * Botpress conversations and messages as the Chat API lists them
 * (https://botpress.com/docs/api-reference/runtime-api/openapi/listMessages and listConversations),
 * saved as JSON Lines or a JSON array, conversations first:
 * - a Conversation (`id`, `integration`, `channel`, `tags`) gives its chats' channel (the
 *   integration: webchat, whatsapp, telegram...) and source (a `utm_source` tag);
 * - a Message (`conversationId`, `createdAt`, `direction`, `type`, `payload`): `outgoing` is the
 *   bot (`payload.text`; a choice's or dropdown's `options[].label`/`value` are buttons; a card's
 *   `title`), `incoming` the user (`payload.text`, else a clicked option's `value`);
 * - Botpress v12 messages (`authorId` null for the bot, `sentOn`) read the same way.
 * The message list carries no node name: steps map to boxes by the bot's text. A message's tag
 * named after its integration (`whatsapp:id`) tells the channel when no conversation record did.
 */
class BotpressMapper implements RecordMapper {
    map(record: Record<string, unknown>, place: RecordPlace, chats: PlatformChats, batch: ReadBatch): string | undefined {
        const chat = str(record.conversationId);
        if (!chat) {
            const id = str(record.id);
            if (id && (record.integration !== undefined || record.channel !== undefined)) {
                const tags = obj(record.tags);
                chats.describe(id, { channel: str(record.integration), source: str(tags?.utm_source) }, batch);
                batch.ignored++;
                return undefined;
            }
            return 'neither a message ("conversationId") nor a conversation ("id", "integration"): export the API\'s messages and conversations as they are';
        }
        const ts = timestampOf(record.createdAt ?? record.sentOn, 'createdAt');
        if (typeof ts === 'string') return ts;
        const tagged = Object.keys(obj(record.tags) ?? {}).find(key => key.includes(':'));
        if (tagged) chats.describe(chat, { channel: tagged.slice(0, tagged.indexOf(':')) }, batch);
        const direction = str(record.direction) ?? ('authorId' in record ? (record.authorId === null || record.authorId === undefined ? 'outgoing' : 'incoming') : undefined);
        if (direction !== 'incoming' && direction !== 'outgoing') return 'cannot tell who sent this message: "direction" is neither incoming nor outgoing';
        const payload = obj(record.payload) ?? {};
        if (direction === 'incoming') {
            chats.user(chat, { ts, line: place.line, text: str(payload.text) ?? str(payload.value) ?? str(payload.label) ?? null }, batch);
            return undefined;
        }
        const buttons: Button[] = [...list(payload.options), ...list(payload.actions)].map(obj)
            .flatMap(o => (str(o?.label) ? [{ title: str(o!.label)!, value: str(o!.value) }] : []));
        const text = str(payload.text) ?? str(payload.title) ?? str(payload.markdown) ?? null;
        if (text === null && buttons.length > 0) {
            chats.offer(chat, buttons, batch);
            batch.ignored++;
            return undefined;
        }
        chats.bot(chat, { ts, line: place.line, kind: 'Botpress message', text, buttons: buttons.length > 0 ? buttons : undefined }, batch);
        return undefined;
    }
}

export const readBotpress = platformReader(() => new BotpressMapper());
