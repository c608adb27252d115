/** Benchmark chats of Botpress and Voiceflow (platform-data.ts): each writes one chat's records and its canonical events. */
import type { Chat } from './platform-chat-types.js';

const iso = (ms: number) => new Date(ms).toISOString();

/** Botpress: the Chat API's messages as JSON Lines. */
export const botpress: Chat = (i, t, write, canon) => {
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
export const voiceflow: Chat = (i, t, write, canon) => {
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
export const ROUNDS_PER_TRANSCRIPT = 1500;
