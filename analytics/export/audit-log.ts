import type { SqlRunner } from '../metrics/sql.js';

/** One row of the export audit log (table export_audit). */
export interface AuditEntry {
    at: number;
    platform: string;
    goals: string[];
    events: number;
    mode: 'dry-run' | 'send';
    destination: string;
    status: 'ok' | 'failed';
    detail: string;
}

export async function appendAudit(db: SqlRunner, entry: AuditEntry): Promise<void> {
    await db.all('INSERT INTO export_audit (at, platform, goals, events, mode, destination, status, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        [entry.at, entry.platform, entry.goals.join(','), entry.events, entry.mode, entry.destination, entry.status, entry.detail]);
}

export async function readAudit(db: SqlRunner): Promise<AuditEntry[]> {
    const rows = await db.all<Omit<AuditEntry, 'goals'> & { goals: string }>(
        'SELECT at, platform, goals, events, mode, destination, status, detail FROM export_audit ORDER BY id');
    return rows.map(row => ({ ...row, goals: row.goals === '' ? [] : row.goals.split(',') }));
}
