/**
 * Benchmark data: each platform's export of the same kind of chats as its test fixture (the
 * fixture flows map them), and the canonical JSON Lines of exactly the events each import stores,
 * so the two imports can be compared on the same events. Files are written in a temp folder,
 * streamed, a chat at a time.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import type { PlatformFormat } from '../../analytics/import/log-event.js';

export interface PlatformData {
    format: PlatformFormat;
    /** The log: a file, or a folder (Voiceflow: a file per transcript). */
    log: string;
    canonical: string;
    flow: string;
    flowName: string;
    events: number;
    bytes: number;
}

type Canon = (chat: string, ts: number, type: string, box: string, text?: string) => void;
type Chat = (i: number, t: number, write: (text: string) => void, canon: Canon) => number;

const FIXTURES = 'test/fixtures/analytics/platforms';
const T0 = Date.UTC(2026, 10, 2, 8, 0, 0);
const iso = (ms: number) => new Date(ms).toISOString();

/** Bot Framework: one JSON array, pretty-printed as the Emulator saves it (the multi-gigabyte .transcript case). */
const botframework: Chat = (i, t, write, canon) => {
    const conv = `conv-${i}`;
    const bot = { id: 'refill-bot', name: 'Riverside Pharmacy', role: 'bot' };
    const user = { id: `user-${i}`, name: 'Maria', role: 'user' };
    const act = (ms: number, from: object, extra: object) => write(`${i === 0 && ms === t ? '' : ',\n'}${JSON.stringify({ type: 'message', id: `${conv}|${ms}`, timestamp: iso(ms), channelId: 'webchat', from, conversation: { id: conv }, recipient: from === bot ? user : bot, ...extra }, null, 2)}`);
    act(t, bot, { text: 'Hi Maria, I can help you refill a prescription.' }); canon(conv, t, 'enter', 'Refill.welcome');
    act(t + 100, bot, { text: 'How would you like to get your medication?', suggestedActions: { actions: [{ type: 'imBack', title: 'Pick up in store', value: 'Pick up in store' }, { type: 'postBack', title: 'Home delivery', value: 'delivery' }] } }); canon(conv, t + 100, 'enter', 'Refill.ask_pickup');
    act(t + 9000, user, { value: 'delivery' }); canon(conv, t + 9000, 'answer', 'Refill.ask_pickup', 'Home delivery');
    act(t + 9500, bot, { text: 'Please enter your prescription number.' }); canon(conv, t + 9500, 'enter', 'Refill.ask_rx');
    act(t + 30000, user, { text: '12-34' }); canon(conv, t + 30000, 'retry', 'Refill.ask_rx', '12-34');
    act(t + 30500, bot, { text: "That doesn't look like a prescription number. It has 7 digits." });
    act(t + 52000, user, { text: `${1000000 + i}` }); canon(conv, t + 52000, 'answer', 'Refill.ask_rx', `${1000000 + i}`);
    act(t + 52900, bot, { attachments: [{ contentType: 'application/vnd.microsoft.card.hero', content: { title: "Your refill is on its way. We'll text you when it's ready." } }] }); canon(conv, t + 52900, 'enter', 'Refill.confirm');
    act(t + 53000, bot, { text: 'Thanks for using Riverside Pharmacy!' }); canon(conv, t + 53000, 'enter', 'Refill.goodbye');
    return 8;
};

/** Dialogflow CX: BigQuery rows as JSON Lines. */
const dialogflow: Chat = (i, t, write, canon) => {
    const session = `df-${i}`;
    const row = (pos: number, ms: number, input: object, messages: string[], page: string, matchType: string) => write(JSON.stringify({
        project_id: 'riverside-clinic', agent_id: 'agent', conversation_name: `projects/riverside-clinic/locations/us-central1/agents/agent/sessions/${session}`,
        turn_position: pos, request_time: iso(ms), language_code: 'en',
        request: { queryInput: { ...input, languageCode: 'en' }, queryParams: { channel: 'web' } },
        response: { queryResult: { responseMessages: messages.map(m => ({ text: { text: [m] } })), currentPage: { displayName: page }, match: { matchType } } },
        partial_responses: null, derived_data: null, conversation_signals: null, bot_answer_feedback: null
    }) + '\n');
    row(1, t, { event: { event: 'WELCOME' } }, ["Hi! I'm the Riverside Clinic assistant.", 'What kind of visit do you need?'], 'Visit Type', 'EVENT');
    canon(session, t + 1, 'enter', 'Clinic.welcome'); canon(session, t + 1, 'enter', 'Clinic.ask_visit');
    row(2, t + 10000, { text: { text: 'Check-up' } }, ['Are you covered by a health insurance plan?'], 'Insurance Check', 'INTENT');
    canon(session, t + 10000, 'answer', 'Clinic.ask_visit', 'Check-up'); canon(session, t + 10001, 'enter', 'Insurance Check');
    row(3, t + 20000, { text: { text: 'maybe?' } }, ['Sorry, please answer yes or no.'], 'Insurance Check', 'NO_MATCH');
    canon(session, t + 20000, 'retry', 'Insurance Check', 'maybe?');
    row(4, t + 30000, { text: { text: 'yes' } }, ["What's your full name?"], 'Patient Name', 'INTENT');
    canon(session, t + 30000, 'answer', 'Insurance Check', 'yes'); canon(session, t + 30001, 'enter', 'Clinic.ask_name');
    row(5, t + 40000, { text: { text: 'Maria Lopez' } }, ['Thanks, Maria! Your check-up is booked for tomorrow at 9:00.', 'Goodbye, and see you soon!'], 'End Session', 'PARAMETER_FILLING');
    canon(session, t + 40000, 'answer', 'Clinic.ask_name', 'Maria Lopez'); canon(session, t + 40001, 'enter', 'Clinic.confirm'); canon(session, t + 40001, 'enter', 'Clinic.goodbye');
    return 10;
};

/** Lex V2: CloudWatch's S3 export lines (time prefix), gzip-compressed afterwards. */
const lex: Chat = (i, t, write, canon) => {
    const session = `lex-${i}`;
    const entry = (ms: number, said: string, intent: string | undefined, slot: string | undefined, messages: object[], missed = false) => write(`${iso(ms)} ${JSON.stringify({
        'message-version': '2.0', bot: { id: 'QXJ5TL8WZK', name: 'RiversideClinic', version: '3' }, messages,
        sessionState: intent ? { dialogAction: { type: slot ? 'ElicitSlot' : 'Close', ...(slot ? { slotToElicit: slot } : {}) }, intent: { name: intent, slots: {}, state: slot ? 'InProgress' : 'Fulfilled' } } : {},
        sessionId: session, inputTranscript: said, missedUtterance: missed, requestId: `${session}-${ms}`, timestamp: iso(ms), inputMode: 'Text', operationName: 'RecognizeText'
    })}\n`);
    const text = (content: string) => ({ contentType: 'PlainText', content });
    entry(t, "I'd like to book an appointment", 'BookAppointment', 'VisitType', [{ contentType: 'ImageResponseCard', imageResponseCard: { title: 'What kind of appointment would you like to book?', buttonsList: [{ text: 'Check-up', value: 'checkup' }] } }]);
    canon(session, t, 'answer', '', "I'd like to book an appointment"); canon(session, t + 1, 'enter', 'Clinic.ask_visit');
    entry(t + 10000, 'checkup', 'BookAppointment', 'AppointmentDate', [text('What day works for you?')]);
    canon(session, t + 10000, 'answer', 'Clinic.ask_visit', 'Check-up'); canon(session, t + 10001, 'enter', 'Clinic.ask_date');
    entry(t + 20000, 'whenever', 'BookAppointment', 'AppointmentDate', [text('Sorry, what day works for you?')]);
    canon(session, t + 20000, 'retry', 'Clinic.ask_date', 'whenever');
    entry(t + 30000, 'next Tuesday', 'BookAppointment', 'PatientName', [text("May I have the patient's full name, please?")]);
    canon(session, t + 30000, 'answer', 'Clinic.ask_date', 'next Tuesday'); canon(session, t + 30001, 'enter', 'BookAppointment.PatientName');
    entry(t + 40000, 'Maria Lopez', 'BookAppointment', undefined, [text("You're all set: check-up on 2026-11-10."), text('Thank you for calling Riverside Clinic.')]);
    canon(session, t + 40000, 'answer', 'BookAppointment.PatientName', 'Maria Lopez'); canon(session, t + 40001, 'enter', 'Clinic.confirm'); canon(session, t + 40001, 'enter', 'Clinic.goodbye');
    return 10;
};

/** Botpress: the Chat API's messages as JSON Lines. */
const botpress: Chat = (i, t, write, canon) => {
    const conv = `conv_${i}`;
    const msg = (ms: number, direction: string, type: string, payload: object) => write(JSON.stringify({ id: `msg_${i}_${ms}`, createdAt: iso(ms), updatedAt: iso(ms), type, payload, direction, userId: `user_${i}`, conversationId: conv, tags: {} }) + '\n');
    msg(t, 'outgoing', 'text', { text: "Hey! I'm the Riverside Outfitters assistant." }); canon(conv, t, 'enter', 'Orders.welcome');
    msg(t + 100, 'outgoing', 'choice', { text: 'What do you need help with?', options: [{ label: 'Track an order', value: 'track' }, { label: 'Return an item', value: 'return' }] }); canon(conv, t + 100, 'enter', 'Orders.ask_help');
    msg(t + 7000, 'incoming', 'text', { text: 'Track an order', value: 'track' }); canon(conv, t + 7000, 'answer', 'Orders.ask_help', 'Track an order');
    msg(t + 7500, 'outgoing', 'text', { text: "What's your order number?" }); canon(conv, t + 7500, 'enter', 'Orders.ask_order');
    msg(t + 25000, 'incoming', 'text', { text: '12345' }); canon(conv, t + 25000, 'retry', 'Orders.ask_order', '12345');
    msg(t + 25500, 'outgoing', 'text', { text: 'Order numbers look like RO-12345. Please try again.' });
    msg(t + 36000, 'incoming', 'text', { text: `RO-${10000 + (i % 90000)}` }); canon(conv, t + 36000, 'answer', 'Orders.ask_order', `RO-${10000 + (i % 90000)}`);
    msg(t + 36600, 'outgoing', 'card', { title: `Order RO-${10000 + (i % 90000)} is out for delivery and arrives today.` }); canon(conv, t + 36600, 'enter', 'Orders.order_status');
    msg(t + 37000, 'outgoing', 'text', { text: 'Anything else? Just say hi.' }); canon(conv, t + 37000, 'enter', 'Orders.goodbye');
    return 8;
};

/** Voiceflow: a transcript's dialog per file; each "chat" here is one round of a long session. */
const voiceflow: Chat = (i, t, write, canon) => {
    const chat = `vf-${Math.floor(i / ROUNDS_PER_TRANSCRIPT)}`;
    const first = i % ROUNDS_PER_TRANSCRIPT === 0;
    let sep = first ? '' : ',\n';
    const turn = (ms: number, format: string, type: string, payload: unknown) => {
        write(`${sep}${JSON.stringify({ turnID: `${chat}-${ms}`, format, type, payload, startTime: iso(ms) }, null, 2)}`);
        sep = ',\n';
    };
    const trace = (ms: number, type: string, payload: object) => turn(ms, 'trace', type, { type, payload });
    trace(t, 'block', { blockID: '65f1a2b3c4d5e6f708091a2b' });
    trace(t, 'text', { message: 'What can I help you with?' }); canon(chat, t, 'enter', 'Support.ask_topic');
    trace(t, 'choice', { buttons: [{ name: 'Book a cleaning', request: { type: 'path-x1', payload: { label: 'Book a cleaning' } } }] });
    turn(t + 9000, 'request', 'path-x1', { type: 'path-x1', payload: { label: 'Book a cleaning' } }); canon(chat, t + 9000, 'answer', 'Support.ask_topic', 'Book a cleaning');
    trace(t + 9000, 'block', { blockID: '65f1a2b3c4d5e6f708091a3c' });
    trace(t + 9001, 'text', { message: "What's the best phone number to reach you?" }); canon(chat, t + 9001, 'enter', 'Support.ask_phone');
    turn(t + 20000, 'request', 'text', { type: 'text', payload: 'call me maybe' }); canon(chat, t + 20000, 'retry', 'Support.ask_phone', 'call me maybe');
    trace(t + 20001, 'text', { message: 'Sorry, I need a phone number, like 555-201-3344.' });
    turn(t + 30000, 'request', 'text', { type: 'text', payload: '555 201 3344' }); canon(chat, t + 30000, 'answer', 'Support.ask_phone', '555 201 3344');
    trace(t + 30000, 'block', { blockID: '65f1a2b3c4d5e6f708091a4d' });
    trace(t + 30001, 'text', { message: "Thanks! We'll call you back within one business day." }); canon(chat, t + 30001, 'enter', 'Support.callback');
    trace(t + 30002, 'text', { message: 'Have a great day!' }); canon(chat, t + 30002, 'enter', 'Support.goodbye');
    return 7;
};

/** Rounds per Voiceflow transcript file: ~10,000 events a file. */
const ROUNDS_PER_TRANSCRIPT = 1500;

const PLATFORMS: Record<PlatformFormat, { chat: Chat; flow: string; flowName: string; file: string; array: boolean }> = {
    'botframework': { chat: botframework, flow: `${FIXTURES}/botframework/refill.chatflow`, flowName: 'Refill', file: 'bench.transcript', array: true },
    'dialogflow-cx': { chat: dialogflow, flow: `${FIXTURES}/dialogflow-cx/clinic.chatflow`, flowName: 'Clinic', file: 'bq-export.ndjson', array: false },
    'lex-v2': { chat: lex, flow: `${FIXTURES}/lex-v2/clinic.chatflow`, flowName: 'Clinic', file: '000000', array: false },
    'voiceflow': { chat: voiceflow, flow: `${FIXTURES}/voiceflow/dental.chatflow`, flowName: 'Support', file: 'transcripts', array: true },
    'botpress': { chat: botpress, flow: `${FIXTURES}/botpress/orders.chatflow`, flowName: 'Orders', file: 'messages.ndjson', array: false }
};

/** Writes a platform's log of at least `events` events and its canonical twin into `folder`. */
export async function writePlatformData(root: string, folder: string, format: PlatformFormat, events: number): Promise<PlatformData> {
    const spec = PLATFORMS[format];
    const log = path.join(folder, spec.file);
    const canonical = path.join(folder, `${format}.canonical.jsonl`);
    const canonOut = new Buffered(canonical);
    let out: Buffered | undefined;
    let written = 0;
    let bytes = 0;
    if (format === 'voiceflow') fs.mkdirSync(log, { recursive: true });
    const canon: Canon = (chat, ts, type, box, text) => canonOut.write(JSON.stringify({ chat, ts: iso(ts), flow: spec.flowName, version: '', box, type, ...(text ? { text } : {}) }) + '\n');
    for (let i = 0; written < events; i++) {
        if (!out || (format === 'voiceflow' && i % ROUNDS_PER_TRANSCRIPT === 0)) {
            if (out) bytes += await out.close(spec.array ? '\n]\n' : '');
            out = new Buffered(format === 'voiceflow' ? path.join(log, `vf-${i / ROUNDS_PER_TRANSCRIPT}.json`) : log);
            if (spec.array) out.write('[\n');
        }
        written += spec.chat(i, T0 + i * 60_000, text => out!.write(text), canon);
    }
    bytes += await out!.close(spec.array ? '\n]\n' : '');
    await canonOut.close('');
    let file = log;
    if (format === 'lex-v2') {
        // As S3 stores it.
        file = `${log}.gz`;
        await new Promise<void>((resolve, reject) => fs.createReadStream(log).pipe(zlib.createGzip()).pipe(fs.createWriteStream(file)).on('finish', resolve).on('error', reject));
        fs.rmSync(log);
    }
    return { format, log: file, canonical, flow: path.join(root, spec.flow), flowName: spec.flowName, events: written, bytes };
}

/** Appends to a file through a 1 MB buffer, synchronously (the generator writes millions of small pieces, and must not queue them in memory). */
class Buffered {
    private readonly fd: number;
    private parts: string[] = [];
    private size = 0;
    private bytes = 0;

    constructor(file: string) {
        this.fd = fs.openSync(file, 'w');
    }

    write(text: string): void {
        this.parts.push(text);
        this.size += text.length;
        if (this.size > 1 << 20) this.flush();
    }

    async close(tail: string): Promise<number> {
        this.write(tail);
        this.flush();
        fs.closeSync(this.fd);
        return this.bytes;
    }

    private flush(): void {
        const chunk = Buffer.from(this.parts.join(''));
        this.bytes += chunk.length;
        fs.writeSync(this.fd, chunk);
        this.parts = [];
        this.size = 0;
    }
}
