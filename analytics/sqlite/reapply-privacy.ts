import * as path from 'node:path';
import { AnalyticsError, explainSqliteError } from '../errors.js';
import { FlowContext } from '../flow-context.js';
import { protectText, type PrivacyOptions } from '../privacy.js';
import { ChatIdProtector } from '../privacy/chat-ids.js';
import { saltId } from '../privacy/salt-file.js';
import type { SqliteConnection } from './connection.js';
import { openDatabase } from './open-database.js';
import { recordRedaction } from '../privacy-log.js';

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
type Row = { id: number; type: 'enter' | 'answer' | 'goal' | 'end'; box: string; matched: number; text: string };

/**
 * Re-applies a privacy policy to every stored text of an existing database, for data imported
 * under a weaker policy (or before policies existed). In place and atomic: one transaction, so a
 * crash leaves the old texts or the new ones, never a mix. Then the old texts are wiped from the
 * file itself: secure_delete zeroes freed cells, VACUUM rewrites every page, and a TRUNCATE
 * checkpoint empties the -wal file, which still holds them otherwise.
 */
export async function reapplyPrivacy(file: string, options: ReapplyOptions): Promise<ReapplyResult> {
    const name = options.displayName ?? file;
    const db = await openDatabase(path.resolve(file), { mode: 'existing', displayName: name });
    try {
        await db.run('PRAGMA secure_delete = ON');
        const result = await db.transaction(async () => {
            const texts = await rewriteTexts(db, options);
            const chats = await pseudonymiseChats(db, options);
            await recordRedaction(db, options.privacy.policy, options.privacy.salt ? saltId(options.privacy.salt) : '', texts.changed + chats);
            return { ...texts, chats };
        });
        await db.exec('VACUUM');
        const checkpoint = await db.get<{ busy: number; log: number; checkpointed: number }>('PRAGMA wal_checkpoint(TRUNCATE)');
        if (checkpoint && checkpoint.busy !== 0) {
            throw new AnalyticsError('locked', `${name}: the texts were rewritten, but another program (VS Code, a running import or report) still reads the database, so old copies may remain in ${path.basename(file)}-wal. Close it and run the redaction again to wipe them.`);
        }
        return result;
    } catch (error) {
        throw explainSqliteError(error, name) ?? error;
    } finally {
        await db.close();
    }
}

async function rewriteTexts(db: SqliteConnection, options: ReapplyOptions): Promise<{ texts: number; changed: number }> {
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
            await db.run(`UPDATE events SET text = changed.text
                FROM (SELECT column1 AS id, column2 AS text FROM (VALUES ${updates.map(() => '(?, ?)').join(', ')})) AS changed
                WHERE events.id = changed.id`, updates.flat());
            changed += updates.length;
        }
    }
    return { texts, changed };
}

/** Chat ids imported before they were pseudonymised, renamed in the events and in every fact derived from them. */
async function pseudonymiseChats(db: SqliteConnection, options: ReapplyOptions): Promise<number> {
    const protector = new ChatIdProtector(options.privacy.chatKey);
    const renames = (await db.all<{ chat: string }>('SELECT DISTINCT chat FROM events'))
        .map(({ chat }) => [chat, protector.protect(chat)] as const).filter(([chat, pseudonym]) => chat !== pseudonym);
    for (const [chat, pseudonym] of renames) {
        for (const table of ['events', 'chat_facts', 'transitions', 'chat_goals']) {
            await db.run(`UPDATE ${table} SET chat = ? WHERE chat = ?`, [pseudonym, chat]);
        }
    }
    return renames.length;
}
