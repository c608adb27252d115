import type { FlowContext } from './flow-context.js';
import { REDACTED } from './model.js';

/**
 * What happens to a logged text before it is written to disk.
 * - 'redact' (the default, and the only policy for now): sensitive values become `[redacted]`.
 * Issue 6 adds 'hash' (a salted hash, so equal answers stay comparable) and 'keep' (a per-workspace
 * opt-in): add them as cases of `protectText` below; the importer calls nothing else.
 */
export type SensitivePolicy = 'redact';

export interface PrivacyOptions {
    policy: SensitivePolicy;
}

export const DEFAULT_PRIVACY: PrivacyOptions = { policy: 'redact' };

export interface TextToProtect {
    type: 'enter' | 'answer' | 'goal' | 'end';
    /** Resolved box id when matched. */
    box: string;
    matched: boolean;
    text: string | null;
}

/**
 * The text to store for an event. PHI may sit in:
 * - answers to inputs marked sensitive (or saving a sensitive variable);
 * - answers at a box the flow does not know: we cannot tell they are safe;
 * - bot texts of boxes that interpolate a sensitive variable ("We'll text {phone}").
 * Free-text answers to inputs NOT marked sensitive are stored as typed for now; the design's
 * "free-text answers are redacted unless the workspace opts in" arrives with issue 6.
 */
export function protectText(event: TextToProtect, context: FlowContext, options: PrivacyOptions = DEFAULT_PRIVACY): string | null {
    if (event.text === null || event.text === '') return event.text;
    if (!needsProtection(event, context)) return event.text;
    switch (options.policy) {
        case 'redact': return REDACTED;
    }
}

function needsProtection(event: TextToProtect, context: FlowContext): boolean {
    if (!event.matched) return true;
    if (event.type === 'answer') return event.box === '' || context.isSensitiveInput(event.box);
    if (event.type === 'enter') return context.textShowsSensitive(event.box);
    // goal and end events carry no user text; a text on them is kept only if the box is known safe.
    return event.box === '' ? false : context.isSensitiveInput(event.box) || context.textShowsSensitive(event.box);
}
