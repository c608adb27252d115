import { format } from 'node:util';

export interface Logged { level: 'error' | 'warn'; text: string }

/**
 * Collects what the language services write to console.error and console.warn (Langium reports
 * validation crashes, completion failures and too-early reference resolution there) instead of
 * printing it, until `restore()`.
 */
export function captureConsole(): { entries: Logged[]; restore(): void } {
    const entries: Logged[] = [];
    const { error, warn } = console;
    console.error = (...args: unknown[]) => { entries.push({ level: 'error', text: format(...args) }); };
    console.warn = (...args: unknown[]) => { entries.push({ level: 'warn', text: format(...args) }); };
    return {
        entries,
        restore() {
            console.error = error;
            console.warn = warn;
        }
    };
}
