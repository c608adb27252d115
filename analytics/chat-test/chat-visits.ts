import type { TranscriptEntry } from '../model.js';

/** One box a chat entered, with what it typed or clicked there before it moved on (the last answer: earlier ones were retried). */
export interface Visit {
    box: string;
    answer?: string;
}

/** A chat's path through the flow, read from its events. */
export interface ChatPath {
    visits: Visit[];
    /** Goals the log says the chat reached. */
    goals: string[];
    /** A box the log names that the flow does not have (the flow changed since, or another bot's name). */
    unknownBox?: string;
}

/**
 * The boxes a chat entered, in order, each with its answer. A box entered twice in a row is one
 * visit (bots log the retry of an input as a new entry) unless the flow leads from it to itself.
 */
export function chatPath(transcript: readonly TranscriptEntry[], selfLoops: ReadonlySet<string>): ChatPath {
    const visits: Visit[] = [];
    const goals: string[] = [];
    for (const entry of transcript) {
        if (entry.type === 'goal' && entry.goal && !goals.includes(entry.goal)) goals.push(entry.goal);
        if (entry.type === 'enter') {
            if (!entry.matched) return { visits, goals, unknownBox: entry.box };
            const last = visits.at(-1);
            if (last?.box === entry.box && !selfLoops.has(entry.box)) continue;
            visits.push({ box: entry.box });
        }
        if (entry.type === 'answer' && entry.text !== undefined) {
            const last = visits.at(-1);
            if (last && (entry.box === '' || entry.box === last.box)) last.answer = entry.text;
        }
    }
    return { visits, goals };
}

/** `[redacted]`, `[redacted:email]`, `[hash:…]`: what a privacy policy left of a text, anywhere in it. */
const PRIVACY_TOKEN = /\[(?:redacted(?::[a-z]+)?|hash:[0-9a-f]+)\]/;

export function isProtected(text: string): boolean {
    return PRIVACY_TOKEN.test(text);
}
