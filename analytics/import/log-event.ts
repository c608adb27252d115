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
}

export interface Malformed {
    line: number;
    reason: string;
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
export type LogFormat = 'jsonl' | 'json' | 'csv' | 'rasa-tracker' | 'rasa-events';

export const LOG_FORMATS: readonly LogFormat[] = ['jsonl', 'json', 'csv', 'rasa-tracker', 'rasa-events'];

/** Settings every reader needs for logs that leave something out. */
export interface ReaderOptions {
    /** The flow of events whose log names none (Rasa logs never do). */
    defaultFlow?: string;
    /** The version of events whose log names none. */
    defaultVersion?: string;
}
