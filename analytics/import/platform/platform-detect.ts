import type { PlatformFormat } from '../log-event.js';

/**
 * Which platform's export a record is from, by the fields its documentation gives it (never by
 * the file's name): a Bot Framework Activity, a Dialogflow CX BigQuery row, a Lex V2
 * conversation log entry, a Voiceflow dialog turn, a Botpress message or conversation.
 */
export function platformOf(record: Record<string, unknown>): PlatformFormat | undefined {
    if ('conversation_name' in record && 'turn_position' in record) return 'dialogflow-cx';
    if (typeof record.sessionId === 'string' && ('sessionState' in record || 'inputTranscript' in record) && ('bot' in record || 'messages' in record)) return 'lex-v2';
    if ('turnID' in record && typeof record.format === 'string') return 'voiceflow';
    if (typeof record.type === 'string' && isObject(record.conversation) && (isObject(record.from) || 'channelId' in record)) return 'botframework';
    if (typeof record.conversationId === 'string' && (typeof record.direction === 'string' || 'authorId' in record)) return 'botpress';
    if (typeof record.id === 'string' && typeof record.integration === 'string' && 'channel' in record) return 'botpress';
    return undefined;
}

/**
 * For a record bigger than the part of the file read (a pretty-printed first activity over
 * hundreds of lines): the keys that give its platform away.
 */
export function platformOfText(head: string): PlatformFormat | undefined {
    const has = (key: string) => new RegExp(`"${key}"\\s*:`).test(head);
    if (has('conversation_name') && has('turn_position')) return 'dialogflow-cx';
    if (has('sessionId') && has('sessionState')) return 'lex-v2';
    if (has('turnID') && has('format')) return 'voiceflow';
    if (has('conversation') && has('from') && has('channelId')) return 'botframework';
    if (has('conversationId') && has('direction')) return 'botpress';
    return undefined;
}

function isObject(value: unknown): boolean {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
