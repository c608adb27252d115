import { FlowContext } from '../flow-context.js';
import type { SqlRunner } from '../metrics/sql.js';
import type { EventType } from '../model.js';
import { protectText, type PrivacyOptions } from '../privacy.js';
import { ChatIdProtector } from './chat-ids.js';
import { DERIVED_TABLES } from '../visit-facts.js';

export interface ReapplyOptions {
    privacy: PrivacyOptions;
    /**
     * The flows, to tell clicked buttons and yes/no answers (kept) from typed text. Without them
     * every answer counts as typed text: stricter, never weaker.
     */
    context?: FlowContext;
    displayName?: string;
}

export interface ReapplyResult {
    /** Texts looked at. */
    texts: number;
    /** Texts rewritten. */
    changed: number;
    /** Chat ids that carried a phone number, email, SSN or IP address, now pseudonyms. */
    chats: number;
}

/** Rows read per page and rewritten per UPDATE (2 parameters a row). */
const PAGE = 2000;
type Row = { id: number; type: EventType; box: string; matched: number; text: string };

/**
 * Re-applying a privacy policy to a stored database, the part both engines share: every stored
 * text through the policy again, and chat ids that carry contact details renamed to pseudonyms in
 * the events and every fact derived from them. The engine runs it in one transaction, then wipes
 * the old texts from its files.
 */
export async function rewriteTexts(db: SqlRunner, options: ReapplyOptions): Promise<{ texts: number; changed: number }> {
    const context = options.context ?? new FlowContext([]);
    let texts = 0;
    let changed = 0;
    for (let after = 0; ;) {
        const rows = await db.all<Row>('SELECT id, type, box, matched, text FROM events WHERE text IS NOT NULL AND id > ? ORDER BY id LIMIT ?', [after, PAGE]);
        if (rows.length === 0) break;
        after = rows[rows.length - 1].id;
        texts += rows.length;
        const updates: Array<[number, string | null]> = [];
        for (const row of rows) {
            const text = protectText({ type: row.type, box: row.box, matched: row.matched === 1, text: row.text }, context, options.privacy);
            if (text !== row.text) updates.push([row.id, text]);
        }
        if (updates.length > 0) {
            await db.all(`UPDATE events SET text = changed.text
                FROM (SELECT v.column1 AS id, v.column2 AS text FROM (VALUES ${updates.map(() => '(CAST(? AS BIGINT), ?)').join(', ')}) AS v) AS changed
                WHERE events.id = changed.id`, updates.flat());
            changed += updates.length;
        }
    }
    return { texts, changed };
}

/** Chat ids imported before they were pseudonymised, renamed in the events and in every fact derived from them. */
export async function pseudonymiseChats(db: SqlRunner, options: ReapplyOptions): Promise<number> {
    const protector = new ChatIdProtector(options.privacy.chatKey);
    const renames = (await db.all<{ chat: string }>('SELECT DISTINCT chat FROM events'))
        .map(({ chat }) => [chat, protector.protect(chat)] as const).filter(([chat, pseudonym]) => chat !== pseudonym);
    for (const [chat, pseudonym] of renames) {
        for (const table of ['events', ...DERIVED_TABLES]) {
            await db.all(`UPDATE ${table} SET chat = ? WHERE chat = ?`, [pseudonym, chat]);
        }
    }
    return renames.length;
}
