import * as fs from 'node:fs';
import { AnalyticsError } from '../../analytics/errors.js';
import { SqliteAnalyticsStore } from '../../analytics/sqlite/sqlite-store.js';
import type { AnalyticsUnavailable } from '../protocol.js';

const WATCH_INTERVAL_MS = 1000;

/**
 * The workspace's analytics store: opened lazily on the first question, reopened when the file is
 * replaced (deleted, created, another inode), closed on shutdown. Watches the file so clients hear
 * about imports made outside this server (the CLI, the demo).
 */
export class StoreHolder {
    private store: SqliteAnalyticsStore | undefined;
    private opened: { file: string; ino: number } | undefined;
    private watched: string | undefined;
    private queue: Promise<unknown> = Promise.resolve();
    /** While an import through this server runs, file changes are its own: no outside-change events. */
    importing = 0;

    constructor(private readonly onOutsideChange: (file: string) => void) {}

    /** The store over `file` if it exists, else why there are no numbers. */
    async read(file: string): Promise<SqliteAnalyticsStore | AnalyticsUnavailable> {
        this.watch(file);
        const stat = fs.statSync(file, { throwIfNoEntry: false });
        if (!stat) {
            await this.close();
            return unavailable(file, `No analytics database at ${file} yet. Run "Chatflow: Import Chat Logs…" (or \`chatflow import <logs> --flow <flows> --db ${file}\`) to import chat logs.`);
        }
        try {
            return await this.open(file, 'existing', stat.ino);
        } catch (error) {
            if (error instanceof AnalyticsError) return unavailable(file, error.message);
            throw error;
        }
    }

    /** The store over `file`, created if needed (imports). */
    async write(file: string): Promise<SqliteAnalyticsStore> {
        this.watch(file);
        const stat = fs.statSync(file, { throwIfNoEntry: false });
        return this.open(file, 'create', stat?.ino ?? -1);
    }

    /**
     * Runs `work` with the store closed; opens asked for meanwhile (code lenses, the panel) wait
     * until it is done. A re-redaction needs the file to itself for its final checkpoint.
     */
    exclusive<T>(work: () => Promise<T>): Promise<T> {
        const next = this.queue.then(async () => {
            await this.close();
            return work();
        });
        this.queue = next.catch(() => undefined);
        return next;
    }

    /** Opens one at a time: two code lens requests arriving together share one connection. */
    private open(file: string, mode: 'create' | 'existing', ino: number): Promise<SqliteAnalyticsStore> {
        const next = this.queue.then(() => this.openNow(file, mode, ino));
        this.queue = next.catch(() => undefined);
        return next;
    }

    private async openNow(file: string, mode: 'create' | 'existing', ino: number): Promise<SqliteAnalyticsStore> {
        if (this.store && this.opened?.file === file && (this.opened.ino === ino || ino === -1)) return this.store;
        await this.close();
        this.store = await SqliteAnalyticsStore.open(file, { mode });
        this.opened = { file, ino: ino === -1 ? fs.statSync(file, { throwIfNoEntry: false })?.ino ?? -1 : ino };
        return this.store;
    }

    private watch(file: string): void {
        if (this.watched === file) return;
        if (this.watched) fs.unwatchFile(this.watched);
        this.watched = file;
        fs.watchFile(file, { interval: WATCH_INTERVAL_MS, persistent: false }, (now, before) => {
            if (this.importing > 0) return;
            if (now.ino !== before.ino || now.mtimeMs !== before.mtimeMs || now.size !== before.size) this.onOutsideChange(file);
        });
    }

    async close(): Promise<void> {
        const store = this.store;
        this.store = undefined;
        this.opened = undefined;
        await store?.close();
    }

    async dispose(): Promise<void> {
        if (this.watched) fs.unwatchFile(this.watched);
        this.watched = undefined;
        await this.close();
    }
}

function unavailable(db: string, message: string): AnalyticsUnavailable {
    return { available: false, db, message };
}
