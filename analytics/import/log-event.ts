import type { StepResolver } from './platform/step-resolver.js';
import type { EventType } from '../model.js';

/** One event as read from a log, before its box is resolved and privacy applied. */
export interface LogEvent {
    chat: string;
    /** Epoch ms, UTC. */
    ts: number;
    flow: string;
    version: string;
    type: EventType;
    /** The box name as logged ('' when the event names none). */
    box: string;
    text: string | null;
    goal: string;
    /** 1-based line in the file where the event's record starts. */
    line: number;
    /** The platform's step key (page, intent, slot, block, node, event name), when the log has one. */
    step?: string;
    /** web, sms, whatsapp, msteams, directline... from the platform's channel field. */
    channel?: string;
    /** The entry source (UTM) where the log carries one; stored on the chat's first event. */
    source?: string;
    /** Events of a platform reader: how its step is named in the import summary, and the bot text that maps it to a box. */
    platform?: PlatformStep;
}

/**
 * What a platform reader knows about the step an event belongs to, for mapping it to a box
 * (import/platform/step-resolver.ts): by `step` as an alias, else by the bot's text.
 */
export interface PlatformStep {
    /** What the step is on the platform, for the summary: "Dialogflow page", "Lex slot", "Voiceflow block"... */
    kind: string;
    /** The bot's text that asked (for a user turn: the prompt it answers); null when the bot said nothing readable. */
    prompt: string | null;
}

export interface Malformed {
    line: number;
    reason: string;
    /** The file inside a folder log (a Bot Framework blob store), when the log is a folder. */
    file?: string;
}

/** What a reader produced from one chunk of a file. */
export interface ReadBatch {
    events: LogEvent[];
    malformed: Malformed[];
    /** Records that are well-formed but carry no step of the flow (Rasa slots, action_listen...). */
    ignored: number;
    /** Lines consumed so far, for progress. */
    lines: number;
}

/** `json`: canonical events as one JSON array. */
export type LogFormat = 'jsonl' | 'json' | 'csv' | 'rasa-tracker' | 'rasa-events' | PlatformFormat;

/** The platforms' own exports (README: "Logs from bot platforms"). */
export type PlatformFormat = 'botframework' | 'dialogflow-cx' | 'lex-v2' | 'voiceflow' | 'botpress';

export const PLATFORM_FORMATS: readonly PlatformFormat[] = ['botframework', 'dialogflow-cx', 'lex-v2', 'voiceflow', 'botpress'];

export const LOG_FORMATS: readonly LogFormat[] = ['jsonl', 'json', 'csv', 'rasa-tracker', 'rasa-events', ...PLATFORM_FORMATS];

/** Settings every reader needs for logs that leave something out. */
export interface ReaderOptions {
    /** The flow of events whose log names none (Rasa logs never do). */
    defaultFlow?: string;
    /** The version of events whose log names none. */
    defaultVersion?: string;
    /** Maps platform steps to boxes (set by the import; without it a platform step matches nothing). */
    resolver?: StepResolver;
}
