import type { SqlRunner } from './metrics/sql.js';
import type { PrivacyPolicy, PrivacyStatus } from './model.js';

/**
 * The `privacy_log` table (schema.ts): one row per import and per re-redaction, with its policy.
 * Kept text is stored while an import under 'keep' (or from before policies) that stored events
 * is newer than the last re-redaction under a stricter policy.
 */
export async function privacyStatus(db: SqlRunner): Promise<PrivacyStatus> {
    const [kept] = await db.all<{ n: number }>(`
        SELECT COUNT(*) AS n FROM privacy_log
        WHERE action = 'import' AND policy = 'keep' AND texts > 0
          AND id > COALESCE((SELECT MAX(id) FROM privacy_log WHERE action = 'redact' AND policy <> 'keep'), 0)`);
    const [last] = await db.all<{ policy: PrivacyPolicy }>("SELECT policy FROM privacy_log WHERE file <> '(imported before privacy policies)' ORDER BY id DESC LIMIT 1");
    const keptImports = kept?.n ?? 0;
    return { keptText: keptImports > 0, keptImports, lastPolicy: last?.policy };
}

/** Records a re-redaction of the whole database. */
export async function recordRedaction(db: SqlRunner, policy: PrivacyPolicy, saltId: string, changed: number): Promise<void> {
    await db.all("INSERT INTO privacy_log (at, action, policy, salt_id, texts) VALUES (?, 'redact', ?, ?, ?)", [Date.now(), policy, saltId, changed]);
}
