/**
 * How long people take in a chat, for the sample logs: reading the bot's messages by their length,
 * thinking, typing an answer by its length, with a long tail (a phone call, another tab) and now
 * and then a pause of many minutes after which the chat goes on (within the 30-minute timeout, so
 * it is still one chat). All times in milliseconds, drawn from the seeded generator.
 */

/** Reading speed: about 230 words a minute, plus a moment to notice the message. */
const MS_PER_WORD = 260;
const NOTICE_MS = 700;
/** Typing on a phone: about 4 characters a second. */
const MS_PER_CHARACTER = 250;
/** Share of answers that come after a long tail (tens of seconds to a few minutes). */
const TAIL_SHARE = 0.06;
/** Share of chats that pause once for 4-25 minutes and come back. */
export const PAUSE_SHARE = 0.04;

/** A log-normal factor around 1 (median 1): most people near the typical time, a few much slower. */
export function spread(random: () => number, sigma = 0.45): number {
    // Box-Muller: a standard normal from two uniforms.
    const u = Math.max(random(), 1e-9), v = random();
    const normal = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    return Math.exp(sigma * normal);
}

/** Time to read the bot's texts shown since the last answer. */
export function readingMs(texts: readonly string[], random: () => number): number {
    const words = texts.reduce((sum, text) => sum + text.split(/\s+/).filter(Boolean).length, 0);
    return Math.round((NOTICE_MS + words * MS_PER_WORD) * spread(random, 0.35));
}

/** Time from reading the question to sending the answer: a button press, or typing `answer`. */
export function answeringMs(kind: 'choice' | 'input' | 'action', answer: string, sensitive: boolean, random: () => number): number {
    if (kind === 'action') return Math.round(900 + random() * 2600); // the bot's own call to a service
    const base = kind === 'choice' ? 1600 : 1200 + answer.length * MS_PER_CHARACTER * (sensitive ? 1.4 : 1);
    const tail = random() < TAIL_SHARE ? 20_000 + random() * 160_000 : 0;
    return Math.round(base * spread(random) + tail);
}

/** The bot's own delay between two messages it sends in a row (typing indicator). */
export function botDelayMs(random: () => number): number {
    return 600 + Math.floor(random() * 900);
}

/** A pause of 4-25 minutes: the chat is picked up again before the inactivity timeout. */
export function pauseMs(random: () => number): number {
    return Math.round((4 + random() * 21) * 60_000);
}
