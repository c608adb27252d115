import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Who may use the store's one connection: readers together, inside one read transaction, or one
 * writer alone.
 *
 * Reads: the first reader opens a read transaction (`BEGIN`; SQLite in WAL mode fixes the
 * snapshot at its first SELECT), readers that come while it is open join it, and the last one to
 * finish ends it. So the several queries of a report, or of the editor's overview request that
 * runs them at once, all see the same committed state, whatever another process commits
 * meanwhile. Writes (this connection's imports) wait until no reader holds the transaction, and
 * readers that come while a writer waits queue behind it, so a stream of reads cannot starve an
 * import. A store call made inside a read or a write (a report calling the metrics) runs in the
 * caller's turn: it would wait for itself otherwise.
 */
export class ReadSnapshots {
    private readonly turn = new AsyncLocalStorage<true>();
    private readers = 0;
    private writing = false;
    private closing = false;
    private begun: Promise<void> | undefined;
    private readonly waiting: Array<{ kind: 'read' | 'write'; go: () => void }> = [];

    constructor(private readonly begin: () => Promise<void>, private readonly end: () => Promise<void>) {}

    async read<T>(work: () => Promise<T>): Promise<T> {
        if (this.turn.getStore()) return work();
        await this.acquire('read');
        try {
            this.begun ??= this.begin();
            await this.begun;
            return await this.turn.run(true, work);
        } finally {
            await this.releaseRead();
        }
    }

    async write<T>(work: () => Promise<T>): Promise<T> {
        if (this.turn.getStore()) return work();
        await this.acquire('write');
        try {
            return await this.turn.run(true, work);
        } finally {
            this.writing = false;
            this.next();
        }
    }

    private acquire(kind: 'read' | 'write'): Promise<void> {
        const free = !this.writing && !this.closing && this.waiting.length === 0;
        if (kind === 'read' ? free : free && this.readers === 0) {
            if (kind === 'read') this.readers++;
            else this.writing = true;
            return Promise.resolve();
        }
        return new Promise(go => this.waiting.push({ kind, go }));
    }

    private async releaseRead(): Promise<void> {
        if (this.readers === 1) {
            // Nobody joins while the transaction ends: their queries would run after the COMMIT.
            this.closing = true;
            const begun = this.begun;
            this.begun = undefined;
            try {
                if (begun) await begun.then(() => this.end(), () => undefined);
            } catch {
                // Ending a read transaction fails only when the connection is gone (closed meanwhile);
                // the next statement says so. The readers' results are already theirs.
            } finally {
                this.closing = false;
            }
        }
        this.readers--;
        this.next();
    }

    /** Lets the next waiters in: one writer, or every reader queued before the next writer. */
    private next(): void {
        if (this.writing || this.closing || this.readers > 0) return;
        const first = this.waiting[0];
        if (!first) return;
        if (first.kind === 'write') {
            this.waiting.shift();
            this.writing = true;
            first.go();
            return;
        }
        while (this.waiting[0]?.kind === 'read') {
            this.readers++;
            this.waiting.shift()!.go();
        }
    }
}
