import * as path from 'node:path';
import { AnalyticsError, explainSqliteError } from '../errors.js';
import { recordRedaction } from '../privacy-log.js';
import { pseudonymiseChats, rewriteTexts, type ReapplyOptions, type ReapplyResult } from '../privacy/reapply.js';
import { saltId } from '../privacy/salt-file.js';
import { openDatabase } from './open-database.js';

/**
 * Re-applies a privacy policy to every stored text of an existing database, for data imported
 * under a weaker policy (or before policies existed). In place and atomic: one transaction, so a
 * crash leaves the old texts or the new ones, never a mix. Then the old texts are wiped from the
 * file itself: secure_delete zeroes freed cells, VACUUM rewrites every page, and a TRUNCATE
 * checkpoint empties the -wal file, which still holds them otherwise.
 */
export async function reapplySqlitePrivacy(file: string, options: ReapplyOptions): Promise<ReapplyResult> {
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

