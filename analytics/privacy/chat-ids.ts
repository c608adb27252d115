import { createHmac } from 'node:crypto';
import { scrubSafeHarbor, type SafeHarborKind } from './safe-harbor.js';

/**
 * Chat ids are the join key, so they are stored as logged, unless they carry an identifier: Rasa's
 * WhatsApp and SMS channels use the sender's phone number (`whatsapp:+14155550142`), some web
 * widgets an email or an IP address. Those become a pseudonym, `whatsapp:[redacted:phone]~3f2a9c1e5b7d`:
 * the identifier removed, plus a keyed hash of the whole id so each chat stays one chat and a
 * re-import finds the same id (the key is the workspace's salt, outside the database).
 */
const PERSONAL: ReadonlySet<SafeHarborKind> = new Set(['email', 'phone', 'ssn', 'ip']);
const DIGITS = 12;
/** Ids remembered at once: a pseudonym is a pure function of the id and the key, so forgetting costs only recomputing. */
const KNOWN_LIMIT = 100_000;

export class ChatIdProtector {
    private readonly known = new Map<string, string>();
    private key: Uint8Array | undefined;

    /** `key` is asked for only when a chat id needs a pseudonym (so no salt file is made for nothing). */
    constructor(private readonly loadKey: (() => Uint8Array) | undefined) {}

    protect(chat: string): string {
        let stored = this.known.get(chat);
        if (stored === undefined) {
            stored = this.pseudonym(chat);
            // Bounded memory whatever the log's size.
            if (this.known.size >= KNOWN_LIMIT) this.known.clear();
            this.known.set(chat, stored);
        }
        return stored;
    }

    private pseudonym(chat: string): string {
        const scan = scrubSafeHarbor(chat);
        if (!scan.kinds.some(kind => PERSONAL.has(kind))) return chat;
        if (!this.loadKey) throw new Error(`a chat id carries a ${scan.kinds.filter(k => PERSONAL.has(k)).join(' and ')}: the import needs the workspace's salt to pseudonymise it (privacy options without chatKey)`);
        this.key ??= this.loadKey();
        return `${scan.text}~${createHmac('sha256', this.key).update(chat, 'utf8').digest('hex').slice(0, DIGITS)}`;
    }
}
