import * as path from 'node:path';
import type { ReadBatch } from '../log-event.js';
import { list, obj, plainSpeech, str, timestampOf } from './fields.js';
import type { Button, PlatformChats } from './platform-chats.js';
import { platformReader, type RecordMapper, type RecordPlace } from './platform-reader.js';

/**
 * Voiceflow transcript dialogs, as the Transcripts API's "Get Transcript Dialog"
 * (https://v4-docs.voiceflow.com/api-reference/legacy-transcripts-api/get-transcript-dialog, GET
 * /v2/transcripts/{projectID}/{transcriptID}; trace types: https://docs.voiceflow.com/reference/trace-types)
 * returns them: a JSON array of turns `{turnID, format: launch|request|trace, type, payload, startTime}`,
 * one file per transcript (saved as `<transcriptID>.json`; a folder of them imports at once).
 * - a `block` trace's `payload.blockID` is the step key of the traces after it;
 * - `text` and `speak` traces (`payload.message`) are the bot at that block; a `choice` trace's
 *   buttons (`payload.buttons[].name`) are the choices the user clicks;
 * - a `request` turn answers: a text request's payload, an intent request's `query`, a button's `label`;
 * - `launch`, `path`, `flow`, `debug`, `end` and the rest carry no step (ignored).
 * Chat: the transcript id (the file's name). No-match and no-reply re-prompts come as text traces
 * at the same block, so the answer before them becomes a retry.
 */
class VoiceflowMapper implements RecordMapper {
    private readonly blocks = new Map<string, string>();

    map(turn: Record<string, unknown>, place: RecordPlace, chats: PlatformChats, batch: ReadBatch): string | undefined {
        const format = str(turn.format);
        if (!format) return 'a transcript turn needs "format" (launch, request or trace): save the API\'s answer as it is';
        const chat = path.basename(place.file).replace(/(\.json)?(\.gz)?$/i, '');
        const payload = obj(turn.payload);
        const trace = obj(payload?.payload);
        const ts = timestampOf(turn.startTime ?? payload?.time, 'startTime');
        if (typeof ts === 'string') return ts;
        const type = str(turn.type);
        if (format === 'request') {
            if (type === 'launch' || str(payload?.type) === 'launch') {
                batch.ignored++;
                return undefined;
            }
            chats.user(chat, { ts, line: place.line, text: requestText(turn.payload) }, batch);
            return undefined;
        }
        if (format !== 'trace') {
            batch.ignored++;
            return undefined;
        }
        if (type === 'block') {
            const block = str(trace?.blockID);
            if (block) this.blocks.set(chat, block);
            batch.ignored++;
            return undefined;
        }
        if (type === 'text' || type === 'speak') {
            const message = str(trace?.message);
            chats.bot(chat, { ts, line: place.line, step: this.blocks.get(chat), kind: 'Voiceflow block', text: message ? plainSpeech(message) : null }, batch);
            return undefined;
        }
        if (type === 'choice') {
            const buttons: Button[] = list(trace?.buttons).map(obj).flatMap(b => (str(b?.name) ? [{ title: str(b!.name)! }] : []));
            chats.offer(chat, buttons, batch);
            batch.ignored++;
            return undefined;
        }
        batch.ignored++;
        return undefined;
    }
}

/** What the user sent: a text request's payload, an intent request's query, a button's label. */
function requestText(request: unknown): string | null {
    if (typeof request === 'string') return str(request) ?? null;
    const inner = obj(request)?.payload;
    if (typeof inner === 'string') return str(inner) ?? null;
    const p = obj(inner);
    return str(p?.label) ?? str(p?.query) ?? null;
}

export const readVoiceflow = platformReader(() => new VoiceflowMapper());
