/** Writes one canonical event of the chat being generated (the twin the canonical import reads). */
export type Canon = (chat: string, ts: number, type: string, box: string, text?: string) => void;

/** Writes the records of chat `i` starting at `t` and their canonical twins; returns the events they make. */
export type Chat = (i: number, t: number, write: (text: string) => void, canon: Canon) => number;
