/** Benchmark chats of Bot Framework, Dialogflow CX and Lex V2 (platform-data.ts): each writes one chat's records and its canonical events. */
import type { Chat } from './platform-chat-types.js';

const iso = (ms: number) => new Date(ms).toISOString();

/** Bot Framework: one JSON array, pretty-printed as the Emulator saves it (the multi-gigabyte .transcript case). */
export const botframework: Chat = (i, t, write, canon) => {
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
export const dialogflow: Chat = (i, t, write, canon) => {
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
export const lex: Chat = (i, t, write, canon) => {
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
