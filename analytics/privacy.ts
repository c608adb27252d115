import { createHmac } from 'node:crypto';
import type { FlowContext } from './flow-context.js';
import { REDACTED, type EventType, type PrivacyPolicy } from './model.js';
import { scrubSafeHarbor } from './privacy/safe-harbor.js';

/**
 * What happens to a logged text before it is written to disk, per workspace:
 * - 'redact' (default): values of sensitive inputs and free-text answers become `[redacted]`;
 * - 'hash': they become `[hash:…]`, a salted HMAC-SHA256, so equal answers stay joinable; the salt
 *   lives outside the database (privacy/salt-file.ts);
 * - 'keep' (explicit opt-in): free-text answers are kept, minus their Safe Harbor spans. Values of
 *   inputs marked `sensitive` (and answers at boxes the flows do not know) are never kept: the mark
 *   is the flow author's word, a workspace setting does not overrule it; they are redacted.
 * Whatever the policy, every text stored is scanned for Safe Harbor identifiers (safe-harbor.ts).
 */
export type { PrivacyPolicy };
export const PRIVACY_POLICIES: readonly PrivacyPolicy[] = ['redact', 'hash', 'keep'];

export interface PrivacyOptions {
    policy: PrivacyPolicy;
    /** The secret of the 'hash' policy. */
    salt?: Uint8Array;
    /** The secret that pseudonymises chat ids carrying a phone number or an email (privacy/chat-ids.ts); loaded on first need. */
    chatKey?: () => Uint8Array;
}

export const DEFAULT_PRIVACY: PrivacyOptions = { policy: 'redact' };

export interface TextToProtect {
    type: EventType;
    /** Resolved box id when matched. */
    box: string;
    matched: boolean;
    text: string | null;
}

/**
 * How much a text may tell about a patient:
 * - 'sensitive': an answer to an input marked sensitive, an answer at a box the flows do not know
 *   (we cannot tell it is safe), a bot text that interpolates a sensitive variable ("We'll text {phone}");
 * - 'free-text': anything else a chat typed (a button label clicked is not typed);
 * - 'fixed': bot texts, button labels, yes/no and small numbers: the flow's words, not the patient's.
 */
export type TextClass = 'sensitive' | 'free-text' | 'fixed';

/** `[redacted]`, `[redacted:email]`, `[hash:3f2a…]`: what a policy wrote; never protected again. */
const TOKEN = /^\[(?:redacted(?::[a-z]+)?|hash:[0-9a-f]+)\]$/;
const HASH_TOKEN = /^\[hash:[0-9a-f]+\]$/;
/** A token anywhere in a text: the Safe Harbor scan puts `[redacted:KIND]` inside kept texts. */
const ANY_TOKEN = /\[(?:redacted(?::[a-z]+)?|hash:[0-9a-f]+)\]/;
/** Hex digits of the HMAC shown: 64 bits, enough to join equal answers of one workspace. */
const HASH_DIGITS = 16;
const YES_NO = new Set(['yes', 'no', 'y', 'n', 'yeah', 'yep', 'nope', 'true', 'false']);

/** True when a policy or the Safe Harbor scan wrote over (part of) a stored text: what was typed cannot be read back. */
export function holdsProtectedText(text: string): boolean {
    return ANY_TOKEN.test(text);
}

/** The text to store for an event under the policy. */
export function protectText(event: TextToProtect, context: FlowContext, options: PrivacyOptions = DEFAULT_PRIVACY): string | null {
    if (event.text === null || event.text === '') return event.text;
    const kind = classifyText(event, context);
    if (TOKEN.test(event.text)) {
        // Re-applying a stricter policy: a hash of PHI becomes [redacted]; other tokens stay.
        return kind !== 'fixed' && options.policy === 'redact' && HASH_TOKEN.test(event.text) ? REDACTED : event.text;
    }
    if (kind === 'fixed' || (kind === 'free-text' && options.policy === 'keep')) return scrubbed(event.text);
    return options.policy === 'hash' ? hashToken(event.text, options) : REDACTED;
}

export function classifyText(event: TextToProtect, context: FlowContext): TextClass {
    if (!event.matched) return 'sensitive';
    // A rejected answer (retry) is typed by the chat like any answer.
    if (event.type === 'answer' || event.type === 'retry') {
        if (event.box === '' || context.isSensitiveInput(event.box)) return 'sensitive';
        return isFixedAnswer(event.box, event.text ?? '', context) ? 'fixed' : 'free-text';
    }
    if (event.type === 'enter') return context.textShowsSensitive(event.box) ? 'sensitive' : 'fixed';
    // goal and end events carry no user text; a text on them is treated as the box's own.
    return event.box !== '' && (context.isSensitiveInput(event.box) || context.textShowsSensitive(event.box)) ? 'sensitive' : 'fixed';
}

/** `[hash:…]`: HMAC-SHA256 of the answer as typed (trimmed, Unicode NFC) under the workspace's salt. */
export function hashToken(text: string, options: PrivacyOptions): string {
    if (!options.salt || options.salt.length === 0) throw new Error("the 'hash' privacy policy needs a salt: pass a salt file (privacy/salt-file.ts loads or creates one)");
    const digest = createHmac('sha256', options.salt).update(text.trim().normalize('NFC'), 'utf8').digest('hex');
    return `[hash:${digest.slice(0, HASH_DIGITS)}]`;
}

/** A clicked button, a yes/no, a small number: the box's own vocabulary, nothing the patient wrote. */
function isFixedAnswer(box: string, text: string, context: FlowContext): boolean {
    const answer = text.trim().toLowerCase();
    const kind = context.boxes.get(box);
    if (kind?.kind === 'choice') return context.choiceLabels(box).has(answer);
    if (kind?.input?.type === 'yesno') return YES_NO.has(answer);
    if (kind?.input?.type === 'number') return /^-?\d{1,4}(?:[.,]\d{1,2})?$/.test(answer);
    return false;
}

/** Bot texts repeat millions of times: each distinct one is scanned once (the cache is bounded). */
const SCANNED = new Map<string, string>();
const SCANNED_LIMIT = 20_000;

function scrubbed(text: string): string {
    let result = SCANNED.get(text);
    if (result === undefined) {
        result = scrubSafeHarbor(text).text;
        if (SCANNED.size >= SCANNED_LIMIT) SCANNED.clear();
        SCANNED.set(text, result);
    }
    return result;
}
