import { recordRedaction } from '../privacy-log.js';
import { pseudonymiseChats, rewriteTexts, type ReapplyOptions, type ReapplyResult } from '../privacy/reapply.js';
import { saltId } from '../privacy/salt-file.js';
import { refuseKeptTextOnServer } from '../import/import-logs.js';
import { PgRunner } from './pg-connection.js';
import { explainPostgresError } from './pg-errors.js';
import { openPostgres } from './pg-open.js';
import { IMPORT_LOCK } from './pg-writer.js';

/**
 * Re-applies a privacy policy to every stored text on the server, in one transaction (imports
 * wait for it). Then VACUUM marks the old row versions free and they are overwritten as the
 * tables grow; the server's own files and backups are its owner's to manage, as the README says.
 */
export async function reapplyPostgresPrivacy(url: string, shown: string, options: ReapplyOptions & { password?: string }): Promise<ReapplyResult> {
    refuseKeptTextOnServer({ engine: 'postgres', file: shown }, options.privacy.policy);
    const { pool, server } = await openPostgres(url, { mode: 'existing', password: options.password });
    const client = await pool.connect();
    const db = new PgRunner(client, server);
    try {
        await db.run('BEGIN');
        await db.run('SELECT pg_advisory_xact_lock(?)', [IMPORT_LOCK]);
        const texts = await rewriteTexts(db, options);
        const chats = await pseudonymiseChats(db, options);
        await recordRedaction(db, options.privacy.policy, options.privacy.salt ? saltId(options.privacy.salt) : '', texts.changed + chats);
        await db.run('UPDATE store_meta SET generation = generation + 1');
        await db.run('COMMIT');
        await db.run('VACUUM events').catch(() => undefined); // a writer role may not vacuum; the rewrite above is what counts
        return { ...texts, chats };
    } catch (error) {
        await db.run('ROLLBACK').catch(() => undefined);
        throw explainPostgresError(error, server) ?? error;
    } finally {
        client.release();
        await pool.end();
    }
}
