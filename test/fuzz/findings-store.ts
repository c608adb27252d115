import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WorkspaceFile } from './editor-session.js';

/** Where failures are saved; git-ignored (test-output/). */
export const DEFAULT_OUT = 'test-output/fuzz';

export interface SavedFailure {
    /** Stable across runs: kind, service (without position) and message with names and numbers masked. */
    signature: string;
    mode: 'in-process' | 'lsp';
    seed: number;
    index: number;
    source: string;
    mutations: string[];
    service: string;
    kind: string;
    message: string;
    stack?: string;
    /** The cursor offset of a position request, in the input and in the shrunk input. */
    offset?: number;
    shrunkOffset?: number;
}

/** Masks what varies between two occurrences of one bug: quoted names and numbers. */
export function signatureOf(kind: string, service: string, message: string): string {
    const masked = message.replace(/file:\/\/[^\s)]*/g, 'file:…').replace(/'[^']*'|"[^"]*"/g, "'…'").replace(/\d+/g, '#').substring(0, 200);
    return `${kind} ${service.split('@')[0]}: ${masked}`;
}

/**
 * Writes a failure to `<out>/<n>-<service>/`: `input.chatflow` (with its sibling files), `failure.json`
 * (seed, mutant index, service, message, stack) and, once shrunk, `shrunk.chatflow`.
 */
export function saveFailure(out: string, number: number, failure: SavedFailure, input: string, siblings: readonly WorkspaceFile[], shrunk?: string): string {
    const folder = join(out, `${String(number).padStart(3, '0')}-${failure.kind}-${failure.service.split('@')[0]}`);
    mkdirSync(join(folder, 'siblings'), { recursive: true });
    writeFileSync(join(folder, 'input.chatflow'), input);
    for (const sibling of siblings) writeFileSync(join(folder, 'siblings', sibling.name), sibling.text);
    if (shrunk !== undefined) writeFileSync(join(folder, 'shrunk.chatflow'), shrunk);
    writeFileSync(join(folder, 'failure.json'), JSON.stringify(failure, null, 2) + '\n');
    return folder;
}
