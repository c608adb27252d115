import * as fs from 'node:fs';
import { shownLocation, type DatabaseLocation } from '../../analytics/database-location.js';
import { AnalyticsError } from '../../analytics/errors.js';
import type { MetricStore } from '../../analytics/metric-store.js';
import { openAnalyticsStore } from '../../analytics/open-store.js';
import type { AnalyticsUnavailable } from '../protocol.js';

const WATCH_INTERVAL_MS = 1000;
/** How often a server store is asked whether someone else imported (a cheap one-row read). */
const SERVER_POLL_MS = 15_000;

/**
 * The workspace's analytics store: opened lazily on the first question, reopened when the
 * setting names another one or (SQLite) the file is replaced, closed on shutdown. Tells clients
 * about imports made elsewhere: SQLite by watching the file (the CLI, the demo), PostgreSQL by
 * polling the store's generation (a colleague's import, a CI job).
 */
export class StoreHolder {
    private store: MetricStore | undefined;
    private opened: { key: string; ino: number } | undefined;
    private watched: string | undefined;
    private poll: { timer: NodeJS.Timeout; generation?: string } | undefined;
    private queue: Promise<unknown> = Promise.resolve();
    private writers = 0;
    private idleWaiters: Array<() => void> = [];

    /** While an import through this server runs, changes are its own: no outside-change events. */
    get importing(): number {
        return this.writers;
    }

    set importing(count: number) {
        this.writers = count;
        if (count > 0) return;
        const waiting = this.idleWaiters;
        this.idleWaiters = [];
        waiting.forEach(resolve => resolve());
    }

    /**
     * Resolves once no import, re-redaction or re-mapping through this server runs. Numbers read
     * meanwhile would be half of the new data (a code lens asked mid-import read "0 chats" and kept
     * it); asked then, they wait and come with the change's own generation.
     */
    whenIdle(): Promise<void> {
        return this.writers === 0 ? Promise.resolve() : new Promise(resolve => this.idleWaiters.push(resolve));
    }

    constructor(private readonly onOutsideChange: (db: string) => void) {}

    /** The store if it exists and answers, else why there are no numbers (the message says what to do). */
    async read(location: DatabaseLocation): Promise<MetricStore | AnalyticsUnavailable> {
        const name = shownLocation(location);
        let ino = -1;
        if (location.engine === 'sqlite') {
            this.watch(location.file);
            const stat = fs.statSync(location.file, { throwIfNoEntry: false });
            if (!stat) {
                await this.close();
                return unavailable(name, `No analytics database at ${name} yet. Run "Chatflow: Import Chat Logs…" (or \`chatflow import <logs> --flow <flows> --db ${name}\`) to import chat logs.`);
            }
            ino = stat.ino;
        }
        try {
            return await this.open(location, 'existing', ino);
        } catch (error) {
            // A server that is down, a wrong password, a missing grant: the panel shows it with a retry.
            if (error instanceof AnalyticsError) return unavailable(name, error.message);
            throw error;
        }
    }

    /** The store, created if needed (imports). */
    async write(location: DatabaseLocation): Promise<MetricStore> {
        if (location.engine === 'sqlite') this.watch(location.file);
        const stat = location.engine === 'sqlite' ? fs.statSync(location.file, { throwIfNoEntry: false }) : undefined;
        return this.open(location, 'create', stat?.ino ?? -1);
    }

    /**
     * Runs `work` with the store closed; opens asked for meanwhile (code lenses, the panel) wait
     * until it is done. A re-redaction needs the database to itself.
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
    private open(location: DatabaseLocation, mode: 'create' | 'existing', ino: number): Promise<MetricStore> {
        const next = this.queue.then(() => this.openNow(location, mode, ino));
        this.queue = next.catch(() => undefined);
        return next;
    }

    private async openNow(location: DatabaseLocation, mode: 'create' | 'existing', ino: number): Promise<MetricStore> {
        const key = location.engine === 'sqlite' ? location.file : location.url;
        if (this.store && this.opened?.key === key && (this.opened.ino === ino || ino === -1)) return this.store;
        await this.close();
        this.store = await openAnalyticsStore(location, { mode });
        this.opened = { key, ino: location.engine === 'sqlite' && ino === -1 ? fs.statSync(location.file, { throwIfNoEntry: false })?.ino ?? -1 : ino };
        if (location.engine === 'postgres') this.pollGeneration(this.store, location.shown);
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

    private pollGeneration(store: MetricStore, shown: string): void {
        const poll = { generation: undefined as string | undefined, timer: setInterval(async () => {
            try {
                const generation = await store.memo.generation();
                if (poll.generation !== undefined && generation !== poll.generation && this.importing === 0) this.onOutsideChange(shown);
                poll.generation = generation;
            } catch {
                // The server went away: the next question reports it (with what to do).
            }
        }, SERVER_POLL_MS) };
        poll.timer.unref();
        this.poll = poll;
    }

    async close(): Promise<void> {
        const store = this.store;
        this.store = undefined;
        this.opened = undefined;
        if (this.poll) clearInterval(this.poll.timer);
        this.poll = undefined;
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
